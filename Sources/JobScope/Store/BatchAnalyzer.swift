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
        var state = RunState(summary: BatchSummary())
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
            group.addTask {
                var count = 0
                for entry in inputs where !cancellation.isCancelled {
                    if case .unsupported = entry { continue }
                    count += 1
                }
                return .counted(count)
            }
            var workInFlight = 0
            var writeInFlight = false
            var walkDone = false

            // Starts work while there is room: chunks of files already read first, so their memory is freed.
            func fill() {
                while workInFlight < jobs, !cancellation.isCancelled, state.pending.items.count < options.transactionSize * 2 {
                    if let chunk = state.chunks.popLast() {
                        workInFlight += 1
                        group.addTask { .analyzed(try self.analyze(chunk, context: context)) }
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
                            group.addTask { try self.readFile(path: path, key: key, context: context) }
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

            fill()
            while let result = try await group.next() {
                switch result {
                case .counted(let count):
                    state.filesTotal = count
                case .skipped(let key, let postings):
                    workInFlight -= 1
                    state.filesDone += 1
                    state.summary.filesSkipped += 1
                    state.summary.unchanged += postings
                    state.pending.skippedFiles.append(key)
                case .failed(let key, let message):
                    workInFlight -= 1
                    state.filesDone += 1
                    state.summary.filesFailed += 1
                    state.report(problem: StoreBatch.Problem(path: key, message: message), onEvent)
                case .read(let file, let postings, let problems):
                    workInFlight -= 1
                    state.filesDone += 1
                    state.summary.filesRead += 1
                    for problem in problems { state.report(problem: problem, onEvent) }
                    state.split(file: file, postings: postings, chunkSize: max(1, options.chunkSize))
                case .analyzed(let chunk):
                    workInFlight -= 1
                    if chunk.ofFile == 1 {
                        // A file analyzed by the task that read it.
                        state.filesDone += 1
                        state.summary.filesRead += 1
                    }
                    for problem in chunk.problems { state.report(problem: problem, onEvent) }
                    state.take(chunk)
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
        case skipped(key: String, postings: Int)
        case failed(key: String, message: String)
        /// A file with more postings than a chunk: its postings, still to analyze.
        case read(StoreBatch.CompletedFile, [Posting], [StoreBatch.Problem])
        case analyzed(AnalyzedChunk)
        case written(StoreBatch.Tally)
    }

    /// Some of one file's postings, to analyze together.
    struct Chunk: Sendable {
        var file: StoreBatch.CompletedFile
        var postings: [Posting]
        /// Chunks the file was split into, this one included.
        var ofFile: Int
    }

    struct AnalyzedChunk: Sendable {
        var file: StoreBatch.CompletedFile
        var items: [StoreBatch.Item]
        var ofFile: Int
        var problems: [StoreBatch.Problem] = []
    }

    func readFile(path: String, key: String, context: RunContext) throws -> WorkResult {
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        let size = (attributes?[.size] as? NSNumber)?.int64Value ?? -1
        let modified = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? -1
        if !options.reclassify, attributes != nil, let known = try store.knownFile(path: key),
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
            var chunk = try analyze(Chunk(file: file, postings: postings, ofFile: 1), context: context)
            chunk.problems = problems
            return .analyzed(chunk)
        }
        return .read(file, postings, problems)
    }

    func analyze(_ chunk: Chunk, context: RunContext) throws -> AnalyzedChunk {
        let known = try store.knownPostings(ids: chunk.postings.map(\.id))
        let items = try chunk.postings.map { posting -> StoreBatch.Item in
            if let stored = known[posting.id], stored.hasCurrentAnalysis(context: context) {
                // The same posting stored under this model: its analysis is kept, unless this very place now
                // says something else (an edited file). Another place with other details is an exact duplicate.
                let hash = posting.contentHash
                if try stored.contentHash == hash || (store.sourceContentHash(posting.source, of: posting.id) ?? hash) == hash {
                    return StoreBatch.Item(posting: posting, analysis: nil, fingerprint: nil)
                }
            }
            return StoreBatch.Item(posting: posting, analysis: analyzer.analyze(posting),
                                   fingerprint: SimHash(text: posting.body))
        }
        return AnalyzedChunk(file: chunk.file, items: items, ofFile: chunk.ofFile)
    }

    /// Reader options as text: a file read under other options is read again.
    static func fingerprint(of options: ReaderOptions) -> String {
        let columns = options.columns.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        return "max=\(options.maxFileSize);columns=\(columns.joined(separator: ","));collected=\(options.collectionDate?.description ?? "-")"
    }

    // MARK: The run loop's state

    struct RunState {
        var summary: BatchSummary
        var filesDone = 0
        var filesTotal: Int?
        /// Chunks of read files waiting for a worker.
        var chunks: [Chunk] = []
        /// Per file key: chunks not yet back from analysis.
        var chunksLeft: [String: Int] = [:]
        /// What the next transaction writes.
        var pending = StoreBatch()

        mutating func report(problem: StoreBatch.Problem, _ onEvent: (Event) -> Void) {
            summary.errors += 1
            if !problem.path.isEmpty { pending.problems.append(problem) }
            onEvent(.problem(problem.message))
        }

        mutating func split(file: StoreBatch.CompletedFile, postings: [Posting], chunkSize: Int) {
            let count = (postings.count + chunkSize - 1) / chunkSize
            chunksLeft[file.path] = count
            for start in stride(from: 0, to: postings.count, by: chunkSize) {
                chunks.append(Chunk(file: file, postings: Array(postings[start..<min(start + chunkSize, postings.count)]),
                                    ofFile: count))
            }
        }

        /// Queues an analyzed chunk; the file is recorded as done with its last chunk.
        mutating func take(_ chunk: AnalyzedChunk) {
            pending.items.append(contentsOf: chunk.items)
            let left = (chunksLeft[chunk.file.path] ?? chunk.ofFile) - 1
            if left <= 0 {
                chunksLeft[chunk.file.path] = nil
                pending.completedFiles.append(chunk.file)
            } else {
                chunksLeft[chunk.file.path] = left
            }
        }
    }
}
