import Foundation
import JobScope
import Testing

@Suite("BatchAnalyzer")
struct BatchAnalyzerTests {
    /// Five postings in two files: three in JSON Lines, two in CSV.
    func makeCollection() throws -> URL {
        let folder = try StoreFixture.scratch()
        let lines = (0..<3).map {
            StoreFixture.jsonLine(title: "Data Scientist \($0)", company: "Company \($0)", body: StoreFixture.body(seed: $0))
        }
        try StoreFixture.write(lines.joined(separator: "\n") + "\n", to: folder.appendingPathComponent("week1/a.jsonl"))
        let csv = "title,company,description\n"
            + (3..<5).map { "Machine Learning Engineer \($0),Company \($0),\"\(StoreFixture.body(seed: $0))\"" }
                .joined(separator: "\n") + "\n"
        try StoreFixture.write(csv, to: folder.appendingPathComponent("week1/b.csv"))
        return folder
    }

    @Test("re-running on the same folder adds nothing")
    func rerunAddsNothing() async throws {
        let folder = try makeCollection()
        let store = try PostingStore(path: folder.appendingPathComponent("store.sqlite").path)
        let first = try await StoreFixture.run([folder], store: store)
        #expect(first.summary.newPostings == 5)
        #expect(first.summary.filesRead == 2)
        #expect(first.problems.isEmpty)
        let before = try store.statistics()

        let second = try await StoreFixture.run([folder], store: store)
        #expect(second.summary.newPostings == 0)
        #expect(second.summary.filesSkipped == 2)
        #expect(second.summary.unchanged == 5)
        #expect(try store.statistics() == StoreStatistics(postings: 5, reposts: 0, sources: 5, files: 2, errors: 0, runs: 2))
        #expect(before.postings == 5)

        // A file touched but not changed is read again, and still adds nothing.
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: 60)],
                                              ofItemAtPath: folder.appendingPathComponent("week1/a.jsonl").path)
        let third = try await StoreFixture.run([folder], store: store)
        #expect(third.summary.filesRead == 1)
        #expect(third.summary.filesSkipped == 1)
        #expect(third.summary.unchanged == 5)
        #expect(third.summary.newPostings == 0)
        #expect(try store.statistics().postings == 5)
    }

    @Test("next week's folder adds only its new postings")
    func nextWeekAddsOnlyNew() async throws {
        let folder = try makeCollection()
        let store = try PostingStore(path: folder.appendingPathComponent("store.sqlite").path)
        _ = try await StoreFixture.run([folder.appendingPathComponent("week1")], store: store)
        // Week 2 repeats one posting of week 1 and brings two new ones.
        let lines = [StoreFixture.jsonLine(title: "Data Scientist 0", company: "Company 0", body: StoreFixture.body(seed: 0)),
                     StoreFixture.jsonLine(title: "Data Scientist 7", company: "Company 7", body: StoreFixture.body(seed: 7)),
                     StoreFixture.jsonLine(title: "Data Scientist 8", company: "Company 8", body: StoreFixture.body(seed: 8))]
        try StoreFixture.write(lines.joined(separator: "\n"), to: folder.appendingPathComponent("week2/c.jsonl"))
        let run = try await StoreFixture.run([folder], store: store)
        #expect(run.summary.newPostings == 2)
        #expect(run.summary.duplicates == 1)
        #expect(run.summary.filesSkipped == 2)
        #expect(try store.statistics().postings == 7)
    }

    @Test("a changed file is read again: an edited posting replaces its old version")
    func changedFileIsReRead() async throws {
        let folder = try makeCollection()
        let store = try PostingStore(path: folder.appendingPathComponent("store.sqlite").path)
        _ = try await StoreFixture.run([folder], store: store)
        let file = folder.appendingPathComponent("week1/a.jsonl")
        let lines = [StoreFixture.jsonLine(title: "Data Scientist 0", company: "Company 0", body: StoreFixture.body(seed: 0)),
                     StoreFixture.jsonLine(title: "Data Scientist 1", company: "Company 1", body: StoreFixture.body(seed: 11)),
                     StoreFixture.jsonLine(title: "Data Scientist 2", company: "Company 2", body: StoreFixture.body(seed: 2)),
                     StoreFixture.jsonLine(title: "Data Scientist 9", company: "Company 9", body: StoreFixture.body(seed: 9))]
        try StoreFixture.write(lines.joined(separator: "\n"), to: file)
        let run = try await StoreFixture.run([folder], store: store)
        #expect(run.summary.filesRead == 1)
        #expect(run.summary.filesSkipped == 1)
        #expect(run.summary.newPostings == 2)      // the edited posting and the added one
        #expect(run.summary.unchanged == 4)       // two lines of a.jsonl, the two rows of the skipped b.csv
        #expect(run.summary.removed == 1)         // the old version of the edited posting
        #expect(try store.statistics().postings == 6)
        let titles = try store.reportRecords().count
        #expect(titles == 6)
    }

    @Test("copies of one posting with other details are duplicates, and stay so when their file is read again")
    func duplicatesWithOtherDetailsAreStable() async throws {
        let folder = try StoreFixture.scratch()
        let body = StoreFixture.body(seed: 31)
        let file = folder.appendingPathComponent("export.csv")
        try StoreFixture.write("title,company,location,description\n"
                               + "Data Scientist,Initech,Austin,\"\(body)\"\nData Scientist,Initech,Dallas,\"\(body)\"\n", to: file)
        let store = try PostingStore(path: folder.appendingPathComponent("store.sqlite").path)
        let first = try await StoreFixture.run([folder], store: store)
        #expect(first.summary.newPostings == 1)
        #expect(first.summary.duplicates == 1)
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: 120)], ofItemAtPath: file.path)
        let again = try await StoreFixture.run([folder], store: store)
        #expect(again.summary.filesRead == 1)
        #expect(again.summary.unchanged == 2)
        #expect(again.summary.reclassified == 0)
        var locations: [String?] = []
        try store.forEachRecord { locations.append($0.location) }
        #expect(locations == ["Austin"])
    }

    @Test("the first copy in walk order is the one stored, however many workers and whatever order they finish in")
    func firstCopyInWalkOrderIsStored() async throws {
        let folder = try StoreFixture.scratch()
        let body = StoreFixture.body(seed: 41)
        // Every file holds the same posting at another place, then postings of its own: several chunks a file.
        for file in 0..<16 {
            let own = (0..<4).map { "Data Scientist \(file)-\($0),Company \(file),Remote,\"\(StoreFixture.body(seed: 100 + file * 4 + $0))\"" }
            try StoreFixture.write("title,company,location,description\n"
                                   + (["Data Scientist,Initech,City \(file),\"\(body)\""] + own).joined(separator: "\n") + "\n",
                                   to: folder.appendingPathComponent(String(format: "f%02d.csv", file)))
        }
        func stored(jobs: Int) async throws -> [String] {
            let store = try PostingStore(path: folder.appendingPathComponent("store-\(UUID().uuidString).sqlite").path)
            let run = try await StoreFixture.run([folder], store: store, jobs: jobs)
            #expect(run.summary.newPostings + run.summary.reposts == 1 + 16 * 4)
            #expect(run.summary.duplicates == 15)
            var records: [String] = []
            try store.forEachRecord { records.append("\($0.id) \($0.location ?? "-") \($0.repostOf ?? "-")") }
            return records
        }
        let serial = try await stored(jobs: 1)
        #expect(serial.contains { $0.hasSuffix(" City 0 -") })
        for _ in 0..<3 {
            #expect(try await stored(jobs: 4) == serial)
        }
    }

    @Test("a new model re-classifies stored postings; --reclassify re-classifies all")
    func reclassification() async throws {
        let folder = try makeCollection()
        let store = try PostingStore(path: folder.appendingPathComponent("store.sqlite").path)
        _ = try await StoreFixture.run([folder], store: store)
        let newer = try await StoreFixture.run([folder], store: store, model: "model-2")
        #expect(newer.summary.reclassified == 5)
        #expect(newer.summary.newPostings == 0)
        #expect(newer.summary.filesSkipped == 0)
        var versions = Set<String>()
        try store.forEachRecord { versions.insert($0.modelVersion) }
        #expect(versions == ["model-2"])

        let same = try await StoreFixture.run([folder], store: store, model: "model-2")
        #expect(same.summary.reclassified == 0)
        let forced = try await StoreFixture.run([folder], store: store, model: "model-2", reclassify: true)
        #expect(forced.summary.reclassified == 5)
        #expect(try store.statistics().postings == 5)
    }

    @Test("an exact duplicate is stored once with both sources; a near-duplicate repost is linked to the first")
    func duplicatesAndReposts() async throws {
        let folder = try StoreFixture.scratch()
        let original = StoreFixture.body(seed: 42, words: 200)
        // The repost: same company, a new first sentence and one changed word; everything else as before.
        var words = original.split(separator: " ").map(String.init)
        words[100] = "kubernetes"
        let repost = "Reposted on 2024-04-02. " + words.joined(separator: " ")
        try StoreFixture.write(
            StoreFixture.jsonLine(title: "Data Scientist", company: "Acme Corp", body: original),
            to: folder.appendingPathComponent("a.jsonl"))
        try StoreFixture.write([
            StoreFixture.jsonLine(title: "Data Scientist", company: "Acme Corp", body: original),
            StoreFixture.jsonLine(title: "Senior Data Scientist", company: "ACME Corp.", body: repost, date: "2024-04-02"),
            // Same body at another company: not a repost.
            StoreFixture.jsonLine(title: "Data Scientist", company: "Globex", body: original),
        ].joined(separator: "\n"), to: folder.appendingPathComponent("b.jsonl"))

        let store = try PostingStore(path: folder.appendingPathComponent("store.sqlite").path)
        let run = try await StoreFixture.run([folder], store: store)
        #expect(run.summary.newPostings == 2)
        #expect(run.summary.duplicates == 1)
        #expect(run.summary.reposts == 1)

        let all = try store.reportRecords(includeReposts: true)
        let counted = try store.reportRecords()
        #expect(all.count == 3)
        #expect(counted.count == 2)
        let repostRecord = try #require(all.first { $0.isRepost })
        let originalID = Posting.makeID(title: "Data Scientist", company: "Acme Corp", body: original)
        #expect(try store.repostOriginal(of: repostRecord.postingID) == originalID)
        let sources = try store.postingSourceCounts()
        #expect(sources.first { $0.id == originalID }?.sources == 2)
        #expect(try store.statistics().reposts == 1)
    }

    @Test("a folder's README, LICENSE and hidden files are not stored; a dangling link is one problem")
    func folderDocumentsAreNotPostings() async throws {
        let folder = try makeCollection()
        try StoreFixture.write("# Week 1\nExports collected for the data-science team.\n",
                               to: folder.appendingPathComponent("README.md"))
        try StoreFixture.write("Licensed for internal use.\n", to: folder.appendingPathComponent("week1/LICENSE.txt"))
        try StoreFixture.write(StoreFixture.jsonLine(title: "Hidden", company: "H", body: StoreFixture.body(seed: 9)),
                               to: folder.appendingPathComponent(".cache/old.jsonl"))
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("week1/gone.csv").path,
                                                   withDestinationPath: folder.appendingPathComponent("nowhere.csv").path)
        let store = try PostingStore(path: folder.appendingPathComponent("store.sqlite").path)
        let run = try await StoreFixture.run([folder], store: store)
        #expect(run.summary.newPostings == 5)
        #expect(run.summary.filesRead == 2)
        #expect(run.summary.filesFailed == 1)
        #expect(run.problems.count == 1)
        #expect(run.problems.first?.contains("gone.csv") == true)
        #expect(try store.statistics().files == 2)
    }

    @Test("bad files are each reported once, recorded, and the rest of the folder is stored")
    func badInputsDoNotStopTheBatch() async throws {
        let folder = try StoreFixture.scratch()
        try StoreFixture.write([
            StoreFixture.jsonLine(title: "Data Scientist", company: "Good Co", body: StoreFixture.body(seed: 1)),
            StoreFixture.jsonLine(title: "Data Analyst", company: "Good Co", body: StoreFixture.body(seed: 2)),
        ].joined(separator: "\n"), to: folder.appendingPathComponent("good.jsonl"))
        try Data([0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0xFF, 0x00, 0x10, 0x00]).write(to: folder.appendingPathComponent("binary.txt"))
        try Data().write(to: folder.appendingPathComponent("empty.html"))
        // A quoted field that opens on the second data row and never closes; the first row is fine.
        try StoreFixture.write("title,description\nData Engineer,\(StoreFixture.body(seed: 5))\n"
                               + "\"Data Scientist,never closed \(StoreFixture.body(seed: 3))\n",
                               to: folder.appendingPathComponent("malformed.csv"))
        // Unreadable: a link whose target is gone (works as root too) and, when not root, a file with mode 000.
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("gone.jsonl").path,
                                                   withDestinationPath: folder.appendingPathComponent("nowhere.jsonl").path)
        var bad = ["binary.txt", "empty.html", "malformed.csv", "gone.jsonl"]
        if getuid() != 0 {
            let locked = folder.appendingPathComponent("locked.jsonl")
            try StoreFixture.write(StoreFixture.jsonLine(title: "X", company: "Y", body: StoreFixture.body(seed: 4)), to: locked)
            chmod(locked.path, 0)
            bad.append("locked.jsonl")
        } else {
            print("running as root: chmod 000 does not make a file unreadable, so only the dangling link stands for it")
        }

        let store = try PostingStore(path: folder.appendingPathComponent("store.sqlite").path)
        let run = try await StoreFixture.run([folder], store: store)
        // good.jsonl is stored whatever the reader keeps of malformed.csv's first row.
        let stored = Set(try store.postingSourceCounts().map(\.id))
        for seed in 1...2 {
            let title = seed == 1 ? "Data Scientist" : "Data Analyst"
            #expect(stored.contains(Posting.makeID(title: title, company: "Good Co", body: StoreFixture.body(seed: seed))))
        }
        #expect(run.summary.errors == bad.count)
        for name in bad {
            #expect(run.problems.filter { $0.contains(name) }.count == 1, "\(name) should be reported once: \(run.problems)")
        }
        let recorded = try store.errors(run: run.summary.runID)
        #expect(recorded.count == bad.count)
        for name in bad {
            #expect(recorded.filter { $0.path.hasSuffix(name) }.count == 1)
        }
        #expect(run.summary.filesRead + run.summary.filesFailed == 1 + bad.count)
    }

    @Test("a run stopped by cancellation keeps what it did, and the next run finishes the rest")
    func cancelledRunResumes() async throws {
        let folder = try StoreFixture.scratch()
        let total = 300
        try StoreFixture.writeJSONFiles(total, title: "Data Scientist", seed: 100, to: folder)
        let store = try PostingStore(path: folder.appendingPathComponent("store.sqlite").path)
        let cancellation = BatchCancellation()
        var options = BatchOptions()
        options.jobs = 1
        // Small transactions and a progress event after every result, so the stop lands mid-run with a
        // batch still pending: the case where a careless stop would drop finished work.
        options.transactionSize = 7
        options.progressInterval = 0
        let doneAtCancel = Locked(0)
        let stopped = try await BatchAnalyzer(store: store, analyzer: StoreFixture.analyzer(), options: options)
            .run(paths: [folder.path], cancellation: cancellation) { event in
                guard case .progress(let progress) = event, progress.filesDone >= 40,
                      !cancellation.isCancelled else { return }
                doneAtCancel.withLock { $0 = progress.filesDone }
                cancellation.cancel()
            }
        #expect(stopped.cancelled)
        #expect(doneAtCancel.value >= 40, "the run never reported progress past 40 files")
        // It stopped early, and everything it reported done (and everything it counted as read) is stored.
        #expect(stopped.filesRead < total)
        #expect(stopped.filesRead >= doneAtCancel.value)
        let afterStop = try store.statistics()
        #expect(afterStop.files == stopped.filesRead)
        #expect(afterStop.postings == stopped.newPostings)
        #expect(afterStop.postings == stopped.filesRead)
        #expect(try store.runs().first?.status == "cancelled")

        let rest = try await StoreFixture.run([folder], store: store)
        #expect(rest.summary.filesSkipped == stopped.filesRead, "the next run re-read work the stopped run had stored")
        #expect(rest.summary.newPostings + stopped.newPostings == total)
        #expect(try store.statistics().postings == total)
    }

    @Test("transactions also fill by body bytes: with room for only a few long postings, every posting is stored")
    func transactionsFillByBodyBytes() async throws {
        let folder = try StoreFixture.scratch()
        let total = 40
        try StoreFixture.writeJSONFiles(total, title: "ML Engineer", seed: 500, words: 400, to: folder)
        let store = try PostingStore(path: folder.appendingPathComponent("store.sqlite").path)
        var options = BatchOptions()
        options.jobs = 2
        // Two bodies fill a transaction, long before the 512 postings of `transactionSize`: the workers wait for
        // the writer every few postings. A bound that stopped the workers without starting the writer would end
        // the run with files never read.
        options.transactionBodyBytes = 5_000
        let summary = try await BatchAnalyzer(store: store, analyzer: StoreFixture.analyzer(), options: options)
            .run(paths: [folder.path])
        #expect(summary.filesRead == total)
        #expect(summary.newPostings == total)
        let stored = try store.statistics()
        #expect(stored.postings == total)
        #expect(stored.files == total)
    }
}
