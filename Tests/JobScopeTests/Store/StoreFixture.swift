import Foundation
import JobScope

/// Builds what the store tests need in code: a small taxonomy and model, synthetic postings, scratch folders.
/// No real posting text: bodies are made from a fixed word list.
enum StoreFixture {
    static let repoRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let taxonomy = Taxonomy(
        version: "test-1",
        roles: [Role(id: "data-scientist", name: "Data Scientist", titleKeywords: ["data scientist"]),
                Role(id: "machine-learning-engineer", name: "Machine Learning Engineer",
                     titleKeywords: ["machine learning engineer"])],
        skills: [Skill(id: "python", name: "Python", category: .programmingLanguage, aliases: ["python"]),
                 Skill(id: "sql", name: "SQL", category: .dataTooling, aliases: ["sql"])])

    /// A flat model (every class weighted alike) that carries `version`: the store tests need the version, not skill.
    static func analyzer(model version: String = "model-1", taxonomy: Taxonomy = taxonomy) -> PostingAnalyzer {
        var vectorizer = TfidfVectorizer()
        vectorizer.fit(vocabulary)
        let classes = taxonomy.roles.map(\.id) + [RoleModel.otherClass]
        let model = RoleModel(version: version, taxonomyVersion: taxonomy.version, titleRulesVersion: "test",
                              method: .centroid, classes: classes, vectorizer: vectorizer,
                              weights: classes.map { _ in ClassWeights(bias: 0, features: [], values: []) },
                              evidence: EvidenceWeights())
        return PostingAnalyzer(taxonomy: taxonomy, model: model)
    }

    static let vocabulary = """
        build deploy evaluate models pipelines data team product customers research production python sql cloud \
        analysis metrics experiments dashboards stakeholders features training inference latency quality review \
        design document mentor collaborate improve scale monitor reliable secure privacy fairness statistics \
        forecasting ranking search recommendations language vision speech annotation labeling governance \
        strategy roadmap platform services storage streaming batch warehouse lake testing automation
        """.split(separator: " ").map(String.init)

    /// A body of `words` words that differs from every other seed's.
    static func body(seed: Int, words: Int = 120) -> String {
        var state = UInt64(truncatingIfNeeded: seed) &* 0x9E37_79B9_7F4A_7C15 &+ 1
        var out: [String] = []
        for i in 0..<words {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            out.append(vocabulary[Int((state >> 33) % UInt64(vocabulary.count))])
            if i % 15 == 14 { out[out.count - 1] += "." }
        }
        return out.joined(separator: " ")
    }

    /// One JSON Lines record.
    static func jsonLine(title: String, company: String, body: String, date: String = "2024-03-01") -> String {
        let object: [String: String] = ["title": title, "company": company, "description": body, "date_posted": date]
        let data = try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
        return String(decoding: data, as: UTF8.self)
    }

    /// A fresh scratch folder.
    static func scratch() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("jobscope-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func write(_ text: String, to url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    /// `count` one-posting JSON lines files `p000.jsonl`… in `folder`: title "<title> N", company "CN", body of
    /// seed `seed + N`.
    static func writeJSONFiles(_ count: Int, title: String, seed: Int, words: Int = 120, to folder: URL) throws {
        for file in 0..<count {
            try write(jsonLine(title: "\(title) \(file)", company: "C\(file)", body: body(seed: seed + file, words: words)),
                      to: folder.appendingPathComponent(String(format: "p%03d.jsonl", file)))
        }
    }

    /// Runs a batch over `paths` and collects the problem lines it reported.
    static func run(_ paths: [URL], store: any AnalysisStore, model: String = "model-1", reclassify: Bool = false,
                    jobs: Int = 2, taxonomy: Taxonomy = taxonomy)
        async throws -> (summary: BatchSummary, problems: [String]) {
        var options = BatchOptions()
        options.reclassify = reclassify
        options.jobs = jobs
        options.chunkSize = 2  // small chunks so multi-chunk files are exercised
        options.transactionSize = 3
        let problems = ProblemLog()
        let summary = try await BatchAnalyzer(store: store, analyzer: analyzer(model: model, taxonomy: taxonomy), options: options)
            .run(paths: paths.map(\.path)) { event in
                if case .problem(let message) = event { problems.append(message) }
            }
        return (summary, problems.lines)
    }
}

/// Problem lines collected from a run's events.
final class ProblemLog: Sendable {
    private let collected = Locked<[String]>([])

    func append(_ line: String) { collected.withLock { $0.append(line) } }
    var lines: [String] { collected.value }
}
