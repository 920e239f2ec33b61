import Foundation
import Testing
@testable import JobScope

/// Invented postings (written for these tests): ordinary jobs whose titles sound like AI roles, and their twins
/// whose work is about AI.
@Suite("AI-gated roles and the title's say")
struct AIGatedRoleTests {
    static let classifier: RoleClassifier? = {
        guard let model = try? ClassifierFixture.parsingModel() else { return nil }
        return RoleClassifier(model: model, taxonomy: ClassifierFixture.taxonomy)
    }()

    static func classify(_ title: String, _ body: String) throws -> RoleClassification {
        let classifier = try #require(classifier)
        return classifier.classify(title: title, body: body, skillIDs: [])
    }

    static let checkoutPM = """
        What you'll do
        You will own the checkout flow of our online shop: cart, payment methods, promo codes and order confirmation.
        You will interview shoppers, read support tickets, write requirements and prioritize the backlog with engineers and designers.
        You will run A/B tests on the payment page and report conversion to leadership.
        """
    static let aiPM = """
        What you'll do
        You will own our assistant product built on large language models: prompts, retrieval-augmented generation and evaluation of model responses.
        You will work with machine learning engineers on fine-tuning models, define quality metrics for LLM outputs and prioritize the roadmap.
        """
    static let transitUX = """
        Responsibilities
        You will design the trip planner and ticketing screens of the city's transit app and its website.
        You will run usability tests with riders, build prototypes in Figma and keep the design system accessible (WCAG).
        """
    static let aiUX = """
        Responsibilities
        You will design conversational interfaces for our generative AI assistant: how users prompt it and how LLM answers are shown.
        You will run usability tests on AI-generated content and prototype chatbot flows in Figma.
        """
    static let museumCurator = """
        The role
        You will curate the museum's permanent collection of textiles: research objects, write labels and catalogue entries,
        plan exhibitions with the registrar and work with donors and lenders.
        """
    static let aiCurator = """
        The role
        You will review AI-generated responses of our language models for accuracy and tone, curate training datasets
        and give feedback on model outputs to the machine learning team.
        """

    @Test("a checkout product manager is a Product Manager; its LLM twin is an AI Product Manager")
    func productManager() throws {
        let plain = try Self.classify("Product Manager, Checkout", Self.checkoutPM)
        #expect(plain.roleID == "product-manager")
        #expect(plain.aiInvolvement == .none)
        let titledAI = try Self.classify("AI Product Manager", Self.checkoutPM)
        #expect(titledAI.roleID == "product-manager", "the title alone does not make an AI role")
        #expect(titledAI.explanation.aiNote != nil)
        let twin = try Self.classify("Senior Product Manager", Self.aiPM)
        #expect(twin.roleID == "ai-product-manager")
        // A product manager of an LLM product is about AI without building models (the gold labelling guideline).
        #expect(twin.aiInvolvement == .usesAI)
    }

    @Test("a transit agency's UX designer is a Designer; its generative-AI twin is the UX Designer (AI products)")
    func designer() throws {
        #expect(try Self.classify("UX Designer", Self.transitUX).roleID == "designer")
        #expect(try Self.classify("UX Designer", Self.aiUX).roleID == "ux-designer")
    }

    @Test("a museum's content curator is Other; the AI content curator is a Content Curator")
    func contentCurator() throws {
        let museum = try Self.classify("Content Curator", Self.museumCurator)
        #expect(museum.roleID == nil)
        #expect(try Self.classify("Content Curator", Self.aiCurator).roleID == "content-curator")
    }

    @Test("a title that names a role beats a body that leans elsewhere, and the explanation says the title decided")
    func titleDecides() throws {
        let body = """
        Responsibilities
        You will build statistical models, run experiments and A/B tests, and present insights from the data to stakeholders.
        You will also maintain the ETL jobs and the data warehouse tables the models read from.
        """
        let classifier = try #require(Self.classifier)
        let bodyOnly = classifier.classify(title: nil, body: body, skillIDs: [])
        let titled = try Self.classify("Data Engineer", body)
        #expect(bodyOnly.roleID != "data-engineer", "the body alone should lean elsewhere for this test to mean anything")
        #expect(titled.roleID == "data-engineer")
        #expect(titled.explanation.decidedBy == "title")
        #expect(titled.explanation.titleRule == "data-engineer.named")
    }

    @Test("a Hacker News post hiring for three roles yields three")
    func threeRoles() throws {
        let model = try ClassifierFixture.parsingModel()
        let analyzer = PostingAnalyzer(taxonomy: ClassifierFixture.taxonomy, model: model)
        let posting = Posting(
            source: PostingSource(path: "hn.txt"),
            title: "Backend Engineer", company: "Acme",
            body: "Acme | Backend Engineer, Data Scientist, Product Designer | Remote (US) | $150k-$190k\nAcme writes route-planning software for trucking fleets. Email jobs@acme.test.",
            titles: ["Backend Engineer", "Data Scientist", "Product Designer"])
        let analysis = analyzer.analyze(posting)
        #expect(analysis.hiredRoles.map(\.roleID) == ["software-engineer", "data-scientist", "designer"])
    }
}
