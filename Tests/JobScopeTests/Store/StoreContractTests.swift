import Foundation
import GRDB
import PostgresNIO
import Testing
@testable import JobScope

@Suite("Store contract: SQLite")
struct StoreContractSQLiteTests {
    @Test("the scenario's figures: duplicates, reposts, a re-run adding nothing, an edit, a new model")
    func figures() async throws {
        let contract = try StoreContract.make()
        defer { try? FileManager.default.removeItem(at: contract.folder) }
        let store = try PostingStore(path: contract.folder.appendingPathComponent("store.sqlite").path)
        let steps = try await contract.run([store])
        StoreContract.checkFigures(steps[0])
    }
}

@Suite("Store contract: PostgreSQL", .enabled(if: PostgresTestServer.isConfigured, PostgresTestServer.skipReason))
struct StoreContractPostgresTests {
    @Test("the scenario gives exactly what SQLite gives: tallies, exports, report records, runs, errors")
    func sameAsSQLite() async throws {
        let contract = try StoreContract.make()
        defer { try? FileManager.default.removeItem(at: contract.folder) }
        let address = try await PostgresTestServer.makeDatabase()
        let sqlite = try PostingStore(path: contract.folder.appendingPathComponent("store.sqlite").path)
        let postgres = try await PostgresStore(address: address)
        let steps = try await contract.run([sqlite, postgres])
        StoreContract.checkFigures(steps[1])
        for (lite, pg) in zip(steps[0], steps[1]) {
            #expect(pg.tally == lite.tally)
            #expect(pg.holdings.statistics == lite.holdings.statistics)
            #expect(pg.holdings.exported == lite.holdings.exported)
            #expect(pg.holdings.report == lite.holdings.report)
            #expect(pg.holdings.sourceCounts == lite.holdings.sourceCounts)
            #expect(pg.holdings.errors == lite.holdings.errors)
            #expect(pg.holdings.runs == lite.holdings.runs)
            #expect(pg.holdings.sources == lite.holdings.sources)
        }
        try await PostgresTestServer.drop(address)
    }

    @Test("the migrations make the tables and columns SQLite has, recorded under the same identifiers")
    func migrationsCreateTheSchema() async throws {
        let folder = try StoreFixture.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let sqlite = try PostingStore(path: folder.appendingPathComponent("store.sqlite").path)
        let address = try await PostgresTestServer.makeDatabase()
        _ = try await PostgresStore(address: address)
        // Opening again migrates nothing and refuses nothing.
        _ = try await PostgresStore(address: address)

        let liteColumns = try await sqlite.pool.read { db -> [String] in
            let tables = try String.fetchAll(db, sql: """
                SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name
                """)
            return try tables.flatMap { table in
                try Row.fetchAll(db, sql: "PRAGMA table_info(\(table))").map { "\(table).\($0["name"] as String)" }
            }.sorted()
        }
        let pgColumns = try await PostgresTestServer.execute(
            """
            SELECT table_name || '.' || column_name FROM information_schema.columns
            WHERE table_schema = 'public' ORDER BY 1
            """, in: address
        ).map { try $0.decode(String.self) }.sorted()
        // PostgreSQL spells out the storage order SQLite keeps as its implicit rowid.
        #expect(pgColumns == (liteColumns + ["postings.rowid"]).sorted())
        #expect(liteColumns.contains("postings.ai_involvement"))

        let liteMigrations = try await sqlite.pool.read {
            try String.fetchAll($0, sql: "SELECT identifier FROM grdb_migrations ORDER BY identifier")
        }
        let pgMigrations = try await PostgresTestServer.execute(
            "SELECT identifier FROM grdb_migrations ORDER BY identifier COLLATE \"C\"", in: address
        ).map { try $0.decode(String.self) }
        #expect(pgMigrations == liteMigrations)
        #expect(pgMigrations.count == StoreSchema.migrations.count)
        try await PostgresTestServer.drop(address)
    }

    @Test("a database migrated by a newer JobScope is refused, naming the migrations it does not know")
    func newerSchemaRefused() async throws {
        let address = try await PostgresTestServer.makeDatabase()
        _ = try await PostgresStore(address: address)
        try await PostgresTestServer.execute(
            "INSERT INTO grdb_migrations (identifier) VALUES ('v99-from-the-future')", in: address)
        await #expect(throws: StoreError.newerSchema(path: address.description, migrations: ["v99-from-the-future"])) {
            _ = try await PostgresStore(address: address)
        }
        try await PostgresTestServer.drop(address)
    }

    @Test("three writers at once over overlapping folders store every posting once, with every place")
    func concurrentWriters() async throws {
        let folder = try StoreFixture.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        // Three folders of 12 postings each, in files of three.
        let sets = try (0..<3).map { set -> URL in
            let url = folder.appendingPathComponent("set\(set)")
            for file in 0..<4 {
                let lines = (0..<3).map { n -> String in
                    let seed = set * 100 + file * 10 + n
                    return StoreFixture.jsonLine(title: "Data Scientist \(seed)", company: "Company \(seed)",
                                                 body: StoreFixture.body(seed: seed))
                }
                try StoreFixture.write(lines.joined(separator: "\n"), to: url.appendingPathComponent("f\(file).jsonl"))
            }
            return url
        }
        let address = try await PostgresTestServer.makeDatabase()
        let writers = [[sets[0], sets[1]], [sets[1], sets[2]], [sets[2], sets[0]]]
        try await withThrowingTaskGroup(of: Void.self) { group in
            for paths in writers {
                group.addTask {
                    let store = try await PostgresStore(address: address)
                    _ = try await StoreFixture.run(paths, store: store)
                }
            }
            try await group.waitForAll()
        }
        let sqlite = try PostingStore(path: folder.appendingPathComponent("one.sqlite").path)
        _ = try await StoreFixture.run(sets, store: sqlite)
        let postgres = try await PostgresStore(address: address)
        let counts = try await postgres.postingSourceCounts()
        #expect(counts.count == 36)
        #expect(Set(counts.map(\.id)).count == 36)
        #expect(counts.allSatisfy { $0.sources == 1 })
        #expect(Set(counts.map(\.id)) == Set(try sqlite.postingSourceCounts().map(\.id)))
        #expect(try await postgres.statistics().files == 12)
        #expect(try await postgres.runs().map(\.status) == ["completed", "completed", "completed"])
        try await PostgresTestServer.drop(address)
    }

    @Test("a run another process still has open is not marked interrupted; one whose process is gone is")
    func liveRunsAreNotInterrupted() async throws {
        let address = try await PostgresTestServer.makeDatabase()
        let live = try await PostgresStore(address: address)
        _ = try await live.beginRun(modelVersion: "m", taxonomyVersion: "t", inputs: [], startedAt: "now")
        let gone = try await PostgresStore(address: address)
        _ = try await gone.beginRun(modelVersion: "m", taxonomyVersion: "t", inputs: [], startedAt: "now")
        try await gone.writer.close()
        let next = try await PostgresStore(address: address)
        // The server drops a closed connection's locks at once, but it may take a moment to notice the close.
        var interrupted = 0
        for _ in 0..<50 where interrupted == 0 {
            let begun = try await next.beginRun(modelVersion: "m", taxonomyVersion: "t", inputs: [], startedAt: "now")
            interrupted += begun.interrupted
            if interrupted == 0 { try await Task.sleep(for: .milliseconds(100)) }
        }
        #expect(interrupted == 1)
        let statuses = try await next.runs().map(\.status)
        #expect(statuses.first == "running")
        #expect(statuses.filter { $0 == "interrupted" }.count == 1)
        try await PostgresTestServer.drop(address)
    }

    @Test("an unknown user and a missing database are one error each, naming the server and what to do")
    func refusals() async throws {
        var address = try PostgresAddress(url: try #require(PostgresTestServer.url))
        address.database = "jobscope_no_such_database"
        await #expect(throws: StoreError.databaseMissing(store: address.description,
                                                         database: "jobscope_no_such_database",
                                                         server: "\(address.host):\(address.port)")) {
            _ = try await PostgresStore(address: address)
        }
        address.user = "jobscope_no_such_user"
        address.password = "not-the-password"
        do {
            _ = try await PostgresStore(address: address)
            Issue.record("an unknown user was let in")
        } catch let error as StoreError {
            guard case .authenticationFailed(_, let user, _) = error else {
                Issue.record("expected an authentication failure, got \(error)")
                return
            }
            #expect(user == "jobscope_no_such_user")
            #expect(error.errorDescription?.contains("not-the-password") == false)
            #expect(error.errorDescription?.contains(address.host) == true)
        }
    }
}
