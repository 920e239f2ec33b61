import Foundation
import Testing
@testable import JobScope

@Suite struct TaxonomyLoaderTests {
    /// The committed Models/taxonomy.yaml, found from this file's path.
    static var committedFile: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Models/taxonomy.yaml")
    }

    static let minimal = """
        version: "1"
        roles:
          - id: data-scientist
            name: Data Scientist
            skills: [python]
            collaborators: [ml-engineer]
          - id: ml-engineer
            name: ML Engineer
        skills:
          - {id: python, name: Python, category: programming-language}
          - {id: sql, name: SQL, category: programming-language, aliases: [T-SQL]}
        """

    @Test func loadsAMinimalFileWithDefaults() throws {
        let taxonomy = try TaxonomyLoader.load(yaml: Self.minimal)
        #expect(taxonomy.roles.count == 2)
        #expect(taxonomy.role("ml-engineer")?.kind == .documented)
        #expect(taxonomy.role("ml-engineer")?.skills == [])
        #expect(taxonomy.skill("python")?.rules == [])
        #expect(taxonomy.skill("sql")?.aliases == ["T-SQL"])
    }

    @Test func committedTaxonomyLoadsAndCoversTheSeeds() throws {
        let taxonomy = try TaxonomyLoader.load(from: Self.committedFile)
        let documented = ["ai-research-scientist", "machine-learning-engineer", "data-scientist", "ai-product-manager",
                          "ai-ethicist", "ux-designer", "content-curator"]
        let emerging = ["generative-ai-engineer", "ai-model-trainer", "nlp-specialist"]
        for id in documented + emerging {
            let role = try #require(taxonomy.role(id), "missing role \(id)")
            #expect(role.kind == .documented)
            #expect(role.emerging == emerging.contains(id), "emerging flag of \(id)")
            #expect(!role.description.isEmpty && !role.responsibilities.isEmpty && !role.skills.isEmpty)
        }
        for id in ["data-engineer", "data-analyst", "software-engineer"] {
            #expect(taxonomy.role(id)?.kind == .adjacent, "adjacent role \(id)")
        }
        // The seeds' skills, by id.
        let seedSkills = ["python", "r", "tensorflow", "pytorch", "keras", "aws", "google-cloud", "sql", "pandas",
                          "numpy", "linear-algebra", "statistics", "data-visualization", "data-augmentation",
                          "feature-engineering", "data-cleaning", "neural-networks", "model-deployment",
                          "communication", "teamwork", "problem-solving", "critical-thinking", "project-management",
                          "ai-ethics", "bias-fairness", "data-privacy", "explainability", "user-research",
                          "usability-testing", "content-review"]
        for id in seedSkills {
            #expect(taxonomy.skill(id)?.fromSeeds == true, "seed skill \(id)")
        }
        for id in ["llms", "prompt-engineering", "rag", "fine-tuning", "rlhf", "langchain", "hugging-face",
                   "vector-databases", "diffusion-models", "mlops", "spark", "docker", "kubernetes", "azure"] {
            #expect(taxonomy.skill(id) != nil, "current skill \(id)")
        }
        #expect(taxonomy.skills.count >= 120)
        // The seeds' collaboration table.
        #expect(taxonomy.role("data-scientist")?.collaborators.contains("ai-ethicist") == true)
        #expect(taxonomy.role("ux-designer")?.collaborators.contains("content-curator") == true)
        #expect(taxonomy.role("data-scientist")?.onetCode == "15-2051.00")
        #expect(Set(taxonomy.domains.map(\.id)).isSuperset(of: ["healthcare", "finance", "entertainment", "marketing",
                                                                 "content-creation", "product-design", "music",
                                                                 "virtual-reality"]))
        #expect(Set(taxonomy.educationLevels.map(\.id)).isSuperset(of: ["bachelors", "masters", "phd", "certification"]))
        #expect(!taxonomy.seniorityLevels.isEmpty)
    }

    @Test func syntaxErrorNamesTheLine() {
        let yaml = "version: \"1\"\nroles:\n  - id: a\n   name: broken indent\nskills: []\n"
        #expect {
            try TaxonomyLoader.load(yaml: yaml, file: "bad.yaml")
        } throws: { error in
            guard case .syntax(let file, let line, _, _) = error as? TaxonomyError else { return false }
            return file == "bad.yaml" && line == 4
        }
    }

    @Test func duplicateAliasNamesBothKeys() {
        let yaml = Self.minimal + "\n  - {id: mysql, name: MySQL, category: programming-language, aliases: [t-sql]}\n"
        let error = #expect(throws: TaxonomyError.self) { try TaxonomyLoader.load(yaml: yaml, file: "t.yaml") }
        guard case .duplicateAlias(_, let line, let keyPath, _, let first)? = error else {
            Issue.record("expected duplicateAlias, got \(String(describing: error))")
            return
        }
        #expect(keyPath == "skills[2].aliases[0]")
        #expect(first == "skills[1].aliases[0]")
        #expect(line == 12)
        #expect(error?.errorDescription?.contains("t.yaml:12") == true)
    }

    @Test func unknownCategoryNamesTheKey() {
        let yaml = Self.minimal.replacingOccurrences(of: "{id: sql, name: SQL, category: programming-language",
                                                     with: "{id: sql, name: SQL, category: languages")
        let error = #expect(throws: TaxonomyError.self) { try TaxonomyLoader.load(yaml: yaml) }
        guard case .unknownCategory(_, let line, let keyPath, let value)? = error else {
            Issue.record("expected unknownCategory, got \(String(describing: error))")
            return
        }
        #expect(keyPath == "skills[1].category" && value == "languages" && line == 11)
    }

    @Test func unknownRoleInCollaboratorsAndUnknownSkillInRole() {
        let yaml = Self.minimal.replacingOccurrences(of: "collaborators: [ml-engineer]", with: "collaborators: [ux-wizard]")
            .replacingOccurrences(of: "skills: [python]", with: "skills: [python, cobol]")
        let error = #expect(throws: TaxonomyError.self) { try TaxonomyLoader.load(yaml: yaml) }
        guard case .several(let problems)? = error else {
            Issue.record("expected two problems, got \(String(describing: error))")
            return
        }
        #expect(problems.contains(.unknownSkill(file: "taxonomy.yaml", line: 5, keyPath: "roles[0].skills[1]", skill: "cobol")))
        #expect(problems.contains(.unknownRole(file: "taxonomy.yaml", line: 6, keyPath: "roles[0].collaborators[0]",
                                               role: "ux-wizard")))
    }

    @Test func duplicateIDUnknownKeyAndUnknownRule() {
        let dupe = Self.minimal + "\n  - {id: python, name: Python 2, category: programming-language}\n"
        #expect(throws: TaxonomyError.self) { try TaxonomyLoader.load(yaml: dupe) }
        do {
            _ = try TaxonomyLoader.load(yaml: dupe)
        } catch let error as TaxonomyError {
            #expect(error.errorDescription?.contains("duplicate id 'python'") == true)
            #expect(error.errorDescription?.contains("skills[0].id") == true)
        } catch {}

        let typo = Self.minimal.replacingOccurrences(of: "aliases: [T-SQL]", with: "alias: [T-SQL]")
        let keyError = #expect(throws: TaxonomyError.self) { try TaxonomyLoader.load(yaml: typo) }
        guard case .unknownKey(_, let line, let keyPath, _)? = keyError else {
            Issue.record("expected unknownKey, got \(String(describing: keyError))")
            return
        }
        #expect(keyPath == "skills[1].alias" && line == 11)

        let rule = Self.minimal.replacingOccurrences(of: "aliases: [T-SQL]", with: "rules: [be-careful]")
        let ruleError = #expect(throws: TaxonomyError.self) { try TaxonomyLoader.load(yaml: rule) }
        guard case .unknownRule(_, _, let path, let id, _)? = ruleError else {
            Issue.record("expected unknownRule, got \(String(describing: ruleError))")
            return
        }
        #expect(path == "skills[1].rules[0]" && id == "be-careful")
    }

    @Test func missingRequiredKeyAndUnreadableFile() {
        let yaml = "roles: []\nskills: []\n"
        let error = #expect(throws: TaxonomyError.self) { try TaxonomyLoader.load(yaml: yaml) }
        #expect(error?.errorDescription?.contains("version") == true)
        let missing = #expect(throws: TaxonomyError.self) {
            try TaxonomyLoader.load(from: URL(fileURLWithPath: "/nonexistent/taxonomy.yaml"))
        }
        #expect(missing?.errorDescription?.contains("/nonexistent/taxonomy.yaml") == true)
    }
}
