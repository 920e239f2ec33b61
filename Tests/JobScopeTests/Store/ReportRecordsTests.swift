import Foundation
import GRDB
import Testing
@testable import JobScope

/// What the store hands the report: company, location, repost links, the collection, and the AI-involvement
/// signal only when the store has its column.
@Suite struct ReportRecordsTests {
    @Test func recordsCarryCompanyRepostCollectionAndInvolvement() async throws {
        let folder = try StoreFixture.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let original = StoreFixture.body(seed: 4, words: 200)
        var words = original.split(separator: " ").map(String.init)
        words[120] = "kubernetes"
        try StoreFixture.write([
            StoreFixture.jsonLine(title: "Data Scientist", company: "Acme Corp", body: original, date: "2024-03-01"),
            StoreFixture.jsonLine(title: "Data Scientist", company: "Acme Corp",
                                  body: "Reposted. " + words.joined(separator: " "), date: "2024-05-02"),
        ].joined(separator: "\n"), to: folder.appendingPathComponent("set-a/week1.jsonl"))
        try StoreFixture.write(StoreFixture.jsonLine(title: "Machine Learning Engineer", company: "Globex",
                                                     body: StoreFixture.body(seed: 5)),
                               to: folder.appendingPathComponent("set-b/all.jsonl"))
        let store = try PostingStore(path: folder.appendingPathComponent("store.sqlite").path)
        _ = try await StoreFixture.run([folder], store: store)
        let records = try store.reportRecords(includeReposts: true)
        #expect(records.count == 3)
        let repost = try #require(records.first { $0.isRepost })
        let first = try #require(records.first { !$0.isRepost && $0.company == "Acme Corp" })
        #expect(repost.repostOf == first.postingID)
        let name = folder.lastPathComponent
        #expect(first.collection == "\(name)/set-a")
        #expect(records.first { $0.company == "Globex" }?.collection == "\(name)/set-b")

        // --count active credits the repost's month to the original.
        let report = TrendReport(records: records, taxonomy: StoreFixture.taxonomy,
                                 options: ReportOptions(granularity: .month, minimumPeriodPostings: 1, counting: .active))
        #expect(report.periods.filter { $0.postings > 0 }.map(\.label) == ["2024-03", "2024-05"])

        let columns = try await store.pool.read { try Row.fetchAll($0, sql: "PRAGMA table_info(postings)").map { $0["name"] as String } }
        if !columns.contains("ai_involvement") {
            #expect(records.allSatisfy { $0.aiInvolvement == nil })
            try await store.pool.write { try $0.execute(sql: "ALTER TABLE postings ADD COLUMN ai_involvement TEXT") }
        }
        try await store.pool.write { try $0.execute(sql: "UPDATE postings SET ai_involvement = 'builds_genai' WHERE company = 'Globex'") }
        let again = try store.reportRecords(includeReposts: true)
        #expect(again.first { $0.company == "Globex" }?.aiInvolvement == .buildsGenerativeAI)
    }
}
