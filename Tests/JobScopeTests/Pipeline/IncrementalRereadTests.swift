import Foundation
import JobScope
import Testing

/// The incremental skip ("this file is as the store last read it") must not hide a change that is not in the file.
@Suite("Incremental runs read a file again when the reading would differ")
struct IncrementalRereadTests {
    func run(_ folder: URL, store: PostingStore, reader: ReaderOptions = ReaderOptions()) async throws -> BatchSummary {
        var options = BatchOptions()
        options.jobs = 1
        options.reader = reader
        return try await BatchAnalyzer(store: store, analyzer: StoreFixture.analyzer(), options: options)
            .run(paths: [folder.path])
    }

    @Test("a re-run with another --column or --max-size reads the file again; the same options skip it")
    func readerOptionsChange() async throws {
        let folder = try StoreFixture.scratch()
        let csv = "title,company,description,blurb\n"
            + "Data Scientist,Kestrel,\"\(StoreFixture.body(seed: 1))\",\"\(StoreFixture.body(seed: 2))\"\n"
        try StoreFixture.write(csv, to: folder.appendingPathComponent("export.csv"))
        let store = try PostingStore(path: folder.appendingPathComponent("store.sqlite").path)

        let first = try await run(folder, store: store)
        #expect(first.filesRead == 1 && first.newPostings == 1)
        let same = try await run(folder, store: store)
        #expect(same.filesSkipped == 1 && same.filesRead == 0)

        let otherColumn = try await run(folder, store: store, reader: ReaderOptions(columns: ["description": "blurb"]))
        #expect(otherColumn.filesRead == 1, "a new column mapping must be read, not skipped")
        #expect(otherColumn.filesSkipped == 0)
        #expect(otherColumn.newPostings == 1, "the blurb column makes another posting")

        let sameAgain = try await run(folder, store: store, reader: ReaderOptions(columns: ["description": "blurb"]))
        #expect(sameAgain.filesSkipped == 1)

        let otherLimit = try await run(folder, store: store,
                                       reader: ReaderOptions(maxFileSize: 1 << 20, columns: ["description": "blurb"]))
        #expect(otherLimit.filesRead == 1, "a new size limit must be read, not skipped")
        #expect(otherLimit.filesSkipped == 0)
    }

    @Test("a file that had a bad row is read again on every run, and the bad row reported again")
    func rowErrorsAreReadAgain() async throws {
        let folder = try StoreFixture.scratch()
        let lines = [
            StoreFixture.jsonLine(title: "Data Analyst", company: "Ortolan", body: StoreFixture.body(seed: 11)),
            "{ this line is not JSON",
            StoreFixture.jsonLine(title: "Data Engineer", company: "Ortolan", body: StoreFixture.body(seed: 12)),
        ]
        try StoreFixture.write(lines.joined(separator: "\n") + "\n", to: folder.appendingPathComponent("feed.jsonl"))
        let store = try PostingStore(path: folder.appendingPathComponent("store.sqlite").path)

        let first = try await run(folder, store: store)
        #expect(first.filesRead == 1 && first.errors == 1 && first.newPostings == 2)
        let second = try await run(folder, store: store)
        #expect(second.filesRead == 1, "a file with row errors must not be skipped as unchanged")
        #expect(second.filesSkipped == 0)
        #expect(second.errors == 1)
        #expect(second.newPostings == 0)
    }

    @Test("an edit that keeps the file's size is read again: the modification time tells")
    func sameSizeEditIsReadAgain() async throws {
        let folder = try StoreFixture.scratch()
        let file = folder.appendingPathComponent("feed.jsonl")
        let body = StoreFixture.body(seed: 21)
        try StoreFixture.write(StoreFixture.jsonLine(title: "Data Analyst", company: "Ortolan", body: body) + "\n", to: file)
        let store = try PostingStore(path: folder.appendingPathComponent("store.sqlite").path)
        let first = try await run(folder, store: store)
        #expect(first.newPostings == 1)

        // Same number of bytes, another title; the modification time moves on (set explicitly: a fast
        // file system may give both writes the same time stamp).
        try StoreFixture.write(StoreFixture.jsonLine(title: "Data Analyzt", company: "Ortolan", body: body) + "\n", to: file)
        let later = Date().addingTimeInterval(60)
        try FileManager.default.setAttributes([.modificationDate: later], ofItemAtPath: file.path)
        let second = try await run(folder, store: store)
        #expect(second.filesSkipped == 0, "a same-size edit was skipped as unchanged")
        #expect(second.filesRead == 1)
        let stored = Set(try store.postingSourceCounts().map(\.id))
        #expect(stored == [Posting.makeID(title: "Data Analyzt", company: "Ortolan", body: body)],
                "the edited posting should replace the old one")
    }
}
