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
    /// The skill hierarchy: every skill's `family` is one of these, and a family may sit under a parent.
    public var families: [SkillFamily]
    /// Subjects a degree can be in ("degree in Statistics"): an education attribute, never a skill.
    public var fieldsOfStudy: [FieldOfStudy]

    public init(version: String, roles: [Role], skills: [Skill], domains: [Domain] = [],
                educationLevels: [EducationLevel] = [], seniorityLevels: [SeniorityLevel] = [],
                families: [SkillFamily] = [], fieldsOfStudy: [FieldOfStudy] = []) {
        self.version = version
        self.roles = roles
        self.skills = skills
        self.domains = domains
        self.educationLevels = educationLevels
        self.seniorityLevels = seniorityLevels
        self.families = families
        self.fieldsOfStudy = fieldsOfStudy
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
    /// Web, mobile and backend frameworks, databases, DevOps, observability, security, testing, architecture.
    case softwareEngineering = "software-engineering"
    /// Teaching competencies: teaching, curriculum, instructional design, assessment, learning platforms.
    case education
    /// Sales, marketing, finance, recruiting, operations, compliance and office software.
    case business
    /// Trades, facilities, workplace safety and care skills, as non-AI postings ask for them.
    case tradesHealthcare = "trades-healthcare"
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
    /// Id of the `SkillFamily` the skill belongs to (`pinecone` → `vector-databases`).
    public var family: String?
    /// O*NET commodity code of the skill's technology category (`43232306`), when O*NET lists the tool.
    public var onet: String?
    /// Generic spellings ("pipelines", "stakeholders") that count only with one of `contextTerms` nearby
    /// (the `own-terms-nearby` rule); matched like aliases otherwise.
    public var weakAliases: [String]
    /// Single words that, near a weak alias, show the skill is meant ("data" near "pipelines").
    public var contextTerms: [String]
    /// A broader skill this one is a kind of (`mysql` → `relational-databases`); used to score gold sets
    /// annotated at the broader level, never to add mentions.
    public var broader: String?
    /// Title words that imply the skill when the body names none of its spellings ("Frontend Engineer" asks
    /// for frontend development); such a mention is marked inferred from the title.
    public var titleHeads: [String]

    public init(id: String, name: String, category: SkillCategory, aliases: [String] = [],
                rules: [String] = [], fromSeeds: Bool = false, family: String? = nil, onet: String? = nil,
                weakAliases: [String] = [], contextTerms: [String] = [], broader: String? = nil,
                titleHeads: [String] = []) {
        self.id = id
        self.name = name
        self.category = category
        self.aliases = aliases
        self.rules = rules
        self.fromSeeds = fromSeeds
        self.family = family
        self.onet = onet
        self.weakAliases = weakAliases
        self.contextTerms = contextTerms
        self.broader = broader
        self.titleHeads = titleHeads
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

/// A group of skills in the hierarchy (`vector-databases` under `generative-ai-stack`).
public struct SkillFamily: Sendable, Codable, Equatable, Identifiable {
    /// Stable slug.
    public var id: String
    public var name: String
    /// Id of the family this one belongs to; nil at the top.
    public var parent: String?

    public init(id: String, name: String, parent: String? = nil) {
        self.id = id
        self.name = name
        self.parent = parent
    }
}

/// A subject a degree is in (Statistics, Computer Science).
public struct FieldOfStudy: Sendable, Codable, Equatable, Identifiable {
    public var id: String
    public var name: String
    /// Lowercase phrases that name the subject after a degree ("computer science", "cs").
    public var keywords: [String]

    public init(id: String, name: String, keywords: [String]) {
        self.id = id
        self.name = name
        self.keywords = keywords
    }
}
