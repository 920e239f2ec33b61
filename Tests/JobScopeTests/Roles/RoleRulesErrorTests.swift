import Foundation
import Testing
@testable import JobScope

@Suite("RoleRulesError")
struct RoleRulesErrorTests {
    /// A title-parse rule set whose second head pattern does not compile.
    static let brokenTitleRules = TitleParseRules(version: "test-1", heads: [
        TitleHeadRule(id: "software-engineer.named", role: "software-engineer", pattern: #"\bsoftware engineer\b"#,
                      examples: []),
        TitleHeadRule(id: "data-engineer.unclosed", role: "data-engineer", pattern: #"\bdata (engineer"#, examples: []),
    ])

    @Test("a model whose title-parse rules do not compile is refused, naming the file and the rule")
    func brokenTitleRulesThrow() throws {
        var model = try ClassifierFixture.model()
        model.titleParseRules = Self.brokenTitleRules
        let classifier = RoleClassifier(model: model, taxonomy: ClassifierFixture.taxonomy)
        #expect(classifier.titleParser == nil)
        #expect(classifier.ruleErrors.count == 1)
        do {
            _ = try RoleClassifier(validating: model, taxonomy: ClassifierFixture.taxonomy)
            Issue.record("a model with an invalid title-parse rule was accepted")
        } catch let error as RoleRulesError {
            let message = error.localizedDescription
            #expect(message.contains("Corpus/title-parse-rules.yaml"), "\(message)")
            #expect(message.contains("data-engineer.unclosed"), "\(message)")
            #expect(message.contains("test-1"), "\(message)")
        }
    }

    @Test("a model whose AI-evidence rules do not compile is refused, naming the file")
    func brokenAIEvidenceRulesThrow() throws {
        var model = try ClassifierFixture.model()
        model.aiEvidenceRules = AIEvidenceRules(version: "ai-test-2", companyHeadings: "about us", uses: "(chatgpt",
                                                genai: "llm", ml: "pytorch", work: "build")
        #expect(throws: RoleRulesError.self) { try RoleClassifier(validating: model, taxonomy: ClassifierFixture.taxonomy) }
        let errors = RoleClassifier(model: model, taxonomy: ClassifierFixture.taxonomy).ruleErrors
        #expect(errors.count == 1)
        #expect(errors.first?.localizedDescription.contains("Corpus/ai-evidence.yaml") == true)
        #expect(errors.first?.localizedDescription.contains("ai-test-2") == true)
    }

    @Test("a sound model has no rule errors")
    func soundModel() throws {
        var model = try ClassifierFixture.model()
        model.titleParseRules = TitleParseRules(version: "ok-1", heads: [
            TitleHeadRule(id: "software-engineer.named", role: "software-engineer", pattern: #"\bsoftware engineer\b"#,
                          examples: [])
        ])
        let classifier = try RoleClassifier(validating: model, taxonomy: ClassifierFixture.taxonomy)
        #expect(classifier.ruleErrors.isEmpty)
        #expect(classifier.titleParser != nil)
    }
}
