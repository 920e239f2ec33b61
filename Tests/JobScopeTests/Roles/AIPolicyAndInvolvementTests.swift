import Foundation
import Testing
@testable import JobScope

/// Invented postings and titles (written for these tests): AI policy work, trust-and-safety work without AI,
/// roles named after the first title segment, and the AI involvement a role's work can have.
@Suite("AI policy roles and role-bounded AI involvement")
struct AIPolicyAndInvolvementTests {
    /// The AI-gated role tests' fixture classifier (trained once with the repository's rules).
    static func classify(_ title: String, _ body: String) throws -> RoleClassification {
        try AIGatedRoleTests.classify(title, body)
    }

    static func parser() throws -> TitleParser { try TitleParser.load(from: ClassifierFixture.layout.titleParseRules) }

    static func rules() throws -> AIEvidenceRules { try AIEvidenceRules.load(from: ClassifierFixture.layout.aiEvidence) }

    static let aiPolicy = """
        What you'll do
        You will write the usage policy for our AI systems and analyse how large language models are misused.
        You will work with the safety team on evaluations of model outputs and brief regulators on AI risk.
        """
    static let trustAndSafety = """
        What you'll do
        You will review reported listings and user accounts on our marketplace, remove scams and counterfeit goods,
        answer appeals from sellers and escalate fraud rings to the investigations team.
        """
    static let genAIEngineer = """
        Responsibilities
        You will build retrieval-augmented generation services on large language models, write prompts and
        evaluate the answers, and ship agents that call our internal tools.
        """
    static let backend = """
        Responsibilities
        You will build the payment service in Go, design its PostgreSQL schema and keep the APIs fast.
        Our platform also offers AI features to shoppers.
        """

    @Test("an AI policy analyst is an AI Ethicist, whose work uses AI and builds none")
    func aiPolicyAnalyst() throws {
        let policy = try Self.classify("Policy Analyst, Model Misuse", Self.aiPolicy)
        #expect(policy.roleID == "ai-ethicist")
        #expect(policy.aiInvolvement == .usesAI, "policy work about models builds none (labelling guideline)")
        let manager = try Self.classify("Manager, Election Policy", Self.aiPolicy)
        #expect(manager.roleID == "ai-ethicist", "a bare 'Manager' segment does not hide the role named after it")
    }

    @Test("a trust-and-safety agent with no AI in the work is Other; so is a policy lead without AI")
    func trustAndSafetyWithoutAI() throws {
        let agent = try Self.classify("Trust & Safety Agent", Self.trustAndSafety)
        #expect(agent.roleID == nil)
        #expect(agent.aiInvolvement == .none)
        #expect(try Self.classify("Policy Lead", Self.trustAndSafety).roleID == nil)
    }

    @Test("a role named in a later segment outranks the first: an AI trainer who writes code")
    func anySegment() throws {
        let parser = try Self.parser()
        #expect(parser.parse("Backend Developer - AI Trainer (Remote)").roleID == "ai-model-trainer")
        #expect(parser.parse("Java Engineer for Training AI Data - German").roleID == "ai-model-trainer")
        #expect(parser.parse("Backend Developer (Remote)").roleID == "software-engineer")
        #expect(parser.parse("Policy Communications Manager").outcome == .other,
                "communications about policy is not policy work (labelling guideline)")
    }

    @Test("the work bounds the AI involvement: builders build, policy and product work uses AI")
    func involvementBounds() throws {
        let rules = try Self.rules()
        let llmHeavy = AIEvidenceCounts(genai: 4, ml: 2, work: 3)
        #expect(rules.reported(llmHeavy, role: "ai-ethicist") == .usesAI)
        #expect(rules.reported(llmHeavy, role: "other") == .usesAI)
        #expect(rules.reported(llmHeavy, role: "software-engineer") == .buildsGenerativeAI)
        #expect(rules.reported(AIEvidenceCounts(), role: "generative-ai-engineer") == .buildsGenerativeAI)
        #expect(rules.reported(AIEvidenceCounts(ml: 1, work: 1), role: "machine-learning-engineer") == .buildsML)
        // "AI" named twice and no model terms: a software engineer uses AI at most, an accountant not at all.
        #expect(rules.reported(AIEvidenceCounts(work: 3), role: "software-engineer") == .usesAI)
        #expect(rules.reported(AIEvidenceCounts(ml: 1, work: 1), role: "other") == .none)
        #expect(rules.reported(AIEvidenceCounts(uses: 1), role: "product-manager") == .usesAI)
    }

    @Test("a software engineer whose posting names AI in passing does not build AI")
    func passingMention() throws {
        let backend = try Self.classify("Senior Backend Engineer", Self.backend)
        #expect(backend.roleID == "software-engineer")
        #expect(!backend.aiInvolvement.buildsAI)
        let genAI = try Self.classify("Generative AI Engineer", Self.genAIEngineer)
        #expect(genAI.roleID == "generative-ai-engineer")
        #expect(genAI.aiInvolvement == .buildsGenerativeAI)
    }

    @Test("an upgrade to an AI role needs more AI terms than keeping one the title names")
    func upgradeMinimum() throws {
        let parser = try Self.parser()
        let minimum = try #require(parser.rules.aiUpgradeMinimum)
        let weak = AIEvidenceCounts(ml: 1, work: 1)
        #expect(weak.involvement.buildsAI && weak.aiTerms < minimum)
        #expect(parser.gate("product-manager", evidence: weak).changed == false)
        #expect(parser.gate("ai-product-manager", evidence: weak).roleID == "ai-product-manager")
        let strong = AIEvidenceCounts(genai: 2, ml: 1, work: 1)
        #expect(parser.gate("product-manager", evidence: strong).roleID == "ai-product-manager")
    }
}
