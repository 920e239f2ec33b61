import Foundation
import Testing
@testable import JobScope

/// A title's specialisation that needs AI work (`requires` in Corpus/title-parse-rules.yaml) holds only when the
/// body's AI evidence shows it; the titles a body names as its job are read as evidence of its role.
@Suite("Title confirmed by the body; titles the body names")
struct TitleConfirmationTests {
    static func parser() throws -> TitleParser { try TitleParser.load(from: ClassifierFixture.layout.titleParseRules) }

    @Test("a Generative AI specialisation holds with generative-model work in the body, else the head role")
    func generativeSpecialisation() throws {
        let parser = try Self.parser()
        let parsed = parser.parse("Senior Python Engineer - Generative AI")
        #expect(parsed.roleID == "generative-ai-engineer")
        let llmWork = parser.confirmed(parsed, evidence: AIEvidenceCounts(genai: 3, ml: 1))
        #expect(llmWork.roleID == "generative-ai-engineer")
        #expect(llmWork.secondRoleID == "software-engineer")
        #expect(llmWork.unconfirmedRule == nil)
        let noModels = parser.confirmed(parsed, evidence: AIEvidenceCounts(uses: 1, ml: 1))
        #expect(noModels.roleID == "software-engineer")
        #expect(noModels.secondRoleID == nil)
        #expect(noModels.unconfirmedRule == "generative-ai.engineering")
        let mle = parser.confirmed(parser.parse("ML Engineer, LLM"), evidence: AIEvidenceCounts(ml: 4))
        #expect(mle.roleID == "machine-learning-engineer")
    }

    @Test("an AI Engineer whose body names no generative model is an ML engineer; rules without requires stay")
    func headRequirement() throws {
        let parser = try Self.parser()
        let parsed = parser.parse("Senior AI Engineer")
        #expect(parser.confirmed(parsed, evidence: AIEvidenceCounts(ml: 5)).roleID == "machine-learning-engineer")
        #expect(parser.confirmed(parsed, evidence: AIEvidenceCounts(genai: 2)).roleID == "generative-ai-engineer")
        // Classic ML duties that name LLMs in passing: the generative-AI share is too small.
        let mostlyML = parser.confirmed(parsed, evidence: AIEvidenceCounts(genai: 2, ml: 12))
        #expect(mostlyML.roleID == "machine-learning-engineer")
        #expect(mostlyML.unconfirmedRule == "generative-ai-engineer.ai-engineer")
        #expect(parser.confirmed(parsed, evidence: AIEvidenceCounts(genai: 1)).roleID == "machine-learning-engineer")
        #expect(parser.confirmed(parsed, evidence: AIEvidenceCounts(genai: 6, ml: 6)).roleID == "generative-ai-engineer")
        let prompt = parser.parse("Prompt Engineer")
        #expect(parser.confirmed(prompt, evidence: AIEvidenceCounts()) == prompt)
        let plain = parser.parse("Backend Engineer")
        #expect(parser.confirmed(plain, evidence: AIEvidenceCounts()) == plain)
    }

    @Test("an accelerator engineer is an ML engineer only when the body shows model work")
    func accelerators() throws {
        let parser = try Self.parser()
        let parsed = parser.parse("Performance Engineer, GPU")
        #expect(parser.confirmed(parsed, evidence: AIEvidenceCounts(genai: 2, ml: 3)).roleID == "machine-learning-engineer")
        #expect(parser.confirmed(parsed, evidence: AIEvidenceCounts()).roleID == "software-engineer")
    }

    @Test("a solutions architect is a software engineer unless the duties are pre-sales work")
    func solutionsArchitect() throws {
        let parser = try Self.parser()
        let parsed = parser.parse("Principal Solutions Architect")
        #expect(parsed.roleID == "software-engineer")
        let building = "You will design cloud architectures, write Terraform and Go services and own their reliability."
        #expect(parser.confirmed(parsed, evidence: .init(), body: building).roleID == "software-engineer")
        let selling = "You partner with account executives through the sales cycle, run proof-of-concept demos for prospects and answer RFPs."
        let sales = parser.confirmed(parsed, evidence: .init(), body: selling)
        #expect(sales.outcome == .other)
        #expect(sales.className == RoleModel.otherClass)
        #expect(sales.unconfirmedRule == "software-engineer.solutions.bodyOverride")
        // Without the body (the feature-only callers) the title stands.
        #expect(parser.confirmed(parsed, evidence: .init()) == parsed)
    }

    @Test("the classifier decides by the confirmed title and says why the specialisation fell back")
    func classifierExplains() throws {
        let classifier = try #require(AIGatedRoleTests.classifier)
        let plain = classifier.classify(
            title: "Senior Python Engineer - Generative AI",
            body: "You will build REST services in Python and Django, write SQL migrations and review pull requests. You keep the payment APIs fast and well tested.",
            skillIDs: [])
        #expect(plain.roleID == "software-engineer")
        #expect(plain.explanation.decidedBy == "title")
        #expect(plain.explanation.aiNote?.contains("generative-ai.engineering") == true)
        let llm = classifier.classify(
            title: "Senior Python Engineer - Generative AI",
            body: "You will build retrieval-augmented generation pipelines on large language models, write prompts and evaluate LLM outputs in Python.",
            skillIDs: [])
        #expect(llm.roleID == "generative-ai-engineer")
        #expect(llm.secondaryRoleID == "software-engineer")
    }

    @Test("every body-statement example states its role, or none")
    func bodyStatementExamples() throws {
        let parser = try Self.parser()
        let reader = try #require(try BodyRoleStatements(parser: parser))
        let examples = try #require(parser.rules.bodyStatements?.examples)
        #expect(!examples.isEmpty)
        for example in examples {
            let first = reader.statements(in: example.text).first?.className ?? "none"
            #expect(first == example.role, "\"\(example.text)\" stated \(first)")
        }
    }

    @Test("the body's stated job is a feature of its class, shared among several statements")
    func bodyStatementFeature() throws {
        let parser = try Self.parser()
        let reader = try #require(try BodyRoleStatements(parser: parser))
        let classes = ["product-manager", "designer", "data-engineer", RoleModel.otherClass]
        let text = "As a Product Manager, you will work with our team. We are seeking a Product Designer to join us."
        let statements = reader.statements(in: text)
        #expect(statements.compactMap(\.className) == ["product-manager", "designer"])
        let feature = BodyRoleStatements.feature(statements, classes: classes, parser: parser, evidence: .init())
        #expect(feature == [0.5, 0.5, 0, 0])
        #expect(BodyRoleStatements.feature([], classes: classes, parser: parser, evidence: .init()) == [0, 0, 0, 0])
    }

    @Test("the body's statements are read over its bytes as ICU reads them, up to the read length")
    func bodyStatementsByBytes() throws {
        let parser = try Self.parser()
        let reader = try #require(try BodyRoleStatements(parser: parser))
        let filler = String(repeating: "We ship software for clinics and schools. ", count: 300)
        let cut = BodyRoleStatements.readLength
        let bodies = [
            "As a Product Manager, you will own the roadmap.\n**Job Title:** UX Designer\nThe Data Engineer role is central.",
            "We\u{2019}re looking for a Senior Data Engineer to build pipelines \u{2014} as a key\u{A0}hire, you\u{2026}\n"
                + "Role:  Machine Learning Engineer  \u{2028}As the Designer\u{3000}, you",
            "Position - Staff Software Engineer\r\nJoin us as the new Designer who leads research.",
            // A statement across the read length, one inside it, the read length inside a two-unit character.
            String(filler.prefix(cut - 30)) + "As a Product Manager, you will lead.",
            String(filler.prefix(cut - 60)) + "As a Product Manager, you will lead.",
            String(filler.prefix(cut - 1)) + "\u{1F680}As a Designer, you",
            // A line the read length ends: `$` holds there.
            String(filler.prefix(cut - 15)) + "\nRole: Designer and research lead\n",
            // A character that folds to ASCII ignoring case: left to ICU.
            "As a Designer at ACME \u{2014} \u{C9}COLE partner, you design.",
        ]
        for body in bodies {
            #expect(reader.statements(in: body) == reader.statementsByICU(in: body), "\(body.suffix(80).debugDescription)")
        }
        #expect(!reader.statementsByICU(in: bodies[0]).isEmpty)
        #expect(reader.statementsByBytes(in: bodies[1]) != nil)
        #expect(reader.statementsByBytes(in: bodies[4]) != nil)
        #expect(reader.statementsByBytes(in: bodies[5]) == nil)
        #expect(reader.statementsByBytes(in: bodies[7]) == nil)
    }
}
