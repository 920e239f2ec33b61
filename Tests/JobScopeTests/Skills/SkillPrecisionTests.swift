import Foundation
import Testing
@testable import JobScope

/// Issue 12's precision cases on the committed taxonomy: generic words need the skill's own terms nearby,
/// delivery pipelines are no ETL, a degree's subject is no skill.
@Suite struct SkillPrecisionTests {
    static let matcher: SkillMatcher? = (try? TaxonomyLoader.load(from: TaxonomyLoaderTests.committedFile))
        .map(SkillMatcher.init)

    static func ids(_ text: String) throws -> Set<String> {
        Set(try #require(matcher).mentions(inText: text).map(\.skillID))
    }

    @Test(arguments: [
        "Own and improve our CI/CD pipelines.", "Maintain CI/CD pipelines in GitHub Actions for our data services.",
        "Build deployment pipelines and release pipelines.", "Grow the sales pipeline.", "Keep the talent pipeline full.",
    ])
    func deliveryPipelinesAreNotETL(_ text: String) throws {
        #expect(try !Self.ids(text).contains("etl"), "no ETL in: \(text)")
    }

    @Test func ciCdPipelinesAreCICD() throws {
        #expect(try Self.ids("Own our CI/CD pipelines.").contains("ci-cd"))
    }

    @Test(arguments: [
        "Build data pipelines in Airflow.", "Maintain pipelines that ingest data into the warehouse.",
        "Experience with ETL and batch pipelines.",
    ])
    func dataPipelinesAreETL(_ text: String) throws {
        #expect(try Self.ids(text).contains("etl"), "ETL in: \(text)")
    }

    @Test func workWithStakeholdersIsNotASkill() throws {
        #expect(try Self.ids("You will work with stakeholders.").isEmpty)
        #expect(try !Self.ids("Present results to executives and business partners.").contains("stakeholder-management"))
        #expect(try Self.ids("Manage stakeholders and their expectations.").contains("stakeholder-management"))
        #expect(try Self.ids("Strong stakeholder management skills.").contains("stakeholder-management"))
    }

    @Test func experimentsAreNotHypothesisTestingAlone() throws {
        #expect(try !Self.ids("Run experiments on new model architectures.").contains("hypothesis-testing"))
        #expect(try !Self.ids("A culture of experimentation.").contains("hypothesis-testing"))
        #expect(try Self.ids("Design controlled experiments and A/B tests.").contains("hypothesis-testing"))
    }

    @Test func analyticsIsNotDataAnalysisAlone() throws {
        #expect(try !Self.ids("We are a leader in retail analytics.").contains("data-analysis"))
        #expect(try !Self.ids("Analyze customer feedback and act on it.").contains("data-analysis"))
        #expect(try Self.ids("Analyze large datasets with SQL.").contains("data-analysis"))
        #expect(try Self.ids("Analyze data from product experiments.").contains("data-analysis"))
        // "analysis" and "analytics" alone never counted in the development sets' gold (session 7).
        #expect(try !Self.ids("Perform analysis of product metrics.").contains("data-analysis"))
        #expect(try !Self.ids("Partner with the analytics and data science teams.").contains("data-analysis"))
    }

    /// Generic spellings the development sets' gold never counted on their own (sessions 7 and 8); each of the
    /// session-8 sentences found the skill with taxonomy 2026.12.2.
    @Test(arguments: [
        ("Fine-tune our conversion funnel and typography.", "fine-tuning"),
        ("Build tooling for security configuration management.", "build-systems"),
        ("Define success metrics for each launch.", "product-metrics"),
        ("Sell on the product roadmap with customers.", "product-management"),
        ("Our values: Build Trust, Go Deep, Deliver Results.", "relationship-building"),
        ("Apply instructional design principles to courses.", "system-design"),
        ("Own sales pipeline and forecasting.", "time-series"),
        ("Coordinate availability across multiple stakeholders.", "stakeholder-management"),
        // Dropped or constrained in taxonomy 2026.12.3 (session 8).
        ("Provide white glove support to teams adopting our machine learning and NLP products.", "embeddings"),
        ("Transformer les plans strategiques en actions grace au machine learning et au NLP.", "transformers"),
        ("#LI-Remote #BI-Remote", "business-intelligence"),
        ("Track and forecast the sales pipeline each quarter.", "time-series"),
        ("Deep domain expertise in retail banking.", "business-acumen"),
        ("Serve as the team lead for a squad of five.", "leadership"),
        ("Translate design mockups into responsive pages.", "prototyping"),
        ("Set up alerting for the payments service.", "monitoring"),
        // Dropped or constrained in taxonomy 2026.12.4 (session 9): each found the skill with 2026.12.3.
        ("Global Data Privacy Notice for Job Candidates and Applicants", "data-privacy"),
        ("The range is $120,000—$150,000 CAD.", "cad"),
        ("A degree in economics, statistics, social work, or related fields.", "statistics"),
        ("Deep domain knowledge of retail banking.", "business-acumen"),
        ("You will build agents of change across the company.", "ai-agents"),
        ("Recruitment interview with the People team.", "recruiting"),
    ] as [(String, String)])
    func genericSpellingsAreNoSkillAlone(_ text: String, absent: String) throws {
        #expect(!(try Self.ids(text)).contains(absent), "\(absent) should not be found in: \(text)")
    }

    @Test func theSkillsOwnPhrasesStillCount() throws {
        #expect(try Self.ids("Fine-tune open-source language models with LoRA.").contains("fine-tuning"))
        #expect(try Self.ids("Experience with build systems such as Bazel.").contains("build-systems"))
        #expect(try Self.ids("Translate customer requirements into designs.").contains("requirements-gathering"))
        #expect(try Self.ids("Investigate performance issues in production.").contains("performance-optimization"))
    }

    @Test func constrainedNamesStillCountAsSkills() throws {
        #expect(try Self.ids("Knowledge of data privacy regulations such as GDPR.").contains("data-privacy"))
        #expect(try Self.ids("Proficiency in CAD and Revit.").contains("cad"))
        #expect(try Self.ids("Strong statistics and SQL skills.").contains("statistics"))
    }

    @Test func cloudPlatformsAreNotCloudComputingAlone() throws {
        #expect(try !Self.ids("Our cloud platform serves millions of users.").contains("cloud-computing"))
        #expect(try Self.ids("Design cloud infrastructure for our services.").contains("cloud-computing"))
        #expect(try Self.ids("Experience with cloud platforms (AWS, Azure) and serverless deployment.").contains("cloud-computing"))
    }

    @Test func modelingIsNotPredictiveModelingAlone() throws {
        #expect(try !Self.ids("Financial modeling in Excel and PowerPoint.").contains("predictive-modeling"))
        #expect(try Self.ids("Predictive modeling and machine learning.").contains("predictive-modeling"))
    }

    @Test(arguments: [
        "Bachelor's degree in Mathematics or Statistics.", "MS in Statistics, Computer Science or a related field.",
        "PhD in a quantitative field such as Physics, Statistics or Economics.", "A Statistics degree is required.",
    ])
    func degreeSubjectIsNoSkill(_ text: String) throws {
        let ids = try Self.ids(text)
        #expect(!ids.contains("statistics") && !ids.contains("mathematics"), "no skill in: \(text)")
    }

    @Test func degreeInStatisticsIsAFieldOfStudy() throws {
        let taxonomy = try TaxonomyLoader.load(from: TaxonomyLoaderTests.committedFile)
        let posting = Posting(source: PostingSource(path: "t.txt"),
                              body: "Requirements:\nBachelor's degree in Mathematics or Statistics.\nStrong SQL skills.")
        let attributes = AttributeExtractor(taxonomy: taxonomy).attributes(of: posting)
        #expect(attributes.fieldsOfStudy == ["statistics", "mathematics"])
        #expect(attributes.education == "bachelors")
        let other = Posting(source: PostingSource(path: "t.txt"),
                            body: "Strong statistics and Python skills; a degree is a plus, with experience in Physics labs.")
        #expect(AttributeExtractor(taxonomy: taxonomy).attributes(of: other).fieldsOfStudy.isEmpty)
    }

    @Test func statisticsAsASkillStillCounts() throws {
        #expect(try Self.ids("Strong knowledge of statistics and probability.").contains("statistics"))
    }

    @Test(arguments: [
        ("Experience with React, Next.js and PostgreSQL.", ["react", "nextjs", "postgresql"]),
        ("Vector stores such as Pinecone, pgvector or Qdrant; LangGraph agents.", ["pinecone", "pgvector", "qdrant", "langgraph"]),
        ("Fine-tune with LoRA; serve with vLLM behind Kafka.", ["lora-peft", "vllm", "kafka", "fine-tuning"]),
        ("Infrastructure in Terraform; observability with Datadog and OpenTelemetry.", ["terraform", "datadog", "opentelemetry"]),
        ("Spring Boot services in Java; Go and Rust tooling.", ["spring", "java", "go", "rust"]),
        // Added in taxonomy 2026.12.3 from the development sets' misses (session 8); 2026.12.2 missed each.
        ("Cross-sell and up-sell existing customers by phone.", ["cross-selling"]),
        ("Protect web services with a WAF and DLP policies.", ["web-application-firewalls", "data-loss-prevention"]),
        ("Knowledge of the Scaled Agile Framework.", ["safe-framework"]),
        ("A passion for safe and ethical AI development.", ["responsible-ai"]),
        ("Experience with cloud services such as AWS or GCP.", ["cloud-computing"]),
        ("Takes an analytical approach to every problem.", ["critical-thinking"]),
        ("Write ABAP Objects extensions for SAP S/4HANA.", ["abap"]),
        ("Render pages with SSR in Next.js.", ["server-side-rendering"]),
        ("Write functional tests for the checkout flow.", ["functional-testing"]),
    ])
    func todaysStackIsFound(_ text: String, _ expected: [String]) throws {
        let ids = try Self.ids(text)
        for id in expected { #expect(ids.contains(id), "\(id) in: \(text)") }
    }

    @Test(arguments: ["Spring 2025 internship", "Our spring offsite", "Watch the birds flutter by."])
    func ambiguousShortNamesStayQuiet(_ text: String) throws {
        let ids = try Self.ids(text)
        #expect(!ids.contains("spring") && !ids.contains("flutter"), "nothing in: \(text)")
    }

    @Test func safeAsAWordIsNoFramework() throws {
        #expect(try !Self.ids("Keep the classroom a safe and welcoming place.").contains("safe-framework"))
        #expect(try !Self.ids("Safe handling of chemicals is required.").contains("safe-framework"))
    }
}
