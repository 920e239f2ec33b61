import Foundation

/// Runs the whole pipeline over files and folders into a `PostingStore`: walk, read, analyze, deduplicate, store.
///
/// Work runs in a task group bounded to `options.jobs` tasks: each reads one file (analyzing it too when it holds
/// few postings) or analyzes one chunk of a big file's postings. A single writer applies results in transactions
/// of `options.transactionSize` postings, one at a time, while the workers go on. New work is only started when
/// the writer keeps up, and a file's postings are only held until they are written, so memory stays flat
/// however large the collection is. A file is recorded as done in the same transaction as its last posting:
/// a run killed at any point resumes by reading again only the files not recorded.
public struct BatchAnalyzer: Sendable {
    public let store: PostingStore
    public let analyzer: PostingAnalyzer
    public let options: BatchOptions
    /// Reads one file; `PostingReader.read` unless a test swaps it.
    let read: @Sendable (String) throws -> FileReadResult

    /// Something a run reports while it goes.
    public enum Event: Sendable {
        case progress(BatchProgress)
        /// A file or row that could not be read: one line naming it. Reported once.
        case problem(String)
    }

    public init(store: PostingStore, analyzer: PostingAnalyzer, options: BatchOptions = .init()) {
        let reader = PostingReader(options: options.reader)
        self.init(store: store, analyzer: analyzer, options: options, read: { try reader.read(path: $0) })
    }

    init(store: PostingStore, analyzer: PostingAnalyzer, options: BatchOptions,
         read: @escaping @Sendable (String) throws -> FileReadResult) {
        self.store = store
        self.analyzer = analyzer
        self.options = options
        self.read = read
    }

    /// Analyzes every posting under `paths` into the store. Stops early, keeping all finished work, when
    /// `cancellation` is cancelled. Input problems do not throw: they are counted, reported and recorded.
    public func run(paths: [String], excluding excluded: [String] = [], cancellation: BatchCancellation = .init(),
                    onEvent: @escaping @Sendable (Event) -> Void = { _ in }) async throws -> BatchSummary {
        let clock = ContinuousClock()
        let start = clock.now
        let startedAt = ISO8601DateFormatter().string(from: Date())
        let model = analyzer.classifier.model
        let begun = try store.beginRun(modelVersion: model.version, taxonomyVersion: analyzer.taxonomy.version,
                                       inputs: paths.map(PostingFileWalker.absolutePath), startedAt: startedAt)
        let context = RunContext(runID: begun.id, modelVersion: model.version,
                                 taxonomyVersion: analyzer.taxonomy.version,
                                 readerFingerprint: BatchAnalyzer.fingerprint(of: options.reader),
                                 reclassify: options.reclassify, startedAt: startedAt)
        let index = RunPostingIndex(storeStartedEmpty: try store.holdsNothing())
        var state = RunState(summary: BatchSummary(), index: index)
        state.summary.runID = begun.id
        state.summary.interruptedRuns = begun.interrupted
        let inputs = PostingFileWalker(paths: paths, includeHidden: options.includeHidden,
                                       excluding: excluded + [store.path, store.path + "-wal", store.path + "-shm"])
        var files = inputs.makeIterator()
        let jobs = max(1, options.jobs)
        var lastProgress = start

        func elapsed() -> Double {
            let d = clock.now - start
            return Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
        }
        func progress() -> BatchProgress {
            BatchProgress(filesDone: state.filesDone, filesTotal: state.filesTotal,
                          postingsDone: state.summary.postingsSeen, errors: state.summary.errors,
                          elapsed: elapsed())
        }

        try await withThrowingTaskGroup(of: WorkResult.self) { group in
            if options.countFiles {
                group.addTask {
                    var count = 0
                    for entry in inputs where !cancellation.isCancelled {
                        if case .unsupported = entry { continue }
                        count += 1
                    }
                    return .counted(count)
                }
            }
            var workInFlight = 0
            var writeInFlight = false
            var walkDone = false

            // Starts work while there is room: chunks of files already read first, so their memory is freed.
            func fill() {
                while workInFlight < jobs, !cancellation.isCancelled, state.pending.items.count < options.transactionSize * 2 {
                    if let chunk = state.chunks.popLast() {
                        workInFlight += 1
                        group.addTask { .file(chunk.order, .analyzed(try self.analyze(chunk, context: context, index: index))) }
                    } else if state.arrived.count >= jobs * 4 {
                        // Results wait for an earlier one still in flight: read no further until it is back.
                        return
                    } else if !walkDone, let entry = files.next() {
                        switch entry {
                        case .problem(let error):
                            state.filesDone += 1
                            state.summary.filesFailed += 1
                            state.report(problem: StoreBatch.Problem(path: PostingFileWalker.absolutePath(error.path),
                                                                     message: error.errorDescription ?? error.path),
                                         onEvent)
                        case .unsupported:
                            state.summary.filesUnsupported += 1
                        case .file(let path):
                            workInFlight += 1
                            let key = PostingFileWalker.absolutePath(path)
                            let order = WorkOrder(file: state.filesStarted, chunk: -1)
                            state.filesStarted += 1
                            group.addTask {
                                .file(order, try self.readFile(path: path, key: key, order: order, context: context, index: index))
                            }
                        }
                    } else {
                        walkDone = true
                        return
                    }
                }
            }
            func startWriteIfReady(force: Bool) {
                guard !writeInFlight, !state.pending.isEmpty,
                      force || state.pending.items.count >= options.transactionSize else { return }
                let batch = state.pending
                state.pending = StoreBatch()
                writeInFlight = true
                group.addTask { .written(try await self.store.write(batch, context: context)) }
            }

            // Takes one file's work, in walk order: reports, counts, and queues its postings for the store.
            func take(_ work: FileWork, order: WorkOrder) {
                var next = WorkOrder(file: order.file + 1, chunk: -1)
                switch work {
                case .skipped(let key, let postings):
                    state.filesDone += 1
                    state.summary.filesSkipped += 1
                    state.summary.unchanged += postings
                    state.pending.skippedFiles.append(key)
                case .failed(let key, let message):
                    state.filesDone += 1
                    state.summary.filesFailed += 1
                    state.report(problem: StoreBatch.Problem(path: key, message: message), onEvent)
                case .read(_, _, let problems):
                    // Its chunks were queued when it came back; they are taken next.
                    state.filesDone += 1
                    state.summary.filesRead += 1
                    for problem in problems { state.report(problem: problem, onEvent) }
                    next = WorkOrder(file: order.file, chunk: 0)
                case .analyzed(let chunk):
                    if order.chunk < 0 {
                        // A file analyzed by the task that read it.
                        state.filesDone += 1
                        state.summary.filesRead += 1
                    } else if order.chunk + 1 < chunk.ofFile {
                        next = WorkOrder(file: order.file, chunk: order.chunk + 1)
                    }
                    for problem in chunk.problems { state.report(problem: problem, onEvent) }
                    state.queue(chunk, completesFile: next.file != order.file)
                }
                state.expected = next
            }

            fill()
            while let result = try await group.next() {
                switch result {
                case .counted(let count):
                    state.filesTotal = count
                case .file(let order, let work):
                    workInFlight -= 1
                    // Taken in walk order whatever order the workers finish in, so the first of several copies,
                    // and with it the stored details and every repost link, never depends on timing.
                    if case .read(let file, let postings, let problems) = work {
                        // Analysis of a big file's chunks starts at once, whether or not its turn has come.
                        state.split(file: file, postings: postings, fileOrder: order.file, chunkSize: max(1, options.chunkSize))
                        state.arrived[order] = .read(file, [], problems)
                    } else {
                        state.arrived[order] = work
                    }
                    while let work = state.arrived.removeValue(forKey: state.expected) {
                        take(work, order: state.expected)
                    }
                case .written(let tally):
                    writeInFlight = false
                    state.summary.add(tally)
                    if tally.vanished > 0 {
                        state.report(problem: StoreBatch.Problem(
                            path: "", message: "\(tally.vanished) postings left the store while this run read them; run again to store them"),
                                     onEvent)
                    }
                }
                startWriteIfReady(force: workInFlight == 0 && (walkDone || cancellation.isCancelled))
                fill()
                if clock.now - lastProgress >= .milliseconds(Int(options.progressInterval * 1000)) {
                    lastProgress = clock.now
                    onEvent(.progress(progress()))
                }
            }
        }
        // What the loop left: the tail of the last batch.
        if !state.pending.isEmpty {
            state.summary.add(try await store.write(state.pending, context: context))
            state.pending = StoreBatch()
        }
        state.summary.cancelled = cancellation.isCancelled
        // Files whose changed content dropped postings: their old places go, and postings left with none.
        if !state.summary.cancelled {
            state.summary.removed = try await store.removeStaleSources()
        }
        state.summary.elapsed = elapsed()
        onEvent(.progress(progress()))
        try store.finishRun(begun.id, summary: state.summary, status: state.summary.cancelled ? "cancelled" : "completed")
        return state.summary
    }

    // MARK: Work done by tasks

    /// What one task hands back to the run loop.
    enum WorkResult: Sendable {
        case counted(Int)
        case file(WorkOrder, FileWork)
        case written(StoreBatch.Tally)
    }

    /// What a task did with one file, or with one chunk of a big file's postings.
    enum FileWork: Sendable {
        case skipped(key: String, postings: Int)
        case failed(key: String, message: String)
        /// A file with more postings than a chunk: its postings, still to analyze.
        case read(StoreBatch.CompletedFile, [Posting], [StoreBatch.Problem])
        case analyzed(AnalyzedChunk)
    }

    /// Where a piece of work falls in walk order: the file's place, then the chunk's (-1: the file as a whole).
    struct WorkOrder: Hashable, Sendable {
        var file: Int
        var chunk: Int
    }

    /// Some of one file's postings, to analyze together.
    struct Chunk: Sendable {
        var file: StoreBatch.CompletedFile
        var postings: [Posting]
        /// Chunks the file was split into, this one included.
        var ofFile: Int
        var order: WorkOrder
    }

    struct AnalyzedChunk: Sendable {
        var file: StoreBatch.CompletedFile
        var items: [StoreBatch.Item]
        var ofFile: Int
        var problems: [StoreBatch.Problem] = []
    }

    func readFile(path: String, key: String, order: WorkOrder, context: RunContext, index: RunPostingIndex) throws -> FileWork {
        // stat(2) directly: FileManager's attributes also look up the owner's and group's names.
        var info = stat()
        let statted = stat(path, &info) == 0
        let size = statted ? Int64(info.st_size) : -1
        let modified = statted ? Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1e9 : -1
        // A store that began empty knows no file from an earlier run: nothing to look up.
        if !options.reclassify, statted, !index.isComplete, let known = try store.knownFile(path: key),
           known.size == size, known.modified == modified, known.rowErrors == 0,
           known.readerFingerprint == context.readerFingerprint, known.modelVersion == context.modelVersion,
           known.taxonomyVersion == context.taxonomyVersion {
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
        let file = StoreBatch.CompletedFile(path: key, size: size, modified: modified, postings: postings.count,
                                            rowErrors: problems.count)
        if postings.count <= options.chunkSize {
            let whole = Chunk(file: file, postings: postings, ofFile: 1, order: order)
            var chunk = try analyze(whole, context: context, index: index)
            chunk.problems = problems
            return .analyzed(chunk)
        }
        return .read(file, postings, problems)
    }

    func analyze(_ chunk: Chunk, context: RunContext, index: RunPostingIndex) throws -> AnalyzedChunk {
        // Copies of postings this run already analyzed are answered by the index; the store is asked about the
        // rest, unless it began empty (then the index knows all it holds).
        let queued = chunk.postings.map { index.queuedContentHash(of: $0.id) }
        let lookup = index.isComplete ? [] : zip(chunk.postings, queued).compactMap { $1 == nil ? $0.id : nil }
        let known = try store.knownPostings(ids: lookup)
        var items: [StoreBatch.Item] = []
        items.reserveCapacity(chunk.postings.count)
        for (posting, queuedHash) in zip(chunk.postings, queued) {
            let hash = posting.contentHash
            // The content hash of a current analysis of the same posting, queued by this run or stored.
            let current = queuedHash
                ?? known[posting.id].flatMap { $0.hasCurrentAnalysis(context: context) ? $0.contentHash : nil }
            // That analysis is kept, unless this very place now says something else (an edited file). Another
            // place with other details is an exact duplicate. A store that began empty holds no earlier places.
            if let current, try current == hash || index.isComplete
                || (store.sourceContentHash(posting.source, of: posting.id) ?? hash) == hash {
                items.append(StoreBatch.Item(posting: posting, contentHash: hash, analysis: nil, fingerprint: nil))
                continue
            }
            items.append(StoreBatch.Item(posting: posting, contentHash: hash, analysis: analyzer.analyze(posting),
                                         fingerprint: SimHash(text: posting.body)))
        }
        return AnalyzedChunk(file: chunk.file, items: items, ofFile: chunk.ofFile)
    }

    /// Reader options as text: a file read under other options is read again.
    static func fingerprint(of options: ReaderOptions) -> String {
        let columns = options.columns.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        var key = "max=\(options.maxFileSize);columns=\(columns.joined(separator: ","));collected=\(options.collectionDate?.description ?? "-")"
        // Non-default settings only, so the key of a default run stays what earlier stores hold.
        if options.dateFromPath != .auto { key += ";datefrompath=\(options.dateFromPath.rawValue)" }
        if options.allowEmptyBody { key += ";allowemptybody" }
        return key
    }

    // MARK: The run loop's state

    struct RunState {
        var summary: BatchSummary
        /// Postings analyzed and queued by this run, shared with the workers.
        let index: RunPostingIndex
        var filesDone = 0
        var filesTotal: Int?
        /// Chunks of read files waiting for a worker, latest in walk order first.
        var chunks: [Chunk] = []
        /// Files handed to workers so far: the next one's place in walk order.
        var filesStarted = 0
        /// Work back from the workers ahead of its turn.
        var arrived: [WorkOrder: FileWork] = [:]
        /// The work to take next.
        var expected = WorkOrder(file: 0, chunk: -1)
        /// What the next transaction writes.
        var pending = StoreBatch()

        mutating func report(problem: StoreBatch.Problem, _ onEvent: (Event) -> Void) {
            summary.errors += 1
            if !problem.path.isEmpty { pending.problems.append(problem) }
            onEvent(.problem(problem.message))
        }

        mutating func split(file: StoreBatch.CompletedFile, postings: [Posting], fileOrder: Int, chunkSize: Int) {
            let count = (postings.count + chunkSize - 1) / chunkSize
            let fileChunks = stride(from: 0, to: postings.count, by: chunkSize).enumerated().map { index, start in
                Chunk(file: file, postings: Array(postings[start..<min(start + chunkSize, postings.count)]),
                      ofFile: count, order: WorkOrder(file: fileOrder, chunk: index))
            }
            // The queue is kept in walk order, earliest last: the chunk next in turn is always started first.
            let place = chunks.firstIndex { $0.order.file < fileOrder } ?? chunks.count
            chunks.insert(contentsOf: fileChunks.reversed(), at: place)
        }

        /// Queues an analyzed chunk; the file is recorded as done with its last chunk (`completesFile`: chunks
        /// are taken in walk order, so the last one taken is the file's last).
        mutating func queue(_ chunk: AnalyzedChunk, completesFile: Bool) {
            pending.items.append(contentsOf: chunk.items)
            // Only now, with the analysis ahead of them in the queue, may copies found by workers skip analysis.
            for item in chunk.items where item.analysis != nil {
                index.insert(id: item.posting.id, contentHash: item.contentHash)
            }
            if completesFile { pending.completedFiles.append(chunk.file) }
        }
    }
}
