import Foundation

/// The roles, skills, domains and levels JobScope knows, loaded from a human-editable file in `Models/`.
public struct Taxonomy: Sendable, Codable, Equatable {
    /// Bumped whenever the file changes in a way that should retrain the model.
    public var version: String
    public var roles: [Role]
    public var skills: [Skill]
    public var domains: [Domain]
    public var educationLevels: [EducationLevel]
    public var seniorityLevels: [SeniorityLevel]

    public init(version: String, roles: [Role], skills: [Skill], domains: [Domain] = [],
                educationLevels: [EducationLevel] = [], seniorityLevels: [SeniorityLevel] = []) {
        self.version = version
        self.roles = roles
        self.skills = skills
        self.domains = domains
        self.educationLevels = educationLevels
        self.seniorityLevels = seniorityLevels
    }

    /// The role with this id, if any.
    public func role(_ id: String) -> Role? { roles.first { $0.id == id } }
    /// The skill with this id, if any.
    public func skill(_ id: String) -> Skill? { skills.first { $0.id == id } }
}

/// Whether the seeds document a role, or it is an adjacent role kept so its postings are not forced elsewhere.
public enum RoleKind: String, Sendable, Codable, CaseIterable {
    case documented
    case adjacent
}

/// A job role: documented by the seeds, or adjacent to them.
public struct Role: Sendable, Codable, Equatable, Identifiable {
    /// Stable slug, e.g. `machine-learning-engineer`.
    public var id: String
    public var name: String
    public var kind: RoleKind
    /// Named by the seeds as an emerging role (Generative AI Engineer, AI Model Trainer, NLP Specialist).
    public var emerging: Bool
    public var description: String
    public var responsibilities: [String]
    /// Skill ids the seeds list for this role.
    public var skills: [String]
    /// Role ids this role works with (the seeds' collaboration table).
    public var collaborators: [String]
    /// Other names for the role ("AI Ethics Specialist").
    public var aliases: [String]
    /// Lowercase phrases whose presence in a title is keyword evidence for this role.
    public var titleKeywords: [String]
    /// Nearest O*NET-SOC occupation, e.g. `15-2051.00`.
    public var onetCode: String?
    public var onetTitle: String?

    public init(id: String, name: String, kind: RoleKind = .documented, emerging: Bool = false,
                description: String = "", responsibilities: [String] = [], skills: [String] = [],
                collaborators: [String] = [], aliases: [String] = [], titleKeywords: [String] = [],
                onetCode: String? = nil, onetTitle: String? = nil) {
        self.id = id
        self.name = name
        self.kind = kind
        self.emerging = emerging
        self.description = description
        self.responsibilities = responsibilities
        self.skills = skills
        self.collaborators = collaborators
        self.aliases = aliases
        self.titleKeywords = titleKeywords
        self.onetCode = onetCode
        self.onetTitle = onetTitle
    }
}

/// The clusters skills are grouped into, in reports and in demand figures.
public enum SkillCategory: String, Sendable, Codable, CaseIterable {
    case programmingLanguage = "programming-language"
    case mlFramework = "ml-framework"
    case dataTooling = "data-tooling"
    case cloud
    case mathStatistics = "math-statistics"
    case mlTechnique = "ml-technique"
    case softSkill = "soft-skill"
    case ethicsGovernance = "ethics-governance"
    case designResearch = "design-research"
    case content
}

/// A skill a posting can ask for.
public struct Skill: Sendable, Codable, Equatable, Identifiable {
    /// Stable slug, e.g. `python`, `scikit-learn`.
    public var id: String
    /// Canonical display name.
    public var name: String
    public var category: SkillCategory
    /// Spellings that mean this skill (the name is always one of them).
    public var aliases: [String]
    /// Ids of ambiguity rules from `AmbiguityRule` that a match must pass (for `R`, `C`, `Go`, `Excel`, …).
    public var rules: [String]
    /// The seeds list this skill; false for skills added from today's postings or O*NET.
    public var fromSeeds: Bool

    public init(id: String, name: String, category: SkillCategory, aliases: [String] = [],
                rules: [String] = [], fromSeeds: Bool = false) {
        self.id = id
        self.name = name
        self.category = category
        self.aliases = aliases
        self.rules = rules
        self.fromSeeds = fromSeeds
    }
}

/// An application domain from the seeds (healthcare, finance, …).
public struct Domain: Sendable, Codable, Equatable, Identifiable {
    public var id: String
    public var name: String
    /// Lowercase phrases that signal the domain in a posting.
    public var keywords: [String]

    public init(id: String, name: String, keywords: [String]) {
        self.id = id
        self.name = name
        self.keywords = keywords
    }
}
