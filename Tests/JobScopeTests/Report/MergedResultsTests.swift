import Foundation
import JobScope
import Testing

@Suite("MergedResults")
struct MergedResultsTests {
    static func withoutCollection(_ record: ReportRecord) -> ReportRecord {
        var copy = record
        copy.collection = nil
        return copy
    }

    /// Three input files with an exact duplicate and a near-duplicate repost across files, an undated posting
    /// and postings over two years.
    static func makeInputs() throws -> (folder: URL, files: [URL]) {
        let folder = try StoreFixture.scratch().appendingPathComponent("in")
        let original = StoreFixture.body(seed: 42, words: 200)
        var words = original.split(separator: " ").map(String.init)
        words[100] = "kubernetes"
        let repost = "Reposted on 2024-04-02. " + words.joined(separator: " ")
        func line(_ i: Int) -> String {
            StoreFixture.jsonLine(title: i % 2 == 0 ? "Data Scientist \(i)" : "Machine Learning Engineer \(i)",
                                  company: "Company \(i % 5)", body: StoreFixture.body(seed: i),
                                  date: "20\(23 + i % 3)-0\(1 + i % 9)-15")
        }
        let a = [StoreFixture.jsonLine(title: "Data Scientist", company: "Acme Corp", body: original)]
            + (0..<12).map(line)
        let b = [StoreFixture.jsonLine(title: "Senior Data Scientist", company: "ACME Corp.", body: repost, date: "2024-04-02"),
                 "{\"title\": \"Data Scientist\", \"company\": \"Initech\", \"description\": \"python sql\"}"]
            + (12..<25).map(line)
        let c = [StoreFixture.jsonLine(title: "Data Scientist", company: "Acme Corp", body: original), line(3)]
            + (25..<40).map(line)
        let files = ["a.jsonl", "b.jsonl", "c.jsonl"].map { folder.appendingPathComponent($0) }
        for (file, lines) in zip(files, [a, b, c]) { try StoreFixture.write(lines.joined(separator: "\n") + "\n", to: file) }
        return (folder, files)
    }

    static func report(_ records: [ReportRecord]) throws -> String {
        let options = ReportOptions(minimumSupport: 1, minimumPeriodPostings: 1)
        return try ReportFormat.json.render(TrendReport(records: records, taxonomy: StoreFixture.taxonomy, options: options))
    }

    @Test("report --from over three shards' result files equals the report of one store of the same postings")
    func threeShardsEqualOneStore() async throws {
        let (folder, files) = try Self.makeInputs()
        let scratch = folder.deletingLastPathComponent()
        let whole = try PostingStore(path: scratch.appendingPathComponent("whole.sqlite").path)
        let run = try await StoreFixture.run([folder], store: whole)
        #expect(run.summary.duplicates == 2)
        #expect(run.summary.reposts == 1)
        let expected = try whole.reportRecords(includeReposts: true)

        // Each shard analyzed into a store of its own, on another machine as far as it knows.
        let shards = scratch.appendingPathComponent("shards")
        try FileManager.default.createDirectory(at: shards, withIntermediateDirectories: true)
        for (n, file) in files.enumerated() {
            let store = try PostingStore(path: scratch.appendingPathComponent("shard\(n).sqlite").path)
            let shardRun = try await StoreFixture.run([file], store: store)
            let writer = try PostingExportWriter(path: shards.appendingPathComponent("part-\(n).jsonl").path)
            try store.forEachRecord(seenInRun: shardRun.summary.runID) { try writer.write($0) }
            try writer.close()
        }
        try StoreFixture.write("", to: shards.appendingPathComponent("_SUCCESS"))
        let merged = try MergedResults.read(folder: shards.path)
        #expect(merged.files == 3)
        #expect(merged.duplicates == 2)
        #expect(merged.problems.isEmpty)
        #expect(merged.records.count == expected.count)
        #expect(merged.records.filter(\.isRepost).count == 1)
        // A merge has no analyze inputs to name collections by: the report derives them from the paths.
        #expect(merged.records == expected.map(Self.withoutCollection))
        #expect(try Self.report(merged.records) == Self.report(expected.map(Self.withoutCollection)))
    }

    @Test("the streaming filter's outputs merge into the same records as the store's")
    func streamOutputsMerge() async throws {
        let (folder, files) = try Self.makeInputs()
        let scratch = folder.deletingLastPathComponent()
        let whole = try PostingStore(path: scratch.appendingPathComponent("whole.sqlite").path)
        _ = try await StoreFixture.run([folder], store: whole)
        let shards = scratch.appendingPathComponent("streamed")
        try FileManager.default.createDirectory(at: shards, withIntermediateDirectories: true)
        for (n, file) in files.enumerated() {
            let stream = StreamAnalyzer(analyzer: StoreFixture.analyzer(), sourcePath: file.path, jobs: 2)
            var data = Data()
            _ = try stream.run(input: FileHandle(forReadingFrom: file)) { data.append($0) }
            data.append(Data("{\"error\": \"-:9: empty line\", \"line\": 9}\nnot a record\n".utf8))
            try data.write(to: shards.appendingPathComponent("\(n).jsonl"))
        }
        let merged = try MergedResults.read(folder: shards.path)
        #expect(merged.errorRecords == 3)
        #expect(merged.problems.count == 3)
        #expect(merged.problems[0].contains("0.jsonl:"))
        #expect(merged.records == (try whole.reportRecords(includeReposts: true)).map(Self.withoutCollection))
    }

    @Test("a folder with no result files is an error that says what to give")
    func emptyFolder() throws {
        let folder = try StoreFixture.scratch()
        try StoreFixture.write("a,b\n", to: folder.appendingPathComponent("x.csv"))
        #expect(throws: ResultFolderError.noResultFiles(path: folder.path)) { try MergedResults.read(folder: folder.path) }
    }
}
