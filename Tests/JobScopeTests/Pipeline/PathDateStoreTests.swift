import Foundation
import GRDB
import Testing
@testable import JobScope

/// A date taken from the path is marked as such in the store.
@Suite("Path dates in the store")
struct PathDateStoreTests {
    @Test("a posting dated by its month folder is stored with date_source 'path'; one with its own date with none")
    func storedDateSource() async throws {
        let folder = try StoreFixture.scratch()
        try StoreFixture.write("# [ML Engineer](https://board.example/a)\n### Acme\n#### `🌎 Remote`\n\n\(StoreFixture.body(seed: 1))\n",
                               to: folder.appendingPathComponent("jobs/2024-10/ml-engineer/README.md"))
        try StoreFixture.write("Title: Data Scientist\nPosted: 2023-05-02\n\n\(StoreFixture.body(seed: 2))\n",
                               to: folder.appendingPathComponent("jobs/2024-10/dated.txt"))
        let storePath = folder.appendingPathComponent("store.sqlite").path
        let store = try PostingStore(path: storePath)
        _ = try await StoreFixture.run([folder], store: store)
        let rows = try DatabaseQueue(path: storePath).read { db in
            try Row.fetchAll(db, sql: "SELECT title, date_posted, date_source FROM postings ORDER BY title")
        }
        #expect(rows.count == 2)
        #expect(rows.map { $0["title"] as String? } == ["Data Scientist", "ML Engineer"])
        #expect(rows.map { $0["date_posted"] as String? } == ["2023-05-02", "2024-10-01"])
        #expect(rows.map { $0["date_source"] as String? } == [nil, "path"])
    }
}
