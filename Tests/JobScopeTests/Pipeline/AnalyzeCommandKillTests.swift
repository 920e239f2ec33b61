import Foundation
import GRDB
import JobScope
import Testing

/// Runs the real `jobscope analyze` as a child process, kills it with SIGKILL mid-run, runs it again, and checks
/// the store: sound (`PRAGMA integrity_check`), and every posting present exactly once.
@Suite("analyze killed mid-run")
struct AnalyzeCommandKillTests {
    /// The `jobscope` executable built beside the test bundle (or in `.build/debug`).
    static let executable: String? = {
        var candidates: [URL] = []
        if let runner = Bundle.main.executableURL {
            candidates.append(runner.deletingLastPathComponent().appendingPathComponent("jobscope"))
        }
        candidates.append(StoreFixture.repoRoot.appendingPathComponent(".build/debug/jobscope"))
        return candidates.map(\.path).first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    /// A models folder with a trained role model: `$JOBSCOPE_MODELS`, else the repository's `Models/`.
    static let models: String? = {
        let candidates = [ProcessInfo.processInfo.environment["JOBSCOPE_MODELS"],
                          StoreFixture.repoRoot.appendingPathComponent("Models").path].compactMap { $0 }
        return candidates.first { FileManager.default.fileExists(atPath: "\($0)/role-model.json") }
    }()

    static let skipReason: Comment = "needs the jobscope executable (swift build) and a trained Models/role-model.json; skipped"

    /// Postings committed so far, read through a read-only connection: in WAL mode it never waits for the writer
    /// (opening a `PostingStore` would, since it checks the schema under the write lock).
    static func committedPostings(_ path: String) -> Int? {
        var config = Configuration()
        config.readonly = true
        // A WAL read can meet a passing lock (a checkpoint); wait for it rather than miss the commits.
        config.busyMode = .timeout(2)
        guard let queue = try? DatabaseQueue(path: path, configuration: config) else { return nil }
        return try? queue.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM postings") }
    }

    func launch(_ arguments: [String], environment extra: [String: String] = [:]) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.executable!)
        process.arguments = arguments
        if !extra.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(extra) { $1 }
        }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    @Test("SIGKILL mid-run, then a re-run: the store is sound and holds every posting once",
          .enabled(if: executable != nil && models != nil, skipReason))
    func killAndResume() throws {
        let folder = try StoreFixture.scratch()
        let files = 100, perFile = 40
        try Self.writeInput(in: folder, files: files, perFile: perFile, title: "Machine Learning Engineer",
                            company: "Company", seedBase: 10_000, words: 150)
        let storePath = folder.appendingPathComponent("store.sqlite").path
        let arguments = ["analyze", folder.appendingPathComponent("input").path, "--store", storePath,
                         "--models", Self.models!, "--quiet", "--jobs", "1"]

        let first = try launch(arguments)
        // Wait until some transactions are committed, then kill without warning.
        var storedAtKill = 0
        let deadline = Date().addingTimeInterval(120)
        while first.isRunning, Date() < deadline {
            if FileManager.default.fileExists(atPath: storePath), let count = Self.committedPostings(storePath),
               count > 0 {
                storedAtKill = count
                break
            }
            // A blocking sleep: an awaited one could wait behind other tests on the cooperative pool
            // while the child commits everything.
            usleep(20_000)
        }
        kill(first.processIdentifier, SIGKILL)
        first.waitUntilExit()
        #expect(first.terminationReason == .uncaughtSignal, "the first run ended before it could be killed")
        #expect(storedAtKill > 0)
        #expect(storedAtKill < files * perFile, "kill the run earlier: it had stored everything")

        let second = try launch(arguments)
        second.waitUntilExit()
        #expect(second.terminationStatus == 0)

        let store = try PostingStore(path: storePath)
        #expect(try store.integrityCheck() == ["ok"])
        let counts = try store.postingSourceCounts()
        #expect(counts.count == files * perFile)
        #expect(Set(counts.map(\.id)).count == files * perFile)
        #expect(counts.allSatisfy { $0.sources == 1 })
        let runs = try store.runs()
        #expect(runs.map(\.status) == ["interrupted", "completed"])
    }

    /// `files` JSONL files under `folder/input`, `perFile` distinct postings each (title and company numbered).
    static func writeInput(in folder: URL, files: Int, perFile: Int, title: String, company: String, seedBase: Int,
                           words: Int) throws {
        for file in 0..<files {
            let lines = (0..<perFile).map { row -> String in
                let seed = file * perFile + row
                return StoreFixture.jsonLine(title: "\(title) \(seed)", company: "\(company) \(seed)",
                                             body: StoreFixture.body(seed: seedBase + seed, words: words))
            }
            try StoreFixture.write(lines.joined(separator: "\n"),
                                   to: folder.appendingPathComponent(String(format: "input/part-%03d.jsonl", file)))
        }
    }

    /// What a store holds, table by table, without run ids and clock times: two stores of the same input agree
    /// on every row whatever runs made them.
    static func contents(_ path: String) throws -> [String: [String]] {
        var config = Configuration()
        config.readonly = true
        let queue = try DatabaseQueue(path: path, configuration: config)
        let queries = [
            "postings": "SELECT id, content_hash, title, company, role_id, nearest_role_id, confidence, simhash, repost_of FROM postings",
            "sources": "SELECT posting_id, path, row, line, content_hash FROM sources",
            "skills": "SELECT posting_id, skill_id, requirement, mentions, evidence FROM skills",
            "role_scores": "SELECT posting_id, rank, role_id, probability FROM role_scores",
            "files": "SELECT path, size, postings, row_errors FROM files",
        ]
        return try queue.read { db in
            try queries.mapValues { sql in
                try Row.fetchAll(db, sql: sql).map { row in
                    row.databaseValues.map { $0.description }.joined(separator: "|")
                }.sorted()
            }
        }
    }

    @Test("a kill between or just after a batch's writes loses nothing: after a re-run every table equals an uninterrupted run's",
          .enabled(if: executable != nil && models != nil, skipReason))
    func killAtEachWritePoint() throws {
        let folder = try StoreFixture.scratch()
        let files = 40, perFile = 30
        try Self.writeInput(in: folder, files: files, perFile: perFile, title: "Data Engineer", company: "Firm",
                            seedBase: 50_000, words: 120)
        let input = folder.appendingPathComponent("input").path
        func arguments(_ store: String) -> [String] {
            ["analyze", input, "--store", store, "--models", Self.models!, "--quiet", "--jobs", "1"]
        }
        let reference = folder.appendingPathComponent("reference.sqlite").path
        let whole = try launch(arguments(reference))
        whole.waitUntilExit()
        #expect(whole.terminationStatus == 0)
        let expected = try Self.contents(reference)
        #expect(expected["postings"]?.count == files * perFile)
        #expect((expected["skills"]?.count ?? 0) > 0)

        // 1,200 postings make three transactions (512, 512, 176): the second pass of each point is mid-run.
        for point in ["between-postings-and-files", "before-commit", "after-commit"] {
            let store = folder.appendingPathComponent("\(point).sqlite").path
            let killed = try launch(arguments(store), environment: ["JOBSCOPE_CRASH_AT": "\(point):2"])
            killed.waitUntilExit()
            #expect(killed.terminationReason == .uncaughtSignal, "\(point): the run was not killed there")
            let committed = Self.committedPostings(store) ?? 0
            #expect(committed > 0 && committed < files * perFile, "\(point): \(committed) postings at the kill")

            let rerun = try launch(arguments(store))
            rerun.waitUntilExit()
            #expect(rerun.terminationStatus == 0, "\(point): the re-run failed")
            let store2 = try PostingStore(path: store)
            #expect(try store2.integrityCheck() == ["ok"], "\(point)")
            let got = try Self.contents(store)
            for table in expected.keys.sorted() {
                let want = expected[table] ?? [], have = got[table] ?? []
                #expect(have == want, "\(point): table \(table) has \(have.count) rows, \(Set(want).subtracting(have).count) missing, \(Set(have).subtracting(want).count) extra")
            }
        }
    }
}
