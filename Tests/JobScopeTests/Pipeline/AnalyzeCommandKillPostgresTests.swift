import Foundation
import PostgresNIO
import Testing
@testable import JobScope

/// The PostgreSQL twin of `AnalyzeCommandKillTests.killAtEachWritePoint`: the real `jobscope analyze` into a
/// PostgreSQL database, killed at each named write point, then run again; every table must equal an uninterrupted
/// run's. PostgreSQL rolls back the open transaction of a connection that dies, so a kill before the commit loses
/// that batch whole and the re-run writes it again.
@Suite("analyze into PostgreSQL killed mid-run",
       .enabled(if: PostgresTestServer.isConfigured, PostgresTestServer.skipReason),
       .enabled(if: AnalyzeCommandKillTests.executable != nil && AnalyzeCommandKillTests.models != nil,
                AnalyzeCommandKillTests.skipReason))
struct AnalyzeCommandKillPostgresTests {
    /// The test server's URL, naming `address`'s database (user and password as the server's URL gives them).
    static func url(of address: PostgresAddress) throws -> String {
        let server = try #require(PostgresTestServer.url)
        var components = try #require(URLComponents(string: server))
        components.path = "/" + address.database
        return try #require(components.string)
    }

    /// Every table's rows as text, without run ids and clock times, as `AnalyzeCommandKillTests.contents` reads
    /// a SQLite store.
    static func contents(_ address: PostgresAddress) async throws -> [String: [String]] {
        let queries = [
            "postings": "id, content_hash, title, company, role_id, nearest_role_id, confidence, simhash, repost_of FROM postings",
            "sources": "posting_id, path, row, line, content_hash FROM sources",
            "skills": "posting_id, skill_id, requirement, mentions, evidence FROM skills",
            "role_scores": "posting_id, rank, role_id, probability FROM role_scores",
            "files": "path, size, postings, row_errors FROM files",
        ]
        var tables: [String: [String]] = [:]
        for (table, query) in queries {
            let columns = query.components(separatedBy: " FROM ")[0].split(separator: ",")
                .map { "coalesce((\($0.trimmingCharacters(in: .whitespaces)))::text, '∅')" }
            let sql = "SELECT concat_ws('|', \(columns.joined(separator: ", "))) FROM " + query.components(separatedBy: " FROM ")[1]
            tables[table] = try await PostgresTestServer.execute(sql, in: address).map { try $0.decode(String.self) }.sorted()
        }
        return tables
    }

    static func committedPostings(_ address: PostgresAddress) async throws -> Int {
        try await PostgresTestServer.execute("SELECT COUNT(*) FROM postings", in: address)[0].decode(Int.self)
    }

    func launch(_ arguments: [String], environment extra: [String: String] = [:]) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: AnalyzeCommandKillTests.executable!)
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(extra) { $1 }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    @Test("a kill between or just after a batch's writes loses nothing: after a re-run every table equals an uninterrupted run's")
    func killAtEachWritePoint() async throws {
        let folder = try StoreFixture.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let files = 40, perFile = 30
        try AnalyzeCommandKillTests.writeInput(in: folder, files: files, perFile: perFile, title: "Data Engineer",
                                               company: "Firm", seedBase: 60_000, words: 120)
        let input = folder.appendingPathComponent("input").path
        func arguments(_ store: String) -> [String] {
            ["analyze", input, "--store", store, "--models", AnalyzeCommandKillTests.models!, "--quiet",
             "--jobs", "1"]
        }
        let reference = try await PostgresTestServer.makeDatabase()
        let whole = try launch(arguments(try Self.url(of: reference)))
        whole.waitUntilExit()
        #expect(whole.terminationStatus == 0)
        let expected = try await Self.contents(reference)
        #expect(expected["postings"]?.count == files * perFile)
        #expect((expected["skills"]?.count ?? 0) > 0)
        try await PostgresTestServer.drop(reference)

        // The first transaction starts as soon as 512 postings wait; while it is written over the network the
        // rest pile up, so the second may hold all of them. So the kill inside a transaction is in the second
        // (the first is committed), and the kill after a commit is after the first: both are mid-run.
        for (point, pass) in [("between-postings-and-files", 2), ("before-commit", 2), ("after-commit", 1)] {
            let database = try await PostgresTestServer.makeDatabase()
            let store = try Self.url(of: database)
            let killed = try launch(arguments(store), environment: ["JOBSCOPE_CRASH_AT": "\(point):\(pass)"])
            killed.waitUntilExit()
            #expect(killed.terminationReason == .uncaughtSignal, "\(point): the run was not killed there")
            let committed = try await Self.committedPostings(database)
            #expect(committed > 0 && committed < files * perFile, "\(point): \(committed) postings at the kill")

            let rerun = try launch(arguments(store))
            rerun.waitUntilExit()
            #expect(rerun.terminationStatus == 0, "\(point): the re-run failed")
            let got = try await Self.contents(database)
            for table in expected.keys.sorted() {
                let want = expected[table] ?? [], have = got[table] ?? []
                #expect(have == want, "\(point): table \(table) has \(have.count) rows, \(Set(want).subtracting(have).count) missing, \(Set(have).subtracting(want).count) extra")
            }
            try await PostgresTestServer.drop(database)
        }
    }
}
