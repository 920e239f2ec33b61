import Foundation
import Testing
@testable import JobScope

/// Fixtures written for these tests: a tiny corpus folder with invented postings and gold files naming them.
@Suite("Gold sets: exclusion from training, evaluation")
struct GoldSetTests {
    /// A scratch corpus: `jobs/postings.csv` (three rows) and `board/a/README.md` (one Markdown posting).
    static func corpus() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("roles-gold-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("jobs"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("board/a"), withIntermediateDirectories: true)
        let csv = """
            title,company,description
            Data Engineer,Acme,"You will build ETL pipelines in Spark and Airflow and keep the warehouse tables fresh."
            Registered Nurse,County Hospital,"You will care for patients on a medical ward, give medication and chart vital signs."
            Product Manager,Shopco,"You will own the checkout flow, interview shoppers and prioritize the backlog with engineers."
            """
        try csv.write(to: root.appendingPathComponent("jobs/postings.csv"), atomically: true, encoding: .utf8)
        let markdown = """
            # [Prompt Engineer](https://example.test/apply/1)
            ### Lexico
            #### `💰 $150,000` `🌎 Remote US`

            You will write and evaluate prompts for large language models and build retrieval-augmented generation pipelines.
            """
        try markdown.write(to: root.appendingPathComponent("board/a/README.md"), atomically: true, encoding: .utf8)
        return root
    }

    @Test("postings listed in roles-gold*.yaml and skills-gold-2024*.yaml are left out of training")
    func exclusion() throws {
        let root = try Self.corpus()
        defer { try? FileManager.default.removeItem(at: root) }
        let goldDirectory = root.appendingPathComponent("gold")
        try FileManager.default.createDirectory(at: goldDirectory, withIntermediateDirectories: true)
        try """
            version: 1
            postings:
              - {file: jobs/postings.csv, row: 2, roles: [other], ai_involvement: none}
            """.write(to: goldDirectory.appendingPathComponent("roles-gold-fixture.yaml"), atomically: true, encoding: .utf8)
        try """
            postings:
              - {file: board/a/README.md}
            """.write(to: goldDirectory.appendingPathComponent("skills-gold-2024-fixture.yaml"), atomically: true, encoding: .utf8)
        try "postings:\n  - {file: jobs/postings.csv, row: 1}\n"
            .write(to: goldDirectory.appendingPathComponent("unrelated.yaml"), atomically: true, encoding: .utf8)
        let gold = try GoldExclusion.load(directory: goldDirectory)
        #expect(gold.count == 2)
        #expect(gold.excludes(file: "jobs/postings.csv", row: 2))
        #expect(!gold.excludes(file: "jobs/postings.csv", row: 1))
        let parser = try TitleParser.load(from: ClassifierFixture.layout.titleParseRules)
        func load(_ gold: GoldExclusion) throws -> TrainingCorpus {
            try TrainingCorpus.load(profiles: ClassifierFixture.layout.profiles, corpora: [root],
                                    rules: try ClassifierFixture.rules(), taxonomy: ClassifierFixture.taxonomy,
                                    parser: parser, gold: gold, sharedCorpus: root)
        }
        let without = try load(GoldExclusion())
        let with = try load(gold)
        let titles = { (c: TrainingCorpus) in Set(c.examples.filter { !$0.isProfile }.compactMap(\.posting.title)) }
        #expect(titles(without) == ["Data Engineer", "Registered Nurse", "Product Manager", "Prompt Engineer"])
        #expect(titles(with) == ["Data Engineer", "Product Manager"])
        #expect(with.manifest.goldExcluded == 2)
        #expect(without.examples.first { $0.posting.title == "Prompt Engineer" }?.sourceName == "board")
        #expect(without.examples.first { $0.posting.title == "Prompt Engineer" }?.posting.company == "Lexico")
    }

    @Test("gold postings are left out when the corpus is named through a symbolic link")
    func exclusionThroughLink() throws {
        let root = try Self.corpus()
        let link = FileManager.default.temporaryDirectory.appendingPathComponent("roles-gold-link-\(UUID().uuidString)")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: root)
        defer {
            try? FileManager.default.removeItem(at: link)
            try? FileManager.default.removeItem(at: root)
        }
        let gold = GoldExclusion(files: ["board/a/README.md"], rows: ["jobs/postings.csv": [2]])
        let parser = try TitleParser.load(from: ClassifierFixture.layout.titleParseRules)
        // The corpus through the link, the shared folder by its real path (and the other way round).
        for (corpus, shared) in [(link, root), (root, link)] {
            let loaded = try TrainingCorpus.load(profiles: ClassifierFixture.layout.profiles, corpora: [corpus],
                                                 rules: try ClassifierFixture.rules(), taxonomy: ClassifierFixture.taxonomy,
                                                 parser: parser, gold: gold, sharedCorpus: shared)
            #expect(loaded.manifest.goldExcluded == 2, "corpus \(corpus.path), shared \(shared.path)")
            #expect(!loaded.examples.contains { $0.posting.title == "Registered Nurse" })
        }
    }

    @Test("the gold evaluator scores strict and lenient roles, Other precision and AI involvement")
    func evaluator() throws {
        let root = try Self.corpus()
        defer { try? FileManager.default.removeItem(at: root) }
        let goldFile = root.appendingPathComponent("roles-gold.yaml")
        try """
            version: 1
            postings:
              - {file: jobs/postings.csv, row: 1, roles: [data-engineer], ai_involvement: none}
              - {file: jobs/postings.csv, row: 2, roles: [other], ai_involvement: none}
              - {file: jobs/postings.csv, row: 3, roles: [ai-product-manager, product-manager], ai_involvement: uses_ai}
              - {file: board/a/README.md, roles: [generative-ai-engineer], ai_involvement: builds_genai}
              - {file: jobs/postings.csv, row: 9, roles: [other], ai_involvement: none}
            """.write(to: goldFile, atomically: true, encoding: .utf8)
        let gold = try RoleGoldSet.load(from: goldFile)
        let analyzer = PostingAnalyzer(taxonomy: ClassifierFixture.taxonomy, model: try ClassifierFixture.parsingModel())
        let result = GoldEvaluator(analyzer: analyzer, corpusRoot: root, minimumSupport: 1).evaluate(gold)
        #expect(result.missing == ["jobs/postings.csv:row 9"])
        #expect(result.strict.postings == 4)
        // The product manager's gold primary is the AI role, the classifier says Product Manager: wrong when
        // strict, right when lenient (the gold lists it too).
        #expect(abs(result.strict.accuracy - 0.75) < 1e-9)
        #expect(abs(result.lenient.accuracy - 1.0) < 1e-9)
        #expect(result.otherPrecision == 1)
        #expect(result.aiInvolvementSupport == 4)
        #expect(abs(result.aiInvolvementAccuracy - 0.75) < 1e-9)
        // The misses list names the wrong posting with what decided it.
        let miss = try #require(result.misses.first { $0.roleWrong })
        #expect(result.misses.filter(\.roleWrong).count == 1)
        #expect(miss.file == "jobs/postings.csv" && miss.row == 3)
        #expect(miss.gold == ["ai-product-manager", "product-manager"] && miss.predicted == "product-manager")
        #expect(miss.decidedBy == "title")
    }
}
