import Foundation
import JobScope
import Testing

@Suite("StreamAnalyzer")
struct StreamAnalyzerTests {
    /// Postings with every field the JSONL reader maps, in the keys exports use; bodies from the fixture's word list.
    static func postingLines(count: Int) -> [String] {
        (0..<count).map { i -> String in
            var object: [String: Any] = [
                "title": ["Data Scientist", "Machine Learning Engineer", "Analyst"][i % 3] + " \(i)",
                "description": (i % 4 == 0 ? "<p>Requirements</p><ul><li>python and sql</li></ul>" : "")
                    + StoreFixture.body(seed: i, words: 40 + i % 50),
                "location": ["Berlin", "Remote", "Austin, TX"][i % 3],
            ]
            if i % 5 != 0 { object["company"] = "Company \(i % 7)" }
            if i % 6 != 0 { object["date_posted"] = "2024-0\(1 + i % 9)-1\(i % 10)" }
            if i % 3 == 1 { object["salary"] = "$\(100 + i)K - $\(150 + i)K" }
            if i % 4 == 2 { object["skills"] = ["Python", "SQL"] }
            if i % 5 == 3 { object["employment_type"] = "Full-time" }
            let data = try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
            return String(decoding: data, as: UTF8.self)
        }
    }

    static func input(_ text: String) throws -> FileHandle {
        let url = try StoreFixture.scratch().appendingPathComponent("in.jsonl")
        try StoreFixture.write(text, to: url)
        return try FileHandle(forReadingFrom: url)
    }

    static func output(of stream: StreamAnalyzer, input text: String) throws -> (lines: [String], summary: StreamSummary) {
        var data = Data()
        let summary = try stream.run(input: input(text)) { data.append($0) }
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.last == "")
        return (lines.dropLast().map(String.init), summary)
    }

    @Test("the filter writes analyze --output's records, byte for byte, for the same postings")
    func equalsAnalyzeOutput() async throws {
        let folder = try StoreFixture.scratch()
        let file = folder.appendingPathComponent("postings.jsonl")
        try StoreFixture.write(Self.postingLines(count: 40).joined(separator: "\n") + "\n", to: file)

        let store = try PostingStore(path: folder.appendingPathComponent("store.sqlite").path)
        let run = try await StoreFixture.run([file], store: store)
        #expect(run.summary.newPostings == 40)
        let exportPath = folder.appendingPathComponent("out.jsonl").path
        let writer = try PostingExportWriter(path: exportPath)
        try store.forEachRecord(seenInRun: run.summary.runID) { try writer.write($0) }
        try writer.close()
        let exported = try String(contentsOfFile: exportPath, encoding: .utf8).split(separator: "\n").map(String.init)

        // The store names the file as given; the filter names what --source-name says.
        let stream = StreamAnalyzer(analyzer: StoreFixture.analyzer(), sourcePath: file.path, jobs: 3, chunkLines: 7)
        let streamed = try Self.output(of: stream, input: String(contentsOf: file, encoding: .utf8))
        #expect(streamed.summary == StreamSummary(lines: 40, postings: 40, errors: 0))
        #expect(streamed.lines.count == exported.count)

        let decoder = JSONDecoder()
        let fromStore = try exported.map { try decoder.decode(PostingExportRecord.self, from: Data($0.utf8)) }
        let fromStream = try streamed.lines.map { try decoder.decode(PostingExportRecord.self, from: Data($0.utf8)) }
        for (a, b) in zip(fromStore, fromStream) {
            #expect(a.id == b.id)
            #expect(a.sources == b.sources)
            #expect(a.title == b.title && a.company == b.company && a.location == b.location)
            #expect(a.datePosted == b.datePosted)
            #expect(a.roleID == b.roleID && a.secondaryRoleID == b.secondaryRoleID && a.nearestRoleID == b.nearestRoleID)
            #expect(a.confidence == b.confidence)
            #expect(a.roles == b.roles)
            #expect(a.skills == b.skills)
            #expect(a.attributes == b.attributes)
            #expect(a.modelVersion == b.modelVersion)
            #expect(a.contentHash == b.contentHash && a.contentHash != nil)
            #expect(a.simhash == b.simhash)
            #expect(a.repostOf == nil && b.repostOf == nil)
        }
        // No reposts among these postings, so nothing run-specific differs: the lines are the same bytes.
        #expect(streamed.lines == exported)
        #expect(fromStream.contains { !$0.skills.isEmpty })
        #expect(fromStream.contains { $0.attributes.salary != nil })
    }

    @Test("a bad line gives an error record naming it, and the next line its result")
    func badLineGivesErrorRecord() throws {
        let good = Self.postingLines(count: 3)
        let text = [good[0], "{\"title\": \"Data Scientist\", ", "", good[1], "{\"foo\": 1}", "[1, 2]", good[2]]
            .joined(separator: "\n")  // no final line break: the last line still counts
        let stream = StreamAnalyzer(analyzer: StoreFixture.analyzer(), jobs: 2, chunkLines: 2)
        let out = try Self.output(of: stream, input: text)
        #expect(out.summary == StreamSummary(lines: 7, postings: 3, errors: 4))
        #expect(out.lines.count == 7)
        let decoder = JSONDecoder()
        let errors = out.lines.compactMap { try? decoder.decode(StreamErrorRecord.self, from: Data($0.utf8)) }
        #expect(errors.map(\.line) == [2, 3, 5, 6])
        #expect(errors[0].error.contains("-:2"))
        #expect(errors[1].error.contains("empty line"))
        let results = out.lines.compactMap { try? decoder.decode(PostingExportRecord.self, from: Data($0.utf8)) }
        #expect(results.map { $0.sources.first?.line } == [1, 4, 7])
        #expect(results.map(\.title) == ["Data Scientist 0", "Machine Learning Engineer 1", "Analyst 2"])
    }

    @Test("small chunks on many threads give the same lines, in input order, as one chunk on one thread")
    func chunksKeepOrder() throws {
        let text = Self.postingLines(count: 30).joined(separator: "\r\n") + "\r\n"
        let one = try Self.output(of: StreamAnalyzer(analyzer: StoreFixture.analyzer(), jobs: 1, chunkLines: 1000), input: text)
        let many = try Self.output(of: StreamAnalyzer(analyzer: StoreFixture.analyzer(), jobs: 4, chunkLines: 4), input: text)
        #expect(one.lines.count == 30)
        #expect(many.lines == one.lines)
        let lines = try many.lines.map { try JSONDecoder().decode(PostingExportRecord.self, from: Data($0.utf8)).sources[0].line }
        #expect(lines == Array(1...30))
    }
}
