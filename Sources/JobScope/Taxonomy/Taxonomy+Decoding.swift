import Foundation

// Lenient decoding for the hand-written file: only ids, names (and a skill's category, a level's rank) are
// required; lists default to empty and flags to false, so a user adding a skill writes one short line.

private enum TaxonomyKey: String, CodingKey {
    case version, roles, skills, domains, educationLevels, seniorityLevels, families, fieldsOfStudy
}

extension Taxonomy {
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: TaxonomyKey.self)
        self.init(
            version: try c.decode(String.self, forKey: .version),
            roles: try c.decodeIfPresent([Role].self, forKey: .roles) ?? [],
            skills: try c.decodeIfPresent([Skill].self, forKey: .skills) ?? [],
            domains: try c.decodeIfPresent([Domain].self, forKey: .domains) ?? [],
            educationLevels: try c.decodeIfPresent([EducationLevel].self, forKey: .educationLevels) ?? [],
            seniorityLevels: try c.decodeIfPresent([SeniorityLevel].self, forKey: .seniorityLevels) ?? [],
            families: try c.decodeIfPresent([SkillFamily].self, forKey: .families) ?? [],
            fieldsOfStudy: try c.decodeIfPresent([FieldOfStudy].self, forKey: .fieldsOfStudy) ?? [])
    }

    /// The keys a taxonomy file may have at its top level.
    static let fileKeys = ["format", "version", "roles", "skills", "domains", "educationLevels", "seniorityLevels",
                           "families", "fieldsOfStudy"]
}

private enum RoleKey: String, CodingKey, CaseIterable {
    case id, name, kind, emerging, description, responsibilities, skills, collaborators, aliases, titleKeywords
    case onetCode, onetTitle
}

extension Role {
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: RoleKey.self)
        self.init(
            id: try c.decode(String.self, forKey: .id),
            name: try c.decode(String.self, forKey: .name),
            kind: try c.decodeIfPresent(RoleKind.self, forKey: .kind) ?? .documented,
            emerging: try c.decodeIfPresent(Bool.self, forKey: .emerging) ?? false,
            description: try c.decodeIfPresent(String.self, forKey: .description) ?? "",
            responsibilities: try c.decodeIfPresent([String].self, forKey: .responsibilities) ?? [],
            skills: try c.decodeIfPresent([String].self, forKey: .skills) ?? [],
            collaborators: try c.decodeIfPresent([String].self, forKey: .collaborators) ?? [],
            aliases: try c.decodeIfPresent([String].self, forKey: .aliases) ?? [],
            titleKeywords: try c.decodeIfPresent([String].self, forKey: .titleKeywords) ?? [],
            onetCode: try c.decodeIfPresent(String.self, forKey: .onetCode),
            onetTitle: try c.decodeIfPresent(String.self, forKey: .onetTitle))
    }

    static let fileKeys = RoleKey.allCases.map(\.rawValue)
}

private enum SkillKey: String, CodingKey, CaseIterable {
    case id, name, category, aliases, rules, fromSeeds, family, onet, weakAliases, contextTerms, broader, titleHeads
}

extension Skill {
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: SkillKey.self)
        self.init(
            id: try c.decode(String.self, forKey: .id),
            name: try c.decode(String.self, forKey: .name),
            category: try c.decode(SkillCategory.self, forKey: .category),
            aliases: try c.decodeIfPresent([String].self, forKey: .aliases) ?? [],
            rules: try c.decodeIfPresent([String].self, forKey: .rules) ?? [],
            fromSeeds: try c.decodeIfPresent(Bool.self, forKey: .fromSeeds) ?? false,
            family: try c.decodeIfPresent(String.self, forKey: .family),
            onet: try c.decodeIfPresent(String.self, forKey: .onet),
            weakAliases: try c.decodeIfPresent([String].self, forKey: .weakAliases) ?? [],
            contextTerms: try c.decodeIfPresent([String].self, forKey: .contextTerms) ?? [],
            broader: try c.decodeIfPresent(String.self, forKey: .broader),
            titleHeads: try c.decodeIfPresent([String].self, forKey: .titleHeads) ?? [])
    }

    static let fileKeys = SkillKey.allCases.map(\.rawValue)
}

private enum FamilyKey: String, CodingKey, CaseIterable {
    case id, name, parent
}

extension SkillFamily {
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: FamilyKey.self)
        self.init(id: try c.decode(String.self, forKey: .id), name: try c.decode(String.self, forKey: .name),
                  parent: try c.decodeIfPresent(String.self, forKey: .parent))
    }

    static let fileKeys = FamilyKey.allCases.map(\.rawValue)
}

extension FieldOfStudy {
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: LevelKey.self)
        self.init(id: try c.decode(String.self, forKey: .id), name: try c.decode(String.self, forKey: .name),
                  keywords: try c.decodeIfPresent([String].self, forKey: .keywords) ?? [])
    }

    static let fileKeys = ["id", "name", "keywords"]
}

private enum LevelKey: String, CodingKey, CaseIterable {
    case id, name, rank, keywords
}

extension Domain {
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: LevelKey.self)
        self.init(id: try c.decode(String.self, forKey: .id), name: try c.decode(String.self, forKey: .name),
                  keywords: try c.decodeIfPresent([String].self, forKey: .keywords) ?? [])
    }

    static let fileKeys = ["id", "name", "keywords"]
}

extension RankedLevel {
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: LevelKey.self)
        self.init(id: try c.decode(String.self, forKey: .id), name: try c.decode(String.self, forKey: .name),
                  rank: try c.decode(Int.self, forKey: .rank),
                  keywords: try c.decodeIfPresent([String].self, forKey: .keywords) ?? [])
    }

    static let fileKeys = LevelKey.allCases.map(\.rawValue)
}
