import Foundation
import Testing
@testable import JobScope

/// What every store back end must do alike, as one scenario run step by step over one folder: a first run (new
/// postings, an exact duplicate, a near-duplicate repost), a re-run that adds nothing, an edited file (a posting
/// replaced, one removed), a new model (everything re-classified). What each step gave and what the store then
/// holds is collected, so the SQLite suite checks the figures and the PostgreSQL suite checks that its back end
/// gives exactly what SQLite gives.
struct StoreContract {
    /// One step's tally, without timings and run ids.
    struct Tally: Equatable, CustomStringConvertible {
        var new, reposts, duplicates, unchanged, reclassified, removed, errors, filesRead, filesSkipped: Int

        init(_ s: BatchSummary) {
            (new, reposts, duplicates, unchanged, reclassified, removed, errors, filesRead, filesSkipped) =
                (s.newPostings, s.reposts, s.duplicates, s.unchanged, s.reclassified, s.removed, s.errors,
                 s.filesRead, s.filesSkipped)
        }

        var description: String {
            "new \(new) reposts \(reposts) duplicates \(duplicates) unchanged \(unchanged) reclassified "
                + "\(reclassified) removed \(removed) errors \(errors) read \(filesRead) skipped \(filesSkipped)"
        }
    }

    /// What a store holds after a step.
    struct Holdings: Equatable {
        var statistics: StoreStatistics
        var exported: [PostingExportRecord]
        var report: [ReportRecord]
        var sourceCounts: [String]
        var errors: [StoredError]
        /// Each run's status and counts (not its times).
        var runs: [String]
        var sources: [PostingStore.StoredSource]
    }

    struct Step: Equatable {
        var tally: Tally
        var holdings: Holdings
    }

    let folder: URL

    /// Writes the scenario's first files into a fresh folder.
    static func make() throws -> StoreContract {
        let folder = try StoreFixture.scratch()
        let original = StoreFixture.body(seed: 4, words: 200)
        var words = original.split(separator: " ").map(String.init)
        words[120] = "kubernetes"
        let lines = [
            StoreFixture.jsonLine(title: "Data Scientist", company: "Acme Corp", body: original, date: "2024-03-01"),
            StoreFixture.jsonLine(title: "Machine Learning Engineer 1", company: "Globex", body: StoreFixture.body(seed: 1)),
            StoreFixture.jsonLine(title: "Data Scientist 2", company: "Initech", body: StoreFixture.body(seed: 2),
                                  date: "2024-04-10"),
        ]
        try StoreFixture.write(lines.joined(separator: "\n") + "\n", to: folder.appendingPathComponent("in/set-a/a.jsonl"))
        let copies = [
            // An exact copy of the second posting, seen in another file; a repost of the first.
            lines[1],
            StoreFixture.jsonLine(title: "Data Scientist", company: "Acme Corp",
                                  body: "Reposted. " + words.joined(separator: " "), date: "2024-05-02"),
        ]
        try StoreFixture.write(copies.joined(separator: "\n") + "\n", to: folder.appendingPathComponent("in/set-b/b.jsonl"))
        let csv = "title,company,description\n"
            + (5..<7).map { "Machine Learning Engineer \($0),Company \($0),\"\(StoreFixture.body(seed: $0))\"" }
            .joined(separator: "\n") + "\n"
        try StoreFixture.write(csv, to: folder.appendingPathComponent("in/set-b/c.csv"))
        return StoreContract(folder: folder)
    }

    var inputs: URL { folder.appendingPathComponent("in") }

    /// Runs the scenario over `stores` in step: each step runs on every store before the files change.
    func run(_ stores: [any AnalysisStore]) async throws -> [[Step]] {
        var steps = Array(repeating: [Step](), count: stores.count)
        func runAll(model: String = "model-1") async throws {
            for (index, store) in stores.enumerated() {
                let run = try await StoreFixture.run([inputs], store: store, model: model)
                steps[index].append(Step(tally: Tally(run.summary), holdings: try await holdings(of: store)))
            }
        }
        try await runAll()
        try await runAll()
        // The third posting is edited, and a new one is added.
        let file = inputs.appendingPathComponent("set-a/a.jsonl")
        var lines = try String(contentsOf: file, encoding: .utf8).split(separator: "\n").map(String.init)
        lines[2] = StoreFixture.jsonLine(title: "Data Scientist 2", company: "Initech", body: StoreFixture.body(seed: 12),
                                         date: "2024-04-10")
        lines.append(StoreFixture.jsonLine(title: "Data Scientist 9", company: "Hooli", body: StoreFixture.body(seed: 9)))
        try StoreFixture.write(lines.joined(separator: "\n") + "\n", to: file)
        try await runAll()
        try await runAll(model: "model-2")
        return steps
    }

    func holdings(of store: any AnalysisStore) async throws -> Holdings {
        var exported: [PostingExportRecord] = []
        try await store.forEachRecord(seenInRun: nil) { exported.append($0) }
        return Holdings(
            statistics: try await store.statistics(), exported: exported,
            report: try await store.reportRecords(includeReposts: true),
            sourceCounts: try await store.postingSourceCounts().map { "\($0.id) \($0.sources)" },
            errors: try await store.errors(run: nil),
            runs: try await store.runs().map {
                "\($0.id) \($0.status) \($0.modelVersion) new \($0.newPostings) reposts \($0.reposts) duplicates "
                    + "\($0.duplicates) unchanged \($0.unchanged) reclassified \($0.reclassified) errors \($0.errors)"
            },
            sources: try await store.postingSources())
    }

    /// The figures every back end must give for the scenario's four steps.
    static func checkFigures(_ steps: [Step]) {
        #expect(steps.map(\.tally.description) == [
            "new 5 reposts 1 duplicates 1 unchanged 0 reclassified 0 removed 0 errors 0 read 3 skipped 0",
            "new 0 reposts 0 duplicates 0 unchanged 7 reclassified 0 removed 0 errors 0 read 0 skipped 3",
            // The edited file's two kept postings and the skipped files' four are unchanged.
            "new 2 reposts 0 duplicates 0 unchanged 6 reclassified 0 removed 1 errors 0 read 1 skipped 2",
            // The exact copy takes the new analysis its first place got earlier in the same run.
            "new 0 reposts 0 duplicates 0 unchanged 1 reclassified 7 removed 0 errors 0 read 3 skipped 0",
        ])
        #expect(steps.map(\.holdings.statistics.postings) == [6, 6, 7, 7])
        #expect(steps.last?.holdings.statistics == StoreStatistics(postings: 7, reposts: 1, sources: 8, files: 3,
                                                                   errors: 0, runs: 4))
        #expect(steps.last?.holdings.exported.allSatisfy { $0.modelVersion == "model-2" } == true)
        #expect(steps.last?.holdings.runs.allSatisfy { $0.contains(" completed ") } == true)
    }
}
