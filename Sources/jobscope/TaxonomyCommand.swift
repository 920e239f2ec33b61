import ArgumentParser
import Foundation
import JobScope

/// `jobscope taxonomy`: checks the taxonomy file and lists its roles, skills and ambiguity rules.
struct TaxonomyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "taxonomy",
        abstract: "Check the taxonomy file and list its roles, skills and ambiguity rules (text or JSON).",
        discussion: """
        Loading validates the file: a YAML syntax error, an unknown key or category, a duplicate id or alias, or a \
        role naming an unknown skill or collaborator is reported with its line and key path, and the exit code is 2.
        `taxonomy audit` counts what every alias matches in real postings; `taxonomy suggest` lists terms the \
        taxonomy does not know yet.
        """,
        subcommands: [TaxonomyAuditCommand.self, TaxonomySuggestCommand.self]
    )

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable { case text, json }

    @OptionGroup var model: ModelOptions

    @Option(name: .long, help: "Output: text or json.")
    var format: OutputFormat = .text

    @Flag(name: .long, help: "Only the roles.")
    var roles = false

    @Flag(name: .long, help: "Only the skills.")
    var skills = false

    @Flag(name: .long, help: "Only the ambiguity rules skills can reference.")
    var rules = false

    func validate() throws {
        if [roles, skills, rules].filter({ $0 }).count > 1 {
            throw ValidationError("choose at most one of --roles, --skills, --rules")
        }
    }

    func run() throws {
        let taxonomy = try model.loadTaxonomy()
        let all = !roles && !skills && !rules
        switch format {
        case .json: try printJSON(taxonomy, all: all)
        case .text: printText(taxonomy, all: all)
        }
    }

    func printJSON(_ taxonomy: Taxonomy, all: Bool) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data: Data
        if roles {
            data = try encoder.encode(taxonomy.roles)
        } else if skills {
            data = try encoder.encode(taxonomy.skills)
        } else if rules {
            data = try encoder.encode(AmbiguityRule.all.map(RuleSummary.init))
        } else {
            data = try encoder.encode(taxonomy)
        }
        print(String(decoding: data, as: UTF8.self))
    }

    func printText(_ taxonomy: Taxonomy, all: Bool) {
        if all {
            let documented = taxonomy.roles.filter { $0.kind == .documented }.count
            print("taxonomy \(taxonomy.version): \(taxonomy.roles.count) roles (\(documented) documented, "
                  + "\(taxonomy.roles.count - documented) adjacent), \(taxonomy.skills.count) skills, "
                  + "\(taxonomy.domains.count) domains, \(taxonomy.educationLevels.count) education levels, "
                  + "\(taxonomy.seniorityLevels.count) seniority levels, \(taxonomy.families.count) skill families, "
                  + "\(taxonomy.fieldsOfStudy.count) fields of study — valid\n")
        }
        if all || roles {
            print("ROLES")
            for role in taxonomy.roles {
                var flags = [role.kind.rawValue]
                if role.emerging { flags.append("emerging") }
                let onet = role.onetCode.map { " · O*NET \($0) \(role.onetTitle ?? "")" } ?? ""
                print("  \(role.id) — \(role.name) [\(flags.joined(separator: ", "))]\(onet)")
                if !role.skills.isEmpty { print("      skills: " + role.skills.joined(separator: ", ")) }
                if !role.collaborators.isEmpty { print("      works with: " + role.collaborators.joined(separator: ", ")) }
            }
            print("")
        }
        if all || skills {
            print("SKILLS")
            for category in SkillCategory.allCases {
                let members = taxonomy.skills.filter { $0.category == category }
                guard !members.isEmpty else { continue }
                print("  \(category.rawValue) (\(members.count))")
                for skill in members {
                    var line = "    \(skill.id) — \(skill.name)"
                    if skill.fromSeeds { line += " [seeds]" }
                    if let family = skill.family { line += " · \(family)" }
                    if let onet = skill.onet { line += " · O*NET \(onet)" }
                    if !skill.rules.isEmpty { line += " rules: " + skill.rules.joined(separator: ", ") }
                    print(line)
                    if !skill.aliases.isEmpty { print("        aka " + skill.aliases.joined(separator: ", ")) }
                    if !skill.weakAliases.isEmpty {
                        print("        weak: " + skill.weakAliases.joined(separator: ", ") + " (only near: "
                              + skill.contextTerms.joined(separator: ", ") + ")")
                    }
                }
            }
            print("")
        }
        if all || rules {
            print("AMBIGUITY RULES (applied to \(AmbiguityRule.Scope.singleTokenAliases.rawValue) unless noted)")
            for rule in AmbiguityRule.all {
                print("  \(rule.id) (\(rule.scope.rawValue)): \(rule.description)")
            }
        }
    }
}

/// A rule as `taxonomy --rules --format json` writes it.
struct RuleSummary: Encodable {
    var id: String
    var description: String
    var scope: String
    var exampleAlias: String
    var matching: [String]
    var nonMatching: [String]

    init(_ rule: AmbiguityRule) {
        id = rule.id
        description = rule.description
        scope = rule.scope.rawValue
        exampleAlias = rule.exampleAlias
        matching = rule.matchingExamples
        nonMatching = rule.nonMatchingExamples
    }
}
