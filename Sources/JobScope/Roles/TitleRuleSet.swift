import Foundation
import Yams

/// One title rule: a pattern over a normalized job title and the label it gives.
public struct TitleRule: Sendable, Codable, Equatable {
    /// Stable id, e.g. `data-scientist.data-science`.
    public var id: String
    /// A role id, `other` (not one of JobScope's roles), or `skip` (too ambiguous to label).
    public var role: String
    /// Regular expression searched anywhere in the normalized title.
    public var pattern: String
    /// Invented titles that must get this rule's label (checked by the tests).
    public var examples: [String]

    public init(id: String, role: String, pattern: String, examples: [String] = []) {
        self.id = id
        self.role = role
        self.pattern = pattern
        self.examples = examples
    }
}

/// The label a title rule gave a posting.
public enum TitleLabel: Sendable, Hashable {
    /// A taxonomy role.
    case role(String)
    /// Not one of JobScope's roles.
    case other
    /// A rule matched but says the title is too ambiguous to use.
    case skipped

    /// The class name used in training and evaluation (`other` for `.other`), nil for `.skipped`.
    public var className: String? {
        switch self {
        case .role(let id): return id
        case .other: return RoleModel.otherClass
        case .skipped: return nil
        }
    }
}

/// The ordered, versioned title rules of `Corpus/title-rules.yaml`: they label a real posting from its title
/// alone, so a description is never labelled by what it says (nor by the classifier).
public struct TitleRuleSet: Sendable {
    public let version: String
    public let rules: [TitleRule]
    private let compiled: [CompiledPattern]

    /// The sentinel role values a rule may give besides a role id.
    public static let otherRole = "other"
    public static let skipRole = "skip"

    /// Compiles `rules`; throws when a pattern is not a valid regular expression.
    public init(version: String, rules: [TitleRule]) throws {
        self.version = version
        self.rules = rules
        self.compiled = try rules.map { rule in
            do {
                return CompiledPattern(try NSRegularExpression(pattern: rule.pattern, options: [.caseInsensitive]))
            } catch {
                throw TitleRuleError.badPattern(rule: rule.id, pattern: rule.pattern)
            }
        }
    }

    /// Reads a rules file (YAML with `version` and `rules`).
    public static func load(from url: URL) throws -> TitleRuleSet {
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw TitleRuleError.unreadable(path: url.path, reason: error.localizedDescription)
        }
        struct RuleFile: Decodable {
            var id: String
            var role: String
            var pattern: String
            var examples: [String]?
        }
        struct FormatOnly: Decodable {
            var format: Int?
        }
        struct RawFile: Decodable {
            var version: String
            var rules: [RuleFile]
        }
        // The format first: a newer file may not decode as this layout at all.
        if let declared = try? YAMLDecoder().decode(FormatOnly.self, from: text) {
            try DataFormat.check(declared.format, newest: DataFormat.titleRules, file: url.path)
        }
        let raw: RawFile
        do {
            raw = try YAMLDecoder().decode(RawFile.self, from: text)
        } catch {
            throw TitleRuleError.unreadable(path: url.path, reason: "not a title-rules file (\(error))")
        }
        return try TitleRuleSet(version: raw.version, rules: raw.rules.map {
            TitleRule(id: $0.id, role: $0.role, pattern: $0.pattern, examples: $0.examples ?? [])
        })
    }

    /// Checks every rule's role against the taxonomy; returns the rule ids whose role is unknown.
    public func unknownRoles(in taxonomy: Taxonomy) -> [String] {
        rules.filter { rule in
            rule.role != Self.otherRole && rule.role != Self.skipRole && taxonomy.role(rule.role) == nil
        }.map(\.id)
    }

    /// The title as rules see it: lowercased, dashes and underscores as spaces, white space collapsed.
    public static func normalize(_ title: String) -> String {
        if ASCIISearch.isASCII(title) { return normalizeASCII(title) }
        let spaced = title.lowercased().unicodeScalars.map { scalar -> Character in
            switch scalar {
            case "-", "_", "\u{2010}", "\u{2011}", "\u{2012}", "\u{2013}", "\u{2014}", "\u{2015}": return " "
            default: return Character(scalar)
            }
        }
        return String(spaced).split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// `normalize` of an ASCII title, over its bytes: lowercase, `-` and `_` as spaces, runs of white space
    /// (space, tab, LF, VT, FF, CR: ASCII's `isWhitespace`) as one space, none at either end.
    static func normalizeASCII(_ title: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(title.utf8.count)
        var pendingSpace = false
        for b in title.utf8 {
            if b == 0x20 || (b >= 0x09 && b <= 0x0D) || b == UInt8(ascii: "-") || b == UInt8(ascii: "_") {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace { out.append(0x20) }
            pendingSpace = false
            out.append(ByteScan.lower(b))
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The first rule that matches `title`, if any.
    public func matchingRule(for title: String) -> TitleRule? {
        let normalized = Self.normalize(title)
        guard !normalized.isEmpty else { return nil }
        for (rule, pattern) in zip(rules, compiled) where pattern.matches(normalized) {
            return rule
        }
        return nil
    }

    /// The label the rules give `title`, or nil when no rule matches (the posting stays unlabelled).
    public func label(for title: String) -> TitleLabel? {
        guard let rule = matchingRule(for: title) else { return nil }
        switch rule.role {
        case Self.otherRole: return .other
        case Self.skipRole: return .skipped
        default: return .role(rule.role)
        }
    }
}

/// Why the title rules could not be used.
public enum TitleRuleError: LocalizedError, Equatable {
    case unreadable(path: String, reason: String)
    case badPattern(rule: String, pattern: String)

    public var errorDescription: String? {
        switch self {
        case .unreadable(let path, let reason):
            return "\(path): cannot read title rules: \(reason)"
        case .badPattern(let rule, let pattern):
            return "title rule \(rule): '\(pattern)' is not a valid regular expression; fix it in Corpus/title-rules.yaml"
        }
    }
}
