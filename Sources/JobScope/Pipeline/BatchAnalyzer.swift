import Foundation

/// Runs the whole pipeline over files and folders into a store (`AnalysisStore`: SQLite or PostgreSQL): walk,
/// read, analyze, deduplicate, store.
///
/// Work runs in a task group bounded to `options.jobs` tasks: each reads one file (analyzing it too when it holds
/// few postings) or analyzes one chunk of a big file's postings. A single writer applies results in transactions
/// of `options.transactionSize` postings, one at a time, while the workers go on. New work is only started when
/// the writer keeps up, and a file's postings are only held until they are written, so memory stays flat
/// however large the collection is. A file is recorded as done in the same transaction as its last posting:
/// a run killed at any point resumes by reading again only the files not recorded.
public struct BatchAnalyzer: Sendable {
    public let store: any AnalysisStore
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

    public init(store: any AnalysisStore, analyzer: PostingAnalyzer, options: BatchOptions = .init()) {
        let reader = PostingReader(options: options.reader)
        self.init(store: store, analyzer: analyzer, options: options, read: { try reader.read(path: $0) })
    }

    init(store: any AnalysisStore, analyzer: PostingAnalyzer, options: BatchOptions,
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
        let start = ContinuousClock.now
        let startedAt = ISO8601DateFormatter().string(from: Date())
        let model = analyzer.classifier.model
        let begun = try await store.beginRun(modelVersion: model.version, taxonomyVersion: analyzer.taxonomy.version,
                                       inputs: paths.map(PostingFileWalker.absolutePath), startedAt: startedAt)
        let context = RunContext(runID: begun.id, modelVersion: model.version,
                                 taxonomyVersion: analyzer.taxonomy.version,
                                 readerFingerprint: BatchAnalyzer.fingerprint(of: options.reader),
                                 reclassify: options.reclassify, startedAt: startedAt)
        let index = RunPostingIndex(storeStartedEmpty: try await store.holdsNothing())
        let inputs = PostingFileWalker(paths: paths, includeHidden: options.includeHidden, followLinks: options.followLinks,
                                       excluding: excluded + store.location.files.flatMap { [$0, $0 + "-wal", $0 + "-shm"] })
        var run = BatchRun(batch: self, context: context, index: index, files: inputs.makeIterator(),
                           cancellation: cancellation, start: start, onEvent: onEvent)
        run.summary.runID = begun.id
        run.summary.interruptedRuns = begun.interrupted

        // The stages wired: workers read and analyze (`fill`), the loop takes their work in walk order and queues
        // it (`receive`), one writer at a time stores it (`startWriteIfReady`).
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
            run.fill(&group)
            while let result = try await group.next() {
                run.receive(result)
                run.startWriteIfReady(&group)
                run.fill(&group)
                run.reportProgressIfDue()
            }
        }
        return try await run.finish()
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
}
