import Foundation

/// What the title alone says about a posting's role.
public enum TitleOutcome: String, Sendable, Codable, Hashable {
    /// The title names one of JobScope's roles.
    case role
    /// The title names a job that is none of JobScope's roles.
    case other
    /// The title cannot say ("Research Scientist", "Consultant", an empty title).
    case undecided
}

/// A job title read as a person reads it: the role it names, the parts that are not the role.
public struct ParsedTitle: Sendable, Codable, Hashable {
    public var title: String
    public var outcome: TitleOutcome
    /// The role the title names (for `.role`).
    public var roleID: String?
    /// A second role the title supports ("Machine Learning Engineer (LLM)": ML Engineer behind Gen AI Engineer).
    public var secondRoleID: String?
    /// Roles named in other segments of the title ("Data Engineer / Data Scientist"), after the first.
    public var otherRoleIDs: [String]
    /// The head rule that decided, and the specialisation rule that refined it.
    public var headRule: String?
    public var specialisationRule: String?
    /// The words of the head segment that name the role, seniority taken off ("software engineer").
    public var head: String?
    /// Seniority words taken off ("senior", "ii").
    public var seniority: [String]
    /// Segments before the head segment (a Hacker News line's company).
    public var leading: [String]
    /// Segments after the head, by kind: `location`, `employment`, `salary`, `noise`, `qualifier` (team, focus).
    public var qualifiers: [String: [String]]
    /// The rule whose role the body's AI evidence did not bear out (its `requires`), when
    /// `TitleParser.confirmed(_:evidence:)` fell back to the title's head role.
    public var unconfirmedRule: String? = nil

    public init(title: String, outcome: TitleOutcome, roleID: String? = nil, secondRoleID: String? = nil,
                otherRoleIDs: [String] = [], headRule: String? = nil, specialisationRule: String? = nil,
                head: String? = nil, seniority: [String] = [], leading: [String] = [],
                qualifiers: [String: [String]] = [:]) {
        self.title = title
        self.outcome = outcome
        self.roleID = roleID
        self.secondRoleID = secondRoleID
        self.otherRoleIDs = otherRoleIDs
        self.headRule = headRule
        self.specialisationRule = specialisationRule
        self.head = head
        self.seniority = seniority
        self.leading = leading
        self.qualifiers = qualifiers
    }

    /// The label as a class name (`other` for Other), nil when undecided.
    public var className: String? {
        switch outcome {
        case .role: return roleID
        case .other: return RoleModel.otherClass
        case .undecided: return nil
        }
    }

    /// Every role the title supports, the most specific first (lenient evaluation accepts any of them).
    public var supportedClasses: [String] {
        guard let first = className else { return [] }
        var result = [first]
        for id in [secondRoleID].compactMap({ $0 }) + otherRoleIDs where !result.contains(id) { result.append(id) }
        return result
    }
}
