import Foundation
import Yams

/// An invented title and the answer the title parser must give it (checked by the tests).
public struct TitleParseExample: Sendable, Codable, Equatable {
    public var title: String
    /// A role id, `other` or `skip`.
    public var role: String
    /// The second role the title supports, when it names one.
    public var second: String?

    public init(title: String, role: String, second: String? = nil) {
        self.title = title
        self.role = role
        self.second = second
    }
}

/// A head rule: a pattern naming the role a title is for.
public struct TitleHeadRule: Sendable, Codable, Equatable {
    public var id: String
    /// A role id, `other`, or `skip` (the title alone cannot say).
    public var role: String
    /// A second role the head always supports ("AI Engineer": Generative AI Engineer, then ML Engineer).
    public var second: String?
    public var pattern: String
    public var examples: [TitleParseExample]
    /// Tried in every segment before any other rule: a role named anywhere in the title outranks the head
    /// segment ("Software Developer - AI Trainer" is an AI trainer).
    public var anySegment: Bool? = nil
    /// With `anySegment`: the rule outranks the head segment only when no other segment matches this pattern
    /// ("Economist, Policy" is policy work; "Backend Engineer, Bidding Policy" is an engineer's).
    public var anySegmentUnless: String? = nil
    /// The role holds only when the body's AI evidence shows at least this involvement; otherwise the title is
    /// its `second` role (`TitleParser.confirmed(_:evidence:)`).
    public var requires: AIInvolvement? = nil
    /// With `requires`: the role holds only when the body's generative-AI terms also reach this share of its
    /// evidence ("AI Engineer" whose duties are mostly classic ML and name LLMs once or twice is an ML engineer).
    public var requiresShare: GenerativeShare? = nil
    /// The role the title is instead when the body holds enough of a kind of duty ("Solutions Architect" whose
    /// posting is pre-sales work is Other).
    public var bodyOverride: TitleBodyOverride? = nil
}

/// How much of a body's AI evidence must be generative-AI work: at least `minimum` generative-AI terms and at
/// least `ratio` times as many as ML terms.
public struct GenerativeShare: Sendable, Codable, Equatable {
    public var minimum: Int
    public var ratio: Double

    public init(minimum: Int, ratio: Double) {
        self.minimum = minimum
        self.ratio = ratio
    }

    /// True when `counts` show that share.
    public func holds(_ counts: AIEvidenceCounts) -> Bool {
        counts.genai >= minimum && Double(counts.genai) >= ratio * Double(counts.ml)
    }
}

/// A head rule's role overruled by the body: `role` when at least `minimum` different phrases of `pattern`
/// occur in the body.
public struct TitleBodyOverride: Sendable, Codable, Equatable {
    public var role: String
    public var pattern: String
    public var minimum: Int
}

/// A specialisation rule: a modifier elsewhere in the title that refines a head ("…, Generative AI").
public struct TitleSpecialisationRule: Sendable, Codable, Equatable {
    public var id: String
    /// Head role ids (or head rule ids) this rule refines.
    public var heads: [String]
    public var role: String
    /// `head` keeps the head's role as the second role; a role id names another.
    public var second: String?
    public var pattern: String
    public var examples: [TitleParseExample]
    /// The specialised role holds only when the body's AI evidence shows at least this involvement; otherwise
    /// the title is its head role (`TitleParser.confirmed(_:evidence:)`).
    public var requires: AIInvolvement? = nil
    /// The rule does not refine a title (any segment) that matches this pattern: the title names a kind of work
    /// of the head's own ("Front-End Engineer (ML Applications)" builds the front end, not the models).
    public var unless: String? = nil
}

/// A whole segment that is not about the job itself: a location, an employment type, a salary, an id.
public struct TitleSegmentRule: Sendable, Codable, Equatable {
    public var kind: String
    public var pattern: String
}

/// The data of `Corpus/title-parse-rules.yaml`, carried inside the role model so `classify` reads titles with
/// the rules the model was trained with.
public struct TitleParseRules: Sendable, Codable, Equatable {
    public var version: String
    public var seniority: [String]
    public var segments: [TitleSegmentRule]
    /// A title with none of these words names no role of JobScope's: it is Other.
    public var roleWords: String
    public var heads: [TitleHeadRule]
    public var specialisations: [TitleSpecialisationRule]
    /// AI role → the role it is when the work involves no AI (`other` when none fits).
    public var aiGated: [String: String]
    /// Non-AI role → the AI role it is when the work builds ML or generative AI.
    public var aiUpgrades: [String: String]
    /// The AI terms (generative-AI, ML and AI-work matches) an upgrade needs besides building AI (nil: none).
    public var aiUpgradeMinimum: Int?
    /// Sentences in which a body names its job (`BodyRoleStatements`); nil: not read.
    public var bodyStatements: BodyStatementRules?

    public init(version: String, seniority: [String] = [], segments: [TitleSegmentRule] = [], roleWords: String = "",
                heads: [TitleHeadRule], specialisations: [TitleSpecialisationRule] = [],
                aiGated: [String: String] = [:], aiUpgrades: [String: String] = [:], aiUpgradeMinimum: Int? = nil,
                bodyStatements: BodyStatementRules? = nil) {
        self.version = version
        self.seniority = seniority
        self.segments = segments
        self.roleWords = roleWords
        self.heads = heads
        self.specialisations = specialisations
        self.aiGated = aiGated
        self.aiUpgrades = aiUpgrades
        self.aiUpgradeMinimum = aiUpgradeMinimum
        self.bodyStatements = bodyStatements
    }

    /// Reads a rules file.
    public static func load(from url: URL) throws -> TitleParseRules {
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw TitleRuleError.unreadable(path: url.path, reason: error.localizedDescription)
        }
        struct RawHead: Decodable {
            var id: String, role: String, second: String?, pattern: String, examples: [TitleParseExample]?
            var anySegment: Bool?
            var anySegmentUnless: String?
            var requires: AIInvolvement?
            var requiresShare: GenerativeShare?
            var bodyOverride: TitleBodyOverride?
        }
        struct RawSpecialisation: Decodable {
            var id: String, heads: [String], role: String, second: String?, pattern: String
            var examples: [TitleParseExample]?
            var requires: AIInvolvement?
            var unless: String?
        }
        struct Raw: Decodable {
            var version: String
            var seniority: [String]?
            var segments: [TitleSegmentRule]?
            var roleWords: String?
            var heads: [RawHead]
            var specialisations: [RawSpecialisation]?
            var aiGated: [String: String]?
            var aiUpgrades: [String: String]?
            var aiUpgradeMinimum: Int?
            var bodyStatements: BodyStatementRules?
        }
        let raw: Raw
        do {
            raw = try YAMLDecoder().decode(Raw.self, from: text)
        } catch {
            throw TitleRuleError.unreadable(path: url.path, reason: "not a title-parse-rules file (\(error))")
        }
        return TitleParseRules(
            version: raw.version, seniority: raw.seniority ?? [], segments: raw.segments ?? [],
            roleWords: raw.roleWords ?? "",
            heads: raw.heads.map {
                TitleHeadRule(id: $0.id, role: $0.role, second: $0.second, pattern: $0.pattern, examples: $0.examples ?? [],
                              anySegment: $0.anySegment, anySegmentUnless: $0.anySegmentUnless, requires: $0.requires,
                              requiresShare: $0.requiresShare, bodyOverride: $0.bodyOverride)
            },
            specialisations: (raw.specialisations ?? []).map {
                TitleSpecialisationRule(id: $0.id, heads: $0.heads, role: $0.role, second: $0.second,
                                        pattern: $0.pattern, examples: $0.examples ?? [], requires: $0.requires,
                                        unless: $0.unless)
            },
            aiGated: raw.aiGated ?? [:], aiUpgrades: raw.aiUpgrades ?? [:], aiUpgradeMinimum: raw.aiUpgradeMinimum,
            bodyStatements: raw.bodyStatements)
    }

    /// Role ids the rules name that `taxonomy` lacks (besides `other`, `skip`), with the rule naming each.
    public func unknownRoles(in taxonomy: Taxonomy) -> [String] {
        func unknown(_ id: String?) -> Bool {
            guard let id, id != TitleRuleSet.otherRole, id != TitleRuleSet.skipRole, id != "head" else { return false }
            return taxonomy.role(id) == nil
        }
        var result: [String] = []
        for rule in heads where unknown(rule.role) || unknown(rule.second) || unknown(rule.bodyOverride?.role) {
            result.append(rule.id)
        }
        for rule in specialisations where unknown(rule.role) || unknown(rule.second) { result.append(rule.id) }
        for (from, to) in aiGated.sorted(by: { $0.key < $1.key }) where unknown(from) || unknown(to) {
            result.append("aiGated." + from)
        }
        for (from, to) in aiUpgrades.sorted(by: { $0.key < $1.key }) where unknown(from) || unknown(to) {
            result.append("aiUpgrades." + from)
        }
        return result
    }
}
