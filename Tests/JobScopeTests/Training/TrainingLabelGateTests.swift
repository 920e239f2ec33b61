import Foundation
import Testing
@testable import JobScope

/// Invented postings (written for this test): title-labelled training postings whose AI-gated label the
/// body's AI evidence changes, as the classifier decides it.
@Suite("Training labels of AI-gated roles")
struct TrainingLabelGateTests {
    @Test("a title-named AI role without AI work is labelled as its non-AI neighbour, and the other way round")
    func gatedLabels() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("label-gate-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("jobs"), withIntermediateDirectories: true)
        try """
            title,company,description
            Trust & Safety Analyst,Shopco,"You will review reported listings, remove counterfeit goods and answer seller appeals."
            AI Policy Analyst,Modelworks,"You will write the usage policy of our AI systems and study how large language models are misused."
            Senior Product Manager,Chatco,"You will own our assistant built on large language models, define evaluations of LLM outputs, and plan retrieval-augmented generation features with machine learning engineers."
            Product Manager,Payco,"You will own the invoice screens, interview customers and prioritize the backlog."
            """.write(to: root.appendingPathComponent("jobs/postings.csv"), atomically: true, encoding: .utf8)
        let layout = ClassifierFixture.layout
        let corpus = try TrainingCorpus.load(
            profiles: layout.profiles, corpora: [root], rules: try ClassifierFixture.rules(),
            taxonomy: ClassifierFixture.taxonomy, parser: try TitleParser.load(from: layout.titleParseRules),
            detector: try AIInvolvementDetector.load(from: layout.aiEvidence), sharedCorpus: root)
        let labels = Dictionary(uniqueKeysWithValues: corpus.examples.filter { !$0.isProfile }
            .map { ($0.posting.title ?? "", $0.label) })
        #expect(labels["Trust & Safety Analyst"] == RoleModel.otherClass)
        #expect(labels["AI Policy Analyst"] == "ai-ethicist")
        #expect(labels["Senior Product Manager"] == "ai-product-manager")
        #expect(labels["Product Manager"] == "product-manager")
        #expect(corpus.manifest.aiGatedLabels == 2)
    }
}
