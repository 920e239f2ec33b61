import Foundation
import Testing
@testable import JobScope

@Suite struct SkillMatcherTests {
    static let matcher = AmbiguityRuleTests.committed

    static func posting(_ body: String, listed: [String] = []) -> Posting {
        Posting(source: PostingSource(path: "test.txt"), title: "Test", body: body, listedSkills: listed)
    }

    func mentions(_ body: String, listed: [String] = []) throws -> [String: SkillMention] {
        let matcher = try #require(Self.matcher)
        return Dictionary(uniqueKeysWithValues: matcher.mentions(in: Self.posting(body, listed: listed)).map { ($0.skillID, $0) })
    }

    @Test func findsAliasesLongestFirstAndCounts() throws {
        let found = try mentions("We use scikit-learn (sklearn), Google Cloud Platform and GCP; machine learning and ML.")
        #expect(found["scikit-learn"]?.count == 2)
        #expect(found["google-cloud"]?.count == 2)
        #expect(found["machine-learning"]?.count == 2)
        #expect(found["cloud-computing"] == nil, "Google Cloud Platform is one skill, not also 'cloud'")
    }

    @Test func evidenceHasUTF16OffsetsAndSnippet() throws {
        let body = "Café — 🚀 Experience with PyTorch is required."
        let found = try mentions(body)
        let e = try #require(found["pytorch"]?.evidence.first)
        let ns = body as NSString
        #expect(ns.substring(with: NSRange(location: e.start, length: e.end - e.start)) == "PyTorch")
        #expect(e.matched == "PyTorch")
        #expect(e.snippet.contains("Experience with PyTorch"))
    }

    @Test func ordersByFirstMention() throws {
        let matcher = try #require(Self.matcher)
        let ids = matcher.mentions(in: Self.posting("Docker first, then Python, then Docker again, then SQL.")).map(\.skillID)
        #expect(ids == ["docker", "python", "sql"])
    }

    @Test func requiredAndPreferredFromHeadings() throws {
        let body = """
        About the role
        You will build models with Python.

        Requirements:
        • 3+ years with SQL
        • Experience with Spark

        Nice to have
        • Kubernetes
        • Tableau
        """
        let found = try mentions(body)
        #expect(found["python"]?.requirement == .mentioned)
        #expect(found["sql"]?.requirement == .required)
        #expect(found["spark"]?.requirement == .required)
        #expect(found["kubernetes"]?.requirement == .preferred)
        #expect(found["tableau"]?.requirement == .preferred)
    }

    @Test func lineCuesOverrideTheSection() throws {
        let body = """
        Qualifications:
        Strong Python skills.
        Experience with Docker is a plus.
        Preferred: Airflow, dbt
        """
        let found = try mentions(body)
        #expect(found["python"]?.requirement == .required)
        #expect(found["docker"]?.requirement == .preferred)
        #expect(found["airflow"]?.requirement == .preferred)
    }

    @Test func gluedOneLineHeadingsAreFound() throws {
        let filler = String(repeating: "We are a growing company with great people and bold plans. ", count: 8)
        let body = filler + "ResponsibilitiesBuild dashboards in Tableau.QualificationsExperience with SQL and Python."
            + "Preferred QualificationsKnowledge of Kafka."
        let found = try mentions(body)
        #expect(found["tableau"]?.requirement == .mentioned)
        #expect(found["sql"]?.requirement == .required)
        #expect(found["kafka"]?.requirement == .preferred)
    }

    @Test func listedSkillsCountAsRequiredWithContext() throws {
        let found = try mentions("A short body about the team.", listed: ["R", "Go", "Prompt engineering"])
        #expect(found["r"]?.requirement == .required)
        #expect(found["go"] != nil)
        #expect(found["prompt-engineering"]?.evidence.first?.snippet.hasPrefix("skills: ") == true)
    }

    @Test func genAISkillsAreFound() throws {
        let found = try mentions("""
            Build RAG pipelines with LangChain and a vector database (Pinecone); fine-tune LLMs with LoRA and RLHF; \
            prompt engineering; Hugging Face Transformers; Stable Diffusion; deploy on Azure with Docker and Kubernetes.
            """)
        for id in ["rag", "langchain", "vector-databases", "fine-tuning", "llms", "rlhf", "prompt-engineering",
                   "hugging-face", "diffusion-models", "azure", "docker", "kubernetes"] {
            #expect(found[id] != nil, "expected \(id)")
        }
    }

    @Test func multiWordAliasesDoNotCrossSentences() throws {
        let found = try mentions("We value deep. Learning is constant here.")
        #expect(found["deep-learning"] == nil)
    }

    @Test func emptyAndSymbolOnlyTextsGiveNothing() throws {
        #expect(try mentions("").isEmpty)
        #expect(try mentions("—— !!! ###").isEmpty)
    }
}
