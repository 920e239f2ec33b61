import Foundation

// The work a run's tasks do: read one file (analyzing it too when it holds few postings), or analyze one chunk of
// a big file's postings.
extension BatchAnalyzer {
    /// What one task hands back to the run loop.
    enum WorkResult: Sendable {
        case counted(Int)
        case file(WalkOrder, FileWork)
        case written(StoreBatch.Tally)
        /// The next entries of the walk, the walk's place after them, and whether it is over.
        case walked([PostingFileWalker.Entry], PostingFileWalker.Iterator, finished: Bool)
    }

    /// Walks up to `count` entries on from `files`: the walk runs in a task of its own, ahead of the files
    /// handed out, so the loop that hands them out never waits for a folder listing or a README's first bytes.
    static func walk(_ files: PostingFileWalker.Iterator, count: Int) -> WorkResult {
        var files = files
        var entries: [PostingFileWalker.Entry] = []
        entries.reserveCapacity(count)
        while entries.count < count {
            guard let entry = files.next() else { return .walked(entries, files, finished: true) }
            entries.append(entry)
        }
        return .walked(entries, files, finished: false)
    }

    /// What a task did with one file, or with one chunk of a big file's postings.
    enum FileWork: Sendable {
        case skipped(key: String, postings: Int)
        case failed(key: String, message: String)
        /// A file with more postings than a chunk: its postings, still to analyze.
        case read(StoreBatch.CompletedFile, [Posting], [StoreBatch.Problem])
        case analyzed(AnalyzedChunk)

        /// Postings this work holds for the store.
        var postingCount: Int {
            if case .analyzed(let chunk) = self { return chunk.items.count }
            return 0
        }
    }

    /// Some of one file's postings, to analyze together.
    struct Chunk: Sendable {
        var file: StoreBatch.CompletedFile
        var postings: [Posting]
        var order: WalkOrder
    }

    struct AnalyzedChunk: Sendable {
        var file: StoreBatch.CompletedFile
        var items: [StoreBatch.Item]
        var problems: [StoreBatch.Problem] = []
    }

    func readFile(path: String, key: String, order: WalkOrder, context: RunContext, index: RunPostingIndex)
        async throws -> FileWork
    {
        // stat(2) directly: FileManager's attributes also look up the owner's and group's names.
        var info = stat()
        let statted = stat(path, &info) == 0
        let size = statted ? Int64(info.st_size) : -1
        let modified = statted ? Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1e9 : -1
        // A store that began empty knows no file from an earlier run: nothing to look up.
        if !options.reclassify, statted, !index.isComplete, let known = try await store.knownFile(path: key),
            known.size == size, known.modified == modified, known.rowErrors == 0,
            known.readerFingerprint == context.readerFingerprint, known.modelVersion == context.modelVersion,
            known.taxonomyVersion == context.taxonomyVersion
        {
            return .skipped(key: key, postings: known.postings)
        }
        let result: FileReadResult
        do {
            result = try read(path)
        } catch {
            let reason = (error as? LocalizedError)?.errorDescription ?? "\(error)"
            return .failed(key: key, message: reason.hasPrefix(path) ? reason : "\(path): \(reason)")
        }
        let postings = result.postings.map { posting -> Posting in
            var posting = posting
            posting.source.path = key
            return posting
        }
        let problems = result.rowErrors.map {
            StoreBatch.Problem(path: key, message: $0.errorDescription ?? "\(path): unreadable row")
        }
        let file = StoreBatch.CompletedFile(
            path: key, size: size, modified: modified, postings: postings.count,
            rowErrors: problems.count)
        if postings.count <= options.chunkSize {
            let whole = Chunk(file: file, postings: postings, order: order)
            var chunk = try await analyze(whole, context: context, index: index)
            chunk.problems = problems
            return .analyzed(chunk)
        }
        return .read(file, postings, problems)
    }

    func analyze(_ chunk: Chunk, context: RunContext, index: RunPostingIndex) async throws -> AnalyzedChunk {
        // Copies of postings this run already analyzed are answered by the index; the store is asked about the
        // rest, unless it began empty (then the index knows all it holds).
        let queued = chunk.postings.map { index.queuedContentHash(of: $0.id) }
        let lookup = index.isComplete ? [] : zip(chunk.postings, queued).compactMap { $1 == nil ? $0.id : nil }
        let known = try await store.knownPostings(ids: lookup)
        let encodesRows = store is PostingStore
        var items: [StoreBatch.Item] = []
        items.reserveCapacity(chunk.postings.count)
        for (posting, queuedHash) in zip(chunk.postings, queued) {
            let hash = posting.contentHash
            // The content hash of a current analysis of the same posting, queued by this run or stored.
            let current =
                queuedHash
                ?? known[posting.id].flatMap { $0.hasCurrentAnalysis(context: context) ? $0.contentHash : nil }
            // A store that began empty holds no earlier places; the place is only asked about when it matters.
            let placeHash =
                !index.isComplete && ReanalysisRule.dependsOnPlace(contentHash: hash, currentHash: current)
                ? try await store.sourceContentHash(posting.source, of: posting.id) : nil
            let needed = ReanalysisRule.needsAnalysis(contentHash: hash, currentHash: current) { placeHash }
            if !needed {
                items.append(StoreBatch.Item(posting: posting, contentHash: hash, analysis: nil, fingerprint: nil))
                continue
            }
            let analysis = analyzer.analyze(posting)
            let fingerprint = SimHash(text: posting.body)
            // The SQLite writer is the run's one serial stage: its rows are encoded here, on all cores.
            let rows = encodesRows ? PostingRows(analysis, contentHash: hash, fingerprint: fingerprint, context: context) : nil
            items.append(
                StoreBatch.Item(
                    posting: posting, contentHash: hash, analysis: analysis, fingerprint: fingerprint, rows: rows))
        }
        return AnalyzedChunk(file: chunk.file, items: items)
    }
}
