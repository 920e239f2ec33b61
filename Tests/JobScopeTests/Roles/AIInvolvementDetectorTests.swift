import Foundation
import Testing
@testable import JobScope

@Suite("AIInvolvementDetector")
struct AIInvolvementDetectorTests {
    static func detector() throws -> AIInvolvementDetector {
        try AIInvolvementDetector.load(from: ClassifierFixture.layout.aiEvidence)
    }

    @Test("every example sentence gives its involvement")
    func examples() throws {
        let detector = try Self.detector()
        #expect(!detector.rules.examples.isEmpty)
        for example in detector.rules.examples {
            #expect(detector.involvement(title: nil, body: example.text) == example.involvement, "\(example.text)")
        }
    }

    @Test("the employer's About section and its own voice do not count")
    func boilerplate() throws {
        let detector = try Self.detector()
        let body = """
        About us
        We are an AI company building large language models and generative AI for everyone.

        What you'll do
        You will keep our books: monthly close, accounts payable, reconciliations and audits.
        """
        #expect(detector.involvement(title: "Accountant", body: body) == .none)
        let candidate = body + "\nYou will build LLM-powered tools that automate the close."
        #expect(detector.involvement(title: "Accountant", body: candidate) == .buildsGenerativeAI)
    }

    @Test("a use of AI tools is uses_ai, not generative-AI work")
    func uses() throws {
        let detector = try Self.detector()
        #expect(detector.involvement(title: nil, body: "You are comfortable using generative AI tools to draft copy.") == .usesAI)
    }

    @Test("the contract's raw values")
    func rawValues() {
        #expect(AIInvolvement.allCases.map(\.rawValue) == ["none", "uses_ai", "builds_ml", "builds_genai"])
    }
}
