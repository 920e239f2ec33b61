import Foundation
import Testing
@testable import JobScope

/// Each rule, alone on a test skill, must pass its matching examples and reject its non-matching ones.
@Suite struct AmbiguityRuleTests {
    /// A taxonomy with the rule's example alias under that one rule, plus plain skills to stand beside it.
    /// A weak-alias rule's example alias is the subject's weak alias, with the rule's example context terms.
    static func taxonomy(for rule: AmbiguityRule) -> Taxonomy {
        let subject = rule.scope == .weakAliases
            ? Skill(id: "subject", name: "Subject skill name", category: .programmingLanguage, rules: [rule.id],
                    weakAliases: [rule.exampleAlias], contextTerms: rule.exampleContextTerms)
            : Skill(id: "subject", name: rule.exampleAlias, category: .programmingLanguage, rules: [rule.id])
        return Taxonomy(version: "test", roles: [], skills: [
            subject,
            Skill(id: "python", name: "Python", category: .programmingLanguage),
            Skill(id: "sql", name: "SQL", category: .programmingLanguage),
            Skill(id: "cpp", name: "C++", category: .programmingLanguage),
            Skill(id: "java", name: "Java", category: .programmingLanguage),
            Skill(id: "hadoop", name: "Hadoop", category: .dataTooling),
            Skill(id: "pytorch", name: "PyTorch", category: .mlFramework),
        ])
    }

    static func found(_ sentence: String, rule: AmbiguityRule) -> Bool {
        SkillMatcher(taxonomy: taxonomy(for: rule)).mentions(inText: sentence).contains { $0.skillID == "subject" }
    }

    @Test(arguments: AmbiguityRule.all.map(\.id))
    func examplesBehave(ruleID: String) throws {
        let rule = try #require(AmbiguityRule.registry[ruleID])
        #expect(!rule.matchingExamples.isEmpty && !rule.nonMatchingExamples.isEmpty)
        for sentence in rule.matchingExamples {
            #expect(Self.found(sentence, rule: rule), "\(ruleID) should find \(rule.exampleAlias) in: \(sentence)")
        }
        for sentence in rule.nonMatchingExamples {
            #expect(!Self.found(sentence, rule: rule), "\(ruleID) should not find \(rule.exampleAlias) in: \(sentence)")
        }
    }

    /// The committed taxonomy's R, C and Go, with all their rules together.
    static let committed: SkillMatcher? = (try? TaxonomyLoader.load(from: TaxonomyLoaderTests.committedFile))
        .map(SkillMatcher.init)

    static func ids(_ text: String) throws -> Set<String> {
        let matcher = try #require(committed)
        return Set(matcher.mentions(inText: text).map(\.skillID))
    }

    @Test(arguments: [
        "Experience with R, Python and SQL.", "Proficiency in R.", "Languages: Python/R", "(Python, R, SAS)",
        "Strong R programming skills", "Statistical software such as R or SAS", "Knowledge of R and Stata",
    ])
    func rIsFound(_ text: String) throws {
        #expect(try Self.ids(text).contains("r"), "R in: \(text)")
    }

    @Test(arguments: [
        "Lead our R&D group.", "Reports to John R. Smith.", "r is a letter", "Section R: benefits",
        "Our R&D and Python teams", "Plan R", "Gross margin (R) grew", "the P&R team", "R.N. license required",
    ])
    func rIsNotFound(_ text: String) throws {
        #expect(try !Self.ids(text).contains("r"), "no R in: \(text)")
    }

    @Test(arguments: ["C, C++ or Java", "Programming in C.", "C/C++ development", "Python, Go, Rust"])
    func cAndGoAreFound(_ text: String) throws {
        let ids = try Self.ids(text)
        #expect(ids.contains("c") || ids.contains("go"), "C or Go in: \(text)")
    }

    @Test(arguments: [
        "Vitamin C supplements", "Go beyond the obvious.", "Ready to go!", "C-suite executives", "Grade C or above",
        "Let's Go team", "Series C funding", "a go-getter attitude", "Our GO annotations", "Plan A, Plan B, Plan C",
    ])
    func cAndGoAreNotFound(_ text: String) throws {
        let ids = try Self.ids(text)
        #expect(!ids.contains("c") && !ids.contains("go"), "no C/Go in: \(text)")
    }

    @Test func excelSparkRustAsWordsAreNotSkills() throws {
        #expect(try Self.ids("You will excel at communication and spark innovation; rust never sleeps.")
            .isDisjoint(with: ["excel", "spark", "rust"]))
        #expect(try Self.ids("Advanced Excel, Spark and Rust experience.").isSuperset(of: ["excel", "spark", "rust"]))
    }
}
