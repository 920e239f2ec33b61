import Foundation
import Yams

/// The checks a taxonomy file must pass beyond being well-formed YAML: known keys, unique ids and aliases,
/// and references (skills, collaborators, rules) that resolve. Each problem names its key path and line.
enum TaxonomyValidator {
    typealias Step = TaxonomyNodeIndex.Step

    /// Unknown keys anywhere in the file (usually typos such as `alias:` for `aliases:`).
    static func checkKeys(_ index: TaxonomyNodeIndex, file: String) -> [TaxonomyError] {
        var problems: [TaxonomyError] = []
        func check(_ node: Node?, path: [Step], known: [String]) {
            guard let mapping = node?.mapping else { return }
            for (key, _) in mapping {
                guard let name = key.string, !known.contains(name) else { continue }
                problems.append(.unknownKey(file: file, line: key.mark?.line,
                                            keyPath: TaxonomyNodeIndex.render(path + [.key(name)]), known: known))
            }
        }
        check(index.root, path: [], known: Taxonomy.fileKeys)
        let sections: [(String, [String])] = [
            ("roles", Role.fileKeys), ("skills", Skill.fileKeys), ("domains", Domain.fileKeys),
            ("educationLevels", EducationLevel.fileKeys), ("seniorityLevels", SeniorityLevel.fileKeys),
            ("families", SkillFamily.fileKeys), ("fieldsOfStudy", FieldOfStudy.fileKeys),
        ]
        for (section, known) in sections {
            guard let items = index.node(at: [.key(section)])?.sequence else { continue }
            for i in 0..<items.count {
                check(items[i], path: [.key(section), .index(i)], known: known)
            }
        }
        return problems
    }

    /// Ids, aliases and references.
    static func check(_ taxonomy: Taxonomy, index: TaxonomyNodeIndex, file: String) -> [TaxonomyError] {
        var problems: [TaxonomyError] = []
        func line(_ path: [Step]) -> Int? { index.line(at: path) }
        func render(_ path: [Step]) -> String { TaxonomyNodeIndex.render(path) }

        if taxonomy.version.trimmingCharacters(in: .whitespaces).isEmpty {
            problems.append(.invalidValue(file: file, line: line([.key("version")]), keyPath: "version",
                                          problem: "the version must not be empty"))
        }

        // Unique, well-formed ids in every list.
        func checkIDs(_ ids: [String], section: String) {
            var first: [String: Int] = [:]
            for (i, id) in ids.enumerated() {
                let path: [Step] = [.key(section), .index(i), .key("id")]
                if !isSlug(id) {
                    problems.append(.invalidValue(file: file, line: line(path), keyPath: render(path),
                                                  problem: "id '\(id)' must be lowercase letters, digits and hyphens"))
                }
                if let earlier = first[id] {
                    problems.append(.duplicateID(file: file, line: line(path), keyPath: render(path), id: id,
                                                 firstKeyPath: render([.key(section), .index(earlier), .key("id")])))
                } else {
                    first[id] = i
                }
            }
        }
        checkIDs(taxonomy.roles.map(\.id), section: "roles")
        checkIDs(taxonomy.skills.map(\.id), section: "skills")
        checkIDs(taxonomy.domains.map(\.id), section: "domains")
        checkIDs(taxonomy.educationLevels.map(\.id), section: "educationLevels")
        checkIDs(taxonomy.seniorityLevels.map(\.id), section: "seniorityLevels")
        checkIDs(taxonomy.families.map(\.id), section: "families")
        checkIDs(taxonomy.fieldsOfStudy.map(\.id), section: "fieldsOfStudy")
        problems += checkFamilies(taxonomy, index: index, file: file)

        // References from roles.
        let skillIDs = Set(taxonomy.skills.map(\.id))
        let roleIDs = Set(taxonomy.roles.map(\.id))
        for (r, role) in taxonomy.roles.enumerated() {
            for (k, skill) in role.skills.enumerated() where !skillIDs.contains(skill) {
                let path: [Step] = [.key("roles"), .index(r), .key("skills"), .index(k)]
                problems.append(.unknownSkill(file: file, line: line(path), keyPath: render(path), skill: skill))
            }
            for (k, other) in role.collaborators.enumerated() where !roleIDs.contains(other) || other == role.id {
                let path: [Step] = [.key("roles"), .index(r), .key("collaborators"), .index(k)]
                if other == role.id {
                    problems.append(.invalidValue(file: file, line: line(path), keyPath: render(path),
                                                  problem: "a role cannot collaborate with itself"))
                } else {
                    problems.append(.unknownRole(file: file, line: line(path), keyPath: render(path), role: other))
                }
            }
            if let code = role.onetCode, code.range(of: #"^\d{2}-\d{4}\.\d{2}$"#, options: .regularExpression) == nil {
                let path: [Step] = [.key("roles"), .index(r), .key("onetCode")]
                problems.append(.invalidValue(file: file, line: line(path), keyPath: render(path),
                                              problem: "O*NET-SOC code '\(code)' must look like 15-2051.00"))
            }
        }

        // Aliases: one spelling (as the matcher sees it, token by token) belongs to one skill once.
        let tokenizer = Tokenizer()
        var owner: [[String]: [Step]] = [:]
        for (s, skill) in taxonomy.skills.enumerated() {
            let spellings = [skill.name] + skill.aliases + skill.weakAliases
            for (a, alias) in spellings.enumerated() {
                let path: [Step] = a == 0
                    ? [.key("skills"), .index(s), .key("name")]
                    : a <= skill.aliases.count
                    ? [.key("skills"), .index(s), .key("aliases"), .index(a - 1)]
                    : [.key("skills"), .index(s), .key("weakAliases"), .index(a - 1 - skill.aliases.count)]
                let words = tokenizer.words(in: alias)
                if words.isEmpty {
                    problems.append(.invalidValue(file: file, line: line(path), keyPath: render(path),
                                                  problem: "alias '\(alias)' has no letters or digits to match"))
                    continue
                }
                if let first = owner[words] {
                    problems.append(.duplicateAlias(file: file, line: line(path), keyPath: render(path), alias: alias,
                                                    firstKeyPath: render(first)))
                } else {
                    owner[words] = path
                }
            }
            for (k, rule) in skill.rules.enumerated() where AmbiguityRule.registry[rule] == nil {
                let path: [Step] = [.key("skills"), .index(s), .key("rules"), .index(k)]
                problems.append(.unknownRule(file: file, line: line(path), keyPath: render(path), rule: rule,
                                             known: AmbiguityRule.all.map(\.id)))
            }
        }
        return problems
    }

    /// Families: parents resolve and form no cycle; every skill's family exists; O*NET codes have 8 digits;
    /// weak aliases come with context terms, each one word.
    static func checkFamilies(_ taxonomy: Taxonomy, index: TaxonomyNodeIndex, file: String) -> [TaxonomyError] {
        var problems: [TaxonomyError] = []
        func line(_ path: [Step]) -> Int? { index.line(at: path) }
        func render(_ path: [Step]) -> String { TaxonomyNodeIndex.render(path) }
        let parent = Dictionary(taxonomy.families.map { ($0.id, $0.parent) }, uniquingKeysWith: { a, _ in a })
        for (f, family) in taxonomy.families.enumerated() {
            guard let up = family.parent else { continue }
            let path: [Step] = [.key("families"), .index(f), .key("parent")]
            if parent[up] == nil {
                problems.append(.invalidValue(file: file, line: line(path), keyPath: render(path),
                                              problem: "unknown parent family '\(up)'; add it under families: or fix the id"))
                continue
            }
            var seen: Set<String> = [family.id]
            var next: String? = up
            while let current = next {
                if !seen.insert(current).inserted {
                    problems.append(.invalidValue(file: file, line: line(path), keyPath: render(path),
                                                  problem: "family '\(family.id)' is its own ancestor; break the cycle"))
                    break
                }
                next = parent[current] ?? nil
            }
        }
        let tokenizer = Tokenizer()
        for (s, skill) in taxonomy.skills.enumerated() {
            if let family = skill.family, parent[family] == nil {
                let path: [Step] = [.key("skills"), .index(s), .key("family")]
                problems.append(.invalidValue(file: file, line: line(path), keyPath: render(path),
                                              problem: "unknown family '\(family)'; add it under families: or fix the id"))
            }
            if let wider = skill.broader, taxonomy.skill(wider) == nil || wider == skill.id {
                let path: [Step] = [.key("skills"), .index(s), .key("broader")]
                problems.append(.unknownSkill(file: file, line: line(path), keyPath: render(path), skill: wider))
            }
            if let code = skill.onet, code.range(of: #"^\d{8}$"#, options: .regularExpression) == nil {
                let path: [Step] = [.key("skills"), .index(s), .key("onet")]
                problems.append(.invalidValue(file: file, line: line(path), keyPath: render(path),
                                              problem: "O*NET commodity code '\(code)' must be 8 digits, like \"43232306\""))
            }
            if !skill.weakAliases.isEmpty && skill.contextTerms.isEmpty {
                let path: [Step] = [.key("skills"), .index(s), .key("weakAliases")]
                problems.append(.invalidValue(file: file, line: line(path), keyPath: render(path),
                                              problem: "weak aliases need contextTerms: the words that make them count"))
            }
            for (k, term) in skill.contextTerms.enumerated() where tokenizer.words(in: term).count != 1 {
                let path: [Step] = [.key("skills"), .index(s), .key("contextTerms"), .index(k)]
                problems.append(.invalidValue(file: file, line: line(path), keyPath: render(path),
                                              problem: "context term '\(term)' must be one word"))
            }
        }
        return problems
    }

    static func isSlug(_ id: String) -> Bool {
        !id.isEmpty && id.range(of: #"^[a-z0-9]+(-[a-z0-9]+)*$"#, options: .regularExpression) != nil
    }
}
