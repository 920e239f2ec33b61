import Foundation
import GRDB
import Testing
@testable import JobScope

@Suite("Store integrity and repost titles")
struct PostingStoreSafetyTests {
    /// A store holding `count` postings, closed (its WAL folded back into the file).
    func filledStore(count: Int = 60) async throws -> (folder: URL, path: String) {
        let folder = try StoreFixture.scratch()
        let lines = (0..<count).map {
            StoreFixture.jsonLine(title: "Data Scientist \($0)", company: "Company \($0)",
                                  body: StoreFixture.body(seed: 500 + $0, words: 200))
        }
        try StoreFixture.write(lines.joined(separator: "\n"), to: folder.appendingPathComponent("in/a.jsonl"))
        let path = folder.appendingPathComponent("store.sqlite").path
        do {
            let store = try PostingStore(path: path)
            _ = try await StoreFixture.run([folder.appendingPathComponent("in")], store: store)
        }
        // Every page in the file itself: the damage below is then what a reader meets.
        let queue = try DatabaseQueue(path: path)
        try await queue.writeWithoutTransaction { try $0.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
        try queue.close()
        return (folder, path)
    }

    @Test("a store damaged below its header is refused, naming it and how to recover, and nothing is written to it")
    func damagedStoreRefused() async throws {
        let (_, path) = try await filledStore()
        var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(bytes.count > 4096 * 6)
        // Pages 3 to 5 overwritten with garbage; the header (page 1) is intact.
        for i in (4096 * 2)..<(4096 * 5) { bytes[i] = UInt8(truncatingIfNeeded: i &* 31 &+ 7) }
        try bytes.write(to: URL(fileURLWithPath: path))
        let error = try #require(throws: StoreError.self) { try PostingStore(path: path) }
        guard case .damaged(let named, _) = error else {
            Issue.record("expected .damaged, got \(error)")
            return
        }
        #expect(named == path)
        let message = error.errorDescription ?? ""
        #expect(message.hasPrefix(path + ": the store is damaged"))
        #expect(message.contains("sqlite3 \(path) .recover"))
        #expect(message.contains("new store"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == bytes)
    }

    @Test("a file that is not a database (a report written over the store) is refused as damaged")
    func notADatabase() throws {
        let folder = try StoreFixture.scratch()
        let path = folder.appendingPathComponent("s.sqlite").path
        try Data(String(repeating: "<html><body>report</body></html>\n", count: 200).utf8)
            .write(to: URL(fileURLWithPath: path))
        let error = try #require(throws: StoreError.self) { try PostingStore(path: path) }
        guard case .damaged(let named, _) = error else {
            Issue.record("expected .damaged, got \(error)")
            return
        }
        #expect(named == path)
    }

    @Test("a store written by a newer schema is refused, naming the migrations it does not know")
    func newerSchemaRefused() async throws {
        let (_, path) = try await filledStore(count: 2)
        do {
            let queue = try DatabaseQueue(path: path)
            try await queue.write { try $0.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99-from-the-future')") }
        }
        #expect(throws: StoreError.newerSchema(path: path, migrations: ["v99-from-the-future"])) {
            try PostingStore(path: path)
        }
    }

    @Test("a sound store opens and passes the check")
    func soundStoreOpens() async throws {
        let (_, path) = try await filledStore(count: 5)
        let store = try PostingStore(path: path)
        #expect(try store.integrityCheck() == ["ok"])
        #expect(try store.statistics().postings == 5)
    }

    @Test("reposts need a near-same title: different jobs sharing one employer's boilerplate stay separate")
    func differentTitlesStaySeparate() async throws {
        let folder = try StoreFixture.scratch()
        // One employer's boilerplate, the whole body of every job (the job's own part is short and in its title).
        let boilerplate = StoreFixture.body(seed: 77, words: 300)
        let titles = ["Data Scientist", "Machine Learning Engineer", "Data Engineer", "Product Analyst",
                      "Research Scientist", "Platform Engineer", "Senior Data Scientist"]
        let lines = titles.map { StoreFixture.jsonLine(title: $0, company: "Acme Corp", body: boilerplate) }
        try StoreFixture.write(lines.joined(separator: "\n"), to: folder.appendingPathComponent("jobs.jsonl"))

        let store = try PostingStore(path: folder.appendingPathComponent("store.sqlite").path)
        let run = try await StoreFixture.run([folder], store: store)
        // Six different jobs; "Senior Data Scientist" is the one repost (of "Data Scientist").
        #expect(run.summary.newPostings == 6)
        #expect(run.summary.reposts == 1)
        let reposts = try store.reportRecords(includeReposts: true).filter(\.isRepost)
        let repost = try #require(reposts.first)
        #expect(reposts.count == 1)
        let original = Posting.makeID(title: "Data Scientist", company: "Acme Corp", body: boilerplate)
        #expect(try store.repostOriginal(of: repost.postingID) == original)
    }

    @Test("title keys: seniority, workplace, requisition numbers and the posting's own location are noise", arguments: [
        ("Senior Data Scientist", nil, "Data Scientist", nil, true),
        ("Data Engineer (Remote)", nil, "Data Engineer", nil, true),
        ("Data Scientist - P&C-7968", nil, "Data Scientist - P&C-7969", nil, true),
        ("Integration Data Analyst - Irvine", "Irvine, CA", "Integration Data Analyst", nil, true),
        ("High School Math Teacher", nil, "High School Earth Science Teacher", nil, false),
        ("Senior Data Scientist", nil, "Senior Data Analyst", nil, false),
        ("Data Scientist", nil, nil, nil, true),
    ] as [(String?, String?, String?, String?, Bool)])
    func titleRule(_ a: String?, _ aLocation: String?, _ b: String?, _ bLocation: String?, _ same: Bool) {
        #expect(TitleKey.nearSame(a, location: aLocation, b, location: bLocation) == same)
    }
}

@Suite("analyze over a hostile folder")
struct HostileFolderRunTests {
    @Test("link loops, a link out and a FIFO: the run ends, each page stored once from one place, two problems")
    func loopsAndFIFO() async throws {
        let base = try StoreFixture.scratch()
        let folder = base.appendingPathComponent("in")
        for n in 0..<3 {
            try StoreFixture.write(StoreFixture.jsonLine(title: "Data Scientist \(n)", company: "Co \(n)",
                                                         body: StoreFixture.body(seed: 900 + n)),
                                   to: folder.appendingPathComponent("sub/page-\(n).jsonl"))
        }
        try StoreFixture.write(StoreFixture.jsonLine(title: "Secret", company: "Elsewhere", body: StoreFixture.body(seed: 1)),
                               to: base.appendingPathComponent("outside/secret.jsonl"))
        let fm = FileManager.default
        try fm.createSymbolicLink(atPath: folder.appendingPathComponent("sub/again").path, withDestinationPath: "../sub")
        try fm.createSymbolicLink(atPath: folder.appendingPathComponent("sub/up").path, withDestinationPath: "..")
        try fm.createSymbolicLink(atPath: folder.appendingPathComponent("root").path, withDestinationPath: folder.path)
        try fm.createSymbolicLink(atPath: folder.appendingPathComponent("out").path,
                                  withDestinationPath: base.appendingPathComponent("outside").path)
        #expect(mkfifo(folder.appendingPathComponent("pipe.jsonl").path, 0o644) == 0)

        let store = try PostingStore(path: base.appendingPathComponent("store.sqlite").path)
        let run = try await StoreFixture.run([folder], store: store)
        #expect(run.summary.newPostings == 3)
        #expect(run.summary.filesRead == 3)
        #expect(run.problems.count == 2)
        #expect(run.problems.contains { $0.contains("pipe.jsonl") && $0.contains("FIFO") })
        #expect(run.problems.contains { $0.contains("/out:") && $0.contains("outside the paths given") })
        #expect(try store.postingSourceCounts().map(\.sources) == [1, 1, 1])
    }
}

@Suite("Store errors name the store")
struct StoreErrorNamingTests {
    @Test("a full disk, damage and other SQLite failures become errors naming the store", arguments: [
        (ResultCode.SQLITE_FULL, "no space left on the device"),
        (ResultCode.SQLITE_CORRUPT, "the store is damaged"),
        (ResultCode.SQLITE_NOTADB, "the store is damaged"),
        (ResultCode.SQLITE_IOERR, "the store failed"),
    ])
    func named(_ code: ResultCode, _ phrase: String) {
        let error = PostingStore.storeError(DatabaseError(resultCode: code, message: "x"), path: "/data/s.sqlite")
        let message = error.errorDescription ?? ""
        #expect(message.hasPrefix("/data/s.sqlite: "))
        #expect(message.contains(phrase))
    }
}
