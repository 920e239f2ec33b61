import Foundation

/// What the pipeline (`BatchAnalyzer`) and the report need of a store of analyzed postings. Two back ends:
/// `PostingStore` (a SQLite file, one machine) and `PostgresStore` (a PostgreSQL database that several
/// `analyze` processes on several machines write at once). `StoreLocation.open()` gives the one `--store` names.
///
/// The requirements are `async` because PostgreSQL's client is; the SQLite store meets them with its
/// synchronous methods, unchanged.
public protocol AnalysisStore: AnyObject, Sendable {
    /// Where the store is (a path, or a URL without its password).
    var location: StoreLocation { get }

    // MARK: What the report and the exports read

    /// Every analyzed posting in the form the trend report reads; near-duplicate reposts only when asked for.
    func reportRecords(includeReposts: Bool) async throws -> [ReportRecord]
    /// Calls `body` with each stored posting in storage order: all of them, or only those seen by run `run`.
    func forEachRecord(seenInRun run: Int64?, _ body: (PostingExportRecord) throws -> Void) async throws
    /// Counts of what the store holds.
    func statistics() async throws -> StoreStatistics
    /// The ids of every stored posting with the number of places it was seen, in storage order.
    func postingSourceCounts() async throws -> [(id: String, sources: Int)]
    /// The input problems recorded by run `run` (or by every run), oldest first.
    func errors(run: Int64?) async throws -> [StoredError]
    /// The runs recorded in the store, oldest first.
    func runs() async throws -> [StoredRun]
    /// One source per posting (the first path in order), originals only.
    func postingSources() async throws -> [PostingStore.StoredSource]

    // MARK: What the pipeline reads and writes

    /// Starts a run; marks runs that never finished (their process is gone) as interrupted.
    func beginRun(modelVersion: String, taxonomyVersion: String, inputs: [String], startedAt: String)
        async throws -> (id: Int64, interrupted: Int)
    /// Records how a run ended.
    func finishRun(_ id: Int64, summary: BatchSummary, status: String) async throws
    /// True when this run alone can know what the store holds: it held nothing when the run began and no
    /// other process writes into it.
    func holdsNothing() async throws -> Bool
    /// What the store holds for each of `ids` that it holds.
    func knownPostings(ids: [String]) async throws -> [String: KnownPosting]
    /// The content hash posting `id` had when last seen at `source`; nil if never seen there.
    func sourceContentHash(_ source: PostingSource, of id: String) async throws -> String?
    /// What the store recorded about the file at store key `path` when it was last read to the end.
    func knownFile(path: String) async throws -> KnownFile?
    /// Writes one batch in one transaction and says how each posting was taken.
    func write(_ batch: StoreBatch, context: RunContext) async throws -> StoreBatch.Tally
    /// Drops places that files read again no longer hold, then postings left with none; how many postings went.
    func removeStaleSources() async throws -> Int
}
