import Foundation

/// One `BatchAnalyzer.run` while it goes: the work started, the work back from the tasks (taken in walk order),
/// and the batch waiting for the store. `BatchAnalyzer.run` wires its steps to a task group.
struct BatchRun {
    typealias Group = ThrowingTaskGroup<BatchAnalyzer.WorkResult, any Error>
    typealias Chunk = BatchAnalyzer.Chunk
    typealias FileWork = BatchAnalyzer.FileWork

    let batch: BatchAnalyzer
    let context: RunContext
    /// Postings analyzed and queued by this run, shared with the workers.
    let index: RunPostingIndex
    let cancellation: BatchCancellation
    let onEvent: @Sendable (BatchAnalyzer.Event) -> Void
    /// The walk's place; nil while a walk task holds it.
    private var files: PostingFileWalker.Iterator?
    /// Entries walked ahead and not yet handed out, in walk order from `walkedNext`.
    private var walked: [PostingFileWalker.Entry] = []
    private var walkedNext = 0
    /// The walker has no entry left (those in `walked` may still wait).
    private var walkFinished = false
    private let jobs: Int
    private let clock = ContinuousClock()
    private let start: ContinuousClock.Instant
    private var lastProgress: ContinuousClock.Instant

    var summary = BatchSummary()
    private var filesDone = 0
    private var filesTotal: Int?
    /// Files handed to workers so far: the next one's place in walk order.
    private var filesStarted = 0
    /// Chunks of read files waiting for a worker, latest in walk order first.
    private var chunks: [Chunk] = []
    /// Work back from the workers, handed on in walk order.
    private var queue = WalkOrderQueue<FileWork>()
    /// Postings in the work waiting in `queue` for an earlier piece: what bounds reading ahead.
    private var waitingPostings = 0
    /// What the next transaction writes.
    private var pending = StoreBatch()
    /// Body bytes of the postings in `pending`: with their count, what bounds the memory the batch holds.
    private var pendingBodyBytes = 0
    private var workInFlight = 0
    private var writeInFlight = false
    private var walkDone = false

    init(
        batch: BatchAnalyzer, context: RunContext, index: RunPostingIndex, files: PostingFileWalker.Iterator,
        cancellation: BatchCancellation, start: ContinuousClock.Instant,
        onEvent: @escaping @Sendable (BatchAnalyzer.Event) -> Void
    ) {
        self.batch = batch
        self.context = context
        self.index = index
        self.files = files
        self.cancellation = cancellation
        self.onEvent = onEvent
        self.jobs = max(1, batch.options.jobs)
        self.start = start
        self.lastProgress = start
    }

    // MARK: Steps of the loop

    /// Starts work while there is room: chunks of files already read first, so their memory is freed.
    mutating func fill(_ group: inout Group) {
        let batch = self.batch
        let context = self.context
        let index = self.index
        // Room for a transaction in flight and one more pending: a writer held up by a checkpoint's fsync does not
        // stop the workers at once. The batch of analyzed postings is what a run's memory grows with (on the
        // shared corpus it and SQLite's page cache were most of the peak), so it is bounded by bytes too.
        while workInFlight < jobs, !cancellation.isCancelled, pending.items.count < batch.options.transactionSize * 2,
            pendingBodyBytes < batch.options.transactionBodyBytes * 2
        {
            if let chunk = chunks.popLast() {
                workInFlight += 1
                group.addTask {
                    .file(chunk.order, .analyzed(try await batch.analyze(chunk, context: context, index: index)))
                }
            } else if queue.waiting >= jobs * 32 || waitingPostings >= batch.options.transactionSize {
                // Results wait for an earlier one still in flight (a big file being read, a long chunk): read no
                // further until it is back. Bounded by postings, so many one-posting files may go far ahead.
                return
            } else if let entry = nextWalked(&group) {
                switch entry {
                case .problem(let error):
                    filesDone += 1
                    summary.filesFailed += 1
                    report(
                        problem: StoreBatch.Problem(
                            path: PostingFileWalker.absolutePath(error.path),
                            message: error.errorDescription ?? error.path))
                case .unsupported:
                    summary.filesUnsupported += 1
                case .file(let path):
                    workInFlight += 1
                    let key = PostingFileWalker.absolutePath(path)
                    let order = WalkOrder.whole(filesStarted)
                    filesStarted += 1
                    group.addTask {
                        .file(
                            order,
                            try await batch.readFile(
                                path: path, key: key, order: order, context: context, index: index))
                    }
                }
            } else {
                // The walk is over, or its next entries are still being walked.
                walkDone = walkFinished
                return
            }
        }
    }

    /// Entries walked at once by a walk task: enough that the task's start is nothing beside the walk.
    private static let walkBatch = 64

    /// The next entry of the walk, if one is walked already; starts walking the next ones while enough are left
    /// that the workers do not wait for them.
    private mutating func nextWalked(_ group: inout Group) -> PostingFileWalker.Entry? {
        if walkedNext >= Self.walkBatch {
            // Entries handed out go, so the buffer stays a batch or two however long the walk.
            walked.removeFirst(walkedNext)
            walkedNext = 0
        }
        if !walkFinished, let iterator = files, walked.count - walkedNext <= Self.walkBatch / 2 {
            files = nil
            group.addTask { BatchAnalyzer.walk(iterator, count: Self.walkBatch) }
        }
        guard walkedNext < walked.count else { return nil }
        defer { walkedNext += 1 }
        return walked[walkedNext]
    }

    /// Takes what one task handed back.
    mutating func receive(_ result: BatchAnalyzer.WorkResult) {
        switch result {
        case .counted(let count):
            filesTotal = count
        case .walked(let entries, let iterator, let finished):
            walked.append(contentsOf: entries)
            files = iterator
            walkFinished = finished
        case .file(let order, let work):
            workInFlight -= 1
            if case .read(let file, let postings, let problems) = work {
                // Analysis of a big file's chunks starts at once, whether or not its turn has come.
                split(file: file, postings: postings, fileOrder: order.file)
                queue.add(.read(file, [], problems), at: order)
            } else {
                queue.add(work, at: order)
                waitingPostings += work.postingCount
            }
            while let (order, work) = queue.next() {
                waitingPostings -= work.postingCount
                take(work, order: order)
            }
        case .written(let tally):
            writeInFlight = false
            summary.add(tally)
            if tally.vanished > 0 {
                report(
                    problem: StoreBatch.Problem(
                        path: "",
                        message:
                            "\(tally.vanished) postings left the store while this run read them; run again to store them"
                    ))
            }
        }
    }

    /// Hands the pending batch to the writer when it is full, or when no more work is coming.
    mutating func startWriteIfReady(_ group: inout Group) {
        let force = workInFlight == 0 && (walkDone || cancellation.isCancelled)
        guard !writeInFlight, !pending.isEmpty,
            force || pending.items.count >= batch.options.transactionSize || pendingBodyBytes >= batch.options.transactionBodyBytes
        else { return }
        let written = pending
        let store = batch.store
        let context = self.context
        pending = StoreBatch()
        pendingBodyBytes = 0
        writeInFlight = true
        group.addTask { .written(try await store.write(written, context: context)) }
    }

    mutating func reportProgressIfDue() {
        if clock.now - lastProgress >= .milliseconds(Int(batch.options.progressInterval * 1000)) {
            lastProgress = clock.now
            onEvent(.progress(progress()))
        }
    }

    /// Writes what the loop left, removes stale places (unless cancelled), and records how the run ended.
    mutating func finish() async throws -> BatchSummary {
        let store = batch.store
        if !pending.isEmpty {
            summary.add(try await store.write(pending, context: context))
            pending = StoreBatch()
            pendingBodyBytes = 0
        }
        summary.cancelled = cancellation.isCancelled
        // Files whose changed content dropped postings: their old places go, and postings left with none.
        if !summary.cancelled {
            summary.removed = try await store.removeStaleSources()
        }
        summary.elapsed = elapsed()
        onEvent(.progress(progress()))
        try await store.finishRun(summary.runID, summary: summary, status: summary.cancelled ? "cancelled" : "completed")
        return summary
    }

    // MARK: Taking work in walk order

    /// Takes one file's work, in walk order: reports, counts, and queues its postings for the store.
    private mutating func take(_ work: FileWork, order: WalkOrder) {
        switch work {
        case .skipped(let key, let postings):
            filesDone += 1
            summary.filesSkipped += 1
            summary.unchanged += postings
            pending.skippedFiles.append(key)
        case .failed(let key, let message):
            filesDone += 1
            summary.filesFailed += 1
            report(problem: StoreBatch.Problem(path: key, message: message))
        case .read(_, _, let problems):
            // Its chunks were queued when it came back; they are taken next.
            filesDone += 1
            summary.filesRead += 1
            for problem in problems { report(problem: problem) }
        case .analyzed(let chunk):
            if order.chunk < 0 {
                // A file analyzed by the task that read it.
                filesDone += 1
                summary.filesRead += 1
            }
            for problem in chunk.problems { report(problem: problem) }
            enqueue(chunk, completesFile: queue.completedFile(at: order))
        }
    }

    private mutating func report(problem: StoreBatch.Problem) {
        summary.errors += 1
        if !problem.path.isEmpty { pending.problems.append(problem) }
        onEvent(.problem(problem.message))
    }

    /// Queues a big file's postings for the workers, in chunks taken after the file's own piece.
    private mutating func split(file: StoreBatch.CompletedFile, postings: [Posting], fileOrder: Int) {
        let chunkSize = max(1, batch.options.chunkSize)
        let count = (postings.count + chunkSize - 1) / chunkSize
        let fileChunks = stride(from: 0, to: postings.count, by: chunkSize).enumerated().map { index, start in
            Chunk(
                file: file, postings: Array(postings[start..<min(start + chunkSize, postings.count)]),
                order: WalkOrder(file: fileOrder, chunk: index))
        }
        queue.split(file: fileOrder, into: count)
        // Kept in walk order, earliest last: the chunk next in turn is always started first.
        let place = chunks.firstIndex { $0.order.file < fileOrder } ?? chunks.count
        chunks.insert(contentsOf: fileChunks.reversed(), at: place)
    }

    /// Queues an analyzed chunk; the file is recorded as done with its last chunk (`completesFile`: chunks
    /// are taken in walk order, so the last one taken is the file's last).
    private mutating func enqueue(_ chunk: BatchAnalyzer.AnalyzedChunk, completesFile: Bool) {
        pending.items.append(contentsOf: chunk.items)
        for item in chunk.items { pendingBodyBytes += item.posting.body.utf8.count }
        // Only now, with the analysis ahead of them in the queue, may copies found by workers skip analysis.
        for item in chunk.items where item.analysis != nil {
            index.insert(id: item.posting.id, contentHash: item.contentHash)
        }
        if completesFile { pending.completedFiles.append(chunk.file) }
    }

    // MARK: Progress

    private func elapsed() -> Double {
        let d = clock.now - start
        return Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }

    private func progress() -> BatchProgress {
        BatchProgress(
            filesDone: filesDone, filesTotal: filesTotal, postingsDone: summary.postingsSeen,
            errors: summary.errors, elapsed: elapsed())
    }
}
