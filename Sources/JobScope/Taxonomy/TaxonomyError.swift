import Foundation

/// Why a taxonomy file could not be loaded. Every case names the file and, where it can, the line and key path.
public enum TaxonomyError: LocalizedError, Equatable, Sendable {
    /// The file could not be read at all.
    case unreadable(file: String, reason: String)
    /// The YAML itself is malformed.
    case syntax(file: String, line: Int, column: Int, problem: String)
    /// A value has the wrong type, or a required key is missing.
    case invalidValue(file: String, line: Int?, keyPath: String, problem: String)
    /// A key the format does not know (usually a typo).
    case unknownKey(file: String, line: Int?, keyPath: String, known: [String])
    /// A skill category that is not one of `SkillCategory`.
    case unknownCategory(file: String, line: Int?, keyPath: String, value: String)
    /// Two entries share an id.
    case duplicateID(file: String, line: Int?, keyPath: String, id: String, firstKeyPath: String)
    /// Two skills (or one skill twice) claim the same spelling.
    case duplicateAlias(file: String, line: Int?, keyPath: String, alias: String, firstKeyPath: String)
    /// A role lists a skill id the file does not define.
    case unknownSkill(file: String, line: Int?, keyPath: String, skill: String)
    /// A role lists a collaborator role id the file does not define.
    case unknownRole(file: String, line: Int?, keyPath: String, role: String)
    /// A skill names an ambiguity rule the registry does not have.
    case unknownRule(file: String, line: Int?, keyPath: String, rule: String, known: [String])
    /// More than one problem; each is listed.
    case several([TaxonomyError])

    public var errorDescription: String? {
        switch self {
        case .unreadable(let file, let reason):
            return "\(file): cannot read the taxonomy (\(reason)); check the path given to --taxonomy or --models"
        case .syntax(let file, let line, let column, let problem):
            return "\(file):\(line):\(column): YAML syntax error: \(problem); fix the indentation or quoting there"
        case .invalidValue(let file, let line, let keyPath, let problem):
            return "\(Self.place(file, line)): \(keyPath): \(problem)"
        case .unknownKey(let file, let line, let keyPath, let known):
            return "\(Self.place(file, line)): \(keyPath): unknown key; expected one of \(known.joined(separator: ", "))"
        case .unknownCategory(let file, let line, let keyPath, let value):
            return "\(Self.place(file, line)): \(keyPath): unknown skill category '\(value)'; use one of "
                + SkillCategory.allCases.map(\.rawValue).joined(separator: ", ")
        case .duplicateID(let file, let line, let keyPath, let id, let first):
            return "\(Self.place(file, line)): \(keyPath): duplicate id '\(id)' (first used at \(first)); ids must be unique"
        case .duplicateAlias(let file, let line, let keyPath, let alias, let first):
            return "\(Self.place(file, line)): \(keyPath): duplicate alias '\(alias)' (already at \(first)); "
                + "a spelling may belong to one skill only"
        case .unknownSkill(let file, let line, let keyPath, let skill):
            return "\(Self.place(file, line)): \(keyPath): unknown skill '\(skill)'; add it under skills: or fix the id"
        case .unknownRole(let file, let line, let keyPath, let role):
            return "\(Self.place(file, line)): \(keyPath): unknown role '\(role)'; add it under roles: or fix the id"
        case .unknownRule(let file, let line, let keyPath, let rule, let known):
            return "\(Self.place(file, line)): \(keyPath): unknown ambiguity rule '\(rule)'; known rules: "
                + known.joined(separator: ", ")
        case .several(let errors):
            return "\(errors.count) problems in the taxonomy:\n"
                + errors.map { "  " + ($0.errorDescription ?? "\($0)") }.joined(separator: "\n")
        }
    }

    /// `file:line` when the line is known.
    static func place(_ file: String, _ line: Int?) -> String {
        line.map { "\(file):\($0)" } ?? file
    }
}
