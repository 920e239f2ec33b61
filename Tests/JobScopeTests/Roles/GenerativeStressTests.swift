import Foundation
import Testing
@testable import JobScope

/// The body's say between the building roles: when no title names the role, an ML engineer's posting whose duties
/// stress generative AI is a generative-AI engineer's (Corpus/ai-evidence.yaml `genaiStress`).
@Suite("Generative-AI stress in the body")
struct GenerativeStressTests {
    static func rules() throws -> AIEvidenceRules { try AIEvidenceRules.load(from: ClassifierFixture.layout.aiEvidence) }

    /// Evidence whose body strongly favours `favoured`, with the given AI counts and parsed title.
    static func evidence(_ classifier: RoleClassifier, favoured: String, ai: AIEvidenceCounts,
                         parsed: ParsedTitle? = nil) throws -> RoleEvidence {
        let classes = classifier.model.classes
        let index = try #require(classes.firstIndex(of: favoured))
        let body = classes.indices.map { $0 == index ? 8.0 : 0 }
        let parsedFeature = classes.map { $0 == parsed?.className ? 1.0 : 0 }
        return RoleEvidence(body: body, titleKeywords: Array(repeating: [], count: classes.count - 1),
                            roleSkills: Array(repeating: [], count: classes.count - 1),
                            skillOverlap: Array(repeating: 0, count: classes.count - 1), hasTitle: parsed != nil,
                            parsedTitle: parsedFeature, parsed: parsed, bodyAI: ai, postingAI: ai)
    }

    @Test("the rule needs enough generative-AI terms and more of them than ML terms")
    func stressed() throws {
        let stress = try #require(try Self.rules().genaiStress)
        #expect(stress.role == "generative-ai-engineer")
        #expect(stress.from.contains("machine-learning-engineer"))
        #expect(stress.stressed(AIEvidenceCounts(genai: stress.minimum, ml: 0)))
        #expect(!stress.stressed(AIEvidenceCounts(genai: stress.minimum - 1, ml: 0)))
        #expect(!stress.stressed(AIEvidenceCounts(genai: stress.minimum, ml: stress.minimum * 2)))
    }

    @Test("an untitled ML engineer's posting that stresses LLM work is a Generative AI Engineer, ML second")
    func bodyDecides() throws {
        let classifier = try #require(AIGatedRoleTests.classifier)
        let llm = AIEvidenceCounts(genai: 8, ml: 1, work: 1)
        let d = classifier.decision(try Self.evidence(classifier, favoured: "machine-learning-engineer", ai: llm))
        #expect(classifier.model.classes[d.chosen] == "generative-ai-engineer")
        #expect(d.secondary.map { classifier.model.classes[$0] } == "machine-learning-engineer")
        #expect(d.aiNote?.contains("stress generative AI") == true)
        let classic = AIEvidenceCounts(genai: 1, ml: 6, work: 1)
        let kept = classifier.decision(try Self.evidence(classifier, favoured: "machine-learning-engineer", ai: classic))
        #expect(classifier.model.classes[kept.chosen] == "machine-learning-engineer")
    }

    @Test("a title that names the ML engineer keeps it, whatever the body stresses")
    func titleKeeps() throws {
        let classifier = try #require(AIGatedRoleTests.classifier)
        let parsed = try #require(classifier.parse("Machine Learning Engineer"))
        let llm = AIEvidenceCounts(genai: 8, ml: 1, work: 1)
        let d = classifier.decision(try Self.evidence(classifier, favoured: "machine-learning-engineer", ai: llm, parsed: parsed))
        #expect(d.decidedBy == "title")
        #expect(classifier.model.classes[d.chosen] == "machine-learning-engineer")
    }
}
