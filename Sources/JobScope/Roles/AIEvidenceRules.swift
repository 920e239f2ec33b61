import Foundation
import Yams

/// An invented sentence and the AI involvement it must give (checked by the tests).
public struct AIEvidenceExample: Sendable, Codable, Equatable {
    public var text: String
    public var involvement: AIInvolvement
}

/// The patterns of `Corpus/ai-evidence.yaml`, carried inside the role model.
public struct AIEvidenceRules: Sendable, Codable, Equatable {
    public var version: String
    /// A heading that opens the employer's own text (About us, Benefits): its sentences never count.
    public var companyHeadings: String
    public var uses: String
    public var genai: String
    public var ml: String
    public var work: String
    public var examples: [AIEvidenceExample]
    /// Per decided role (`other` for Other): the least and the most AI involvement its work can have. What a
    /// job does bounds what the evidence can say: a policy manager or an account executive at an AI lab writes
    /// about models without building them (at most uses_ai), a generative-AI engineer builds generative AI.
    public var floors: [String: AIInvolvement]?
    public var ceilings: [String: AIInvolvement]?
    /// A role without a floor reports building only with at least this many ML or generative-AI terms; fewer
    /// (a posting that names "AI" and one model word) use AI (nil: no minimum).
    public var buildMinimum: Int?
    /// A level held down to uses_ai (by a ceiling or `buildMinimum`) stays uses_ai only with a tool use or at
    /// least this many AI terms; fewer are AI named in passing: none (nil: no minimum).
    public var subjectMinimum: Int?
    /// When the body decided (no title named the role), a building role whose duties stress generative AI is the
    /// generative-AI role (nil: no such rule).
    public var genaiStress: GenerativeStress?

    /// "The duties stress generative AI": at least `minimum` generative-AI terms and `ratio` times as many as ML
    /// terms, for a posting the body put in one of `from`; it becomes `role`, the old role second.
    public struct GenerativeStress: Sendable, Codable, Equatable {
        public var from: [String]
        public var role: String
        public var minimum: Int
        public var ratio: Double

        public init(from: [String], role: String, minimum: Int, ratio: Double) {
            self.from = from
            self.role = role
            self.minimum = minimum
            self.ratio = ratio
        }

        /// True when `counts` stress generative AI.
        public func stressed(_ counts: AIEvidenceCounts) -> Bool {
            GenerativeShare(minimum: minimum, ratio: ratio).holds(counts)
        }
    }

    public init(version: String, companyHeadings: String, uses: String, genai: String, ml: String, work: String,
                examples: [AIEvidenceExample] = [], floors: [String: AIInvolvement]? = nil,
                ceilings: [String: AIInvolvement]? = nil, buildMinimum: Int? = nil, subjectMinimum: Int? = nil,
                genaiStress: GenerativeStress? = nil) {
        self.version = version
        self.companyHeadings = companyHeadings
        self.uses = uses
        self.genai = genai
        self.ml = ml
        self.work = work
        self.examples = examples
        self.floors = floors
        self.ceilings = ceilings
        self.buildMinimum = buildMinimum
        self.subjectMinimum = subjectMinimum
        self.genaiStress = genaiStress
    }

    /// The involvement reported for a posting decided as `role` whose evidence is `counts`: what the evidence
    /// shows, held between the role's floor and ceiling, building only with enough model terms.
    public func reported(_ counts: AIEvidenceCounts, role: String) -> AIInvolvement {
        var level = counts.involvement
        var heldDown = false
        let floor = floors?[role]
        if floor == nil, level.buildsAI, counts.ml + counts.genai < buildMinimum ?? 0 {
            level = .usesAI
            heldDown = true
        }
        if let ceiling = ceilings?[role], ceiling.rank < level.rank {
            level = ceiling
            heldDown = true
        }
        if heldDown, level == .usesAI, counts.uses == 0, counts.aiTerms < subjectMinimum ?? 0 { level = .none }
        if let floor, floor.rank > level.rank { level = floor }
        return level
    }

    /// Reads a rules file.
    public static func load(from url: URL) throws -> AIEvidenceRules {
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw TitleRuleError.unreadable(path: url.path, reason: error.localizedDescription)
        }
        struct Raw: Decodable {
            var version: String, companyHeadings: String, uses: String, genai: String, ml: String, work: String
            var examples: [AIEvidenceExample]?
            var floors: [String: AIInvolvement]?
            var ceilings: [String: AIInvolvement]?
            var buildMinimum: Int?
            var subjectMinimum: Int?
            var genaiStress: GenerativeStress?
        }
        do {
            let raw = try YAMLDecoder().decode(Raw.self, from: text)
            return AIEvidenceRules(version: raw.version, companyHeadings: raw.companyHeadings, uses: raw.uses,
                                   genai: raw.genai, ml: raw.ml, work: raw.work, examples: raw.examples ?? [],
                                   floors: raw.floors, ceilings: raw.ceilings, buildMinimum: raw.buildMinimum,
                                   subjectMinimum: raw.subjectMinimum, genaiStress: raw.genaiStress)
        } catch {
            throw TitleRuleError.unreadable(path: url.path, reason: "not an ai-evidence file (\(error))")
        }
    }
}
