import Foundation
import Testing
@testable import JobScope

@Suite("TitleRuleSet")
struct TitleRuleSetTests {
    @Test("every rule's example titles route to the rule's label")
    func examplesRoute() throws {
        let rules = try ClassifierFixture.rules()
        #expect(!rules.rules.isEmpty)
        for rule in rules.rules {
            #expect(!rule.examples.isEmpty, "rule \(rule.id) has no example titles")
            for example in rule.examples {
                let matched = rules.matchingRule(for: example)
                #expect(matched?.role == rule.role, "\"\(example)\" went to \(matched?.id ?? "no rule"), expected \(rule.role)")
            }
        }
    }

    @Test("the corpus README's examples: research scientist, data scientist, food scientist")
    func readmeExamples() throws {
        let rules = try ClassifierFixture.rules()
        #expect(rules.label(for: "Senior Research Scientist - Machine Learning") == .role("ai-research-scientist"))
        #expect(rules.label(for: "Senior Research Scientist-Machine Learning") == .role("ai-research-scientist"))
        #expect(rules.label(for: "Data Scientist - Risk") == .role("data-scientist"))
        #expect(rules.label(for: "Food Scientist") == .other)
        #expect(rules.label(for: "Research Scientist") == .skipped)
        #expect(rules.label(for: "Chief Data Officer") == nil)
        #expect(rules.label(for: "") == nil)
    }

    @Test("rules name only taxonomy roles, other or skip, and carry a version")
    func rolesAreKnown() throws {
        let rules = try ClassifierFixture.rules()
        #expect(rules.unknownRoles(in: ClassifierFixture.taxonomy).isEmpty)
        #expect(!rules.version.isEmpty)
    }

    @Test("titles are normalized: case, dashes, white space")
    func normalization() {
        #expect(TitleRuleSet.normalize("  Sr.\tMachine-Learning  Engineer – NLP ") == "sr. machine learning engineer nlp")
    }

    @Test("a bad pattern is reported with the rule's id")
    func badPattern() {
        #expect(throws: TitleRuleError.badPattern(rule: "broken", pattern: "(unclosed")) {
            try TitleRuleSet(version: "1", rules: [TitleRule(id: "broken", role: "other", pattern: "(unclosed")])
        }
    }
}
