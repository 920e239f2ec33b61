import Foundation

/// One transaction's worth of pipeline output: analyzed (or already-current) postings, the files whose last
/// posting is among them, files skipped as unchanged, and input problems. Written atomically by an
/// `AnalysisStore`; public only as a type the store protocol names (its contents are the library's own).
public struct StoreBatch: Sendable {
    /// One posting as a worker hands it over.
    struct Item: Sendable {
        /// The posting; `source.path` is the file's store key (absolute path).
        var posting: Posting
        /// `posting.contentHash`, computed once by the worker.
        var contentHash: String
        /// Nil when the stored analysis is current and the posting was not re-analyzed.
        var analysis: PostingAnalysis?
        var fingerprint: SimHash?
        /// The analysis as the SQLite store's rows, encoded by the worker (nil: the writer encodes it).
        var rows: PostingRows? = nil
    }

    /// A file being read, recorded with its last posting so an unchanged file is skipped next time.
    struct CompletedFile: Sendable {
        var path: String
        var size: Int64
        var modified: Double
        var postings: Int
        var rowErrors: Int
    }

    /// A file or row that could not be read.
    struct Problem: Sendable {
        var path: String
        var message: String
    }

    var items: [Item] = []
    var completedFiles: [CompletedFile] = []
    /// Store keys of files skipped as unchanged: their postings count as seen by this run.
    var skippedFiles: [String] = []
    var problems: [Problem] = []

    /// How the store took a batch's postings.
    public struct Tally: Sendable, Equatable {
        var new = 0
        var reposts = 0
        var duplicates = 0
        var unchanged = 0
        var reclassified = 0
        /// Stored as current by a worker's check but gone by the time of writing (removed concurrently).
        var vanished = 0
    }

    var isEmpty: Bool { items.isEmpty && completedFiles.isEmpty && skippedFiles.isEmpty && problems.isEmpty }
}

/// What the pipeline knows about one run while writing it.
public struct RunContext: Sendable {
    var runID: Int64
    var modelVersion: String
    var taxonomyVersion: String
    /// A digest of the reader options: a file read with other options is read again.
    var readerFingerprint: String
    var reclassify: Bool
    /// ISO 8601 time the run started: `first_seen` of its new postings.
    var startedAt: String
}

/// What the store knew of a posting before the batch.
public struct KnownPosting: Sendable {
    var contentHash: String
    var modelVersion: String
    var taxonomyVersion: String
    var analyzedRun: Int64

    /// True when the stored analysis can be kept for a posting with `contentHash` in run `context`.
    func isCurrent(contentHash: String, context: RunContext) -> Bool {
        contentHash == self.contentHash && hasCurrentAnalysis(context: context)
    }

    /// True when the stored analysis was made by this run's model and taxonomy (and this run, with --reclassify).
    func hasCurrentAnalysis(context: RunContext) -> Bool {
        modelVersion == context.modelVersion && taxonomyVersion == context.taxonomyVersion
            && (!context.reclassify || analyzedRun == context.runID)
    }
}

/// What the store knew of an input file when it was last read to the end.
public struct KnownFile: Sendable {
    var size: Int64
    var modified: Double
    var readerFingerprint: String
    var modelVersion: String
    var taxonomyVersion: String
    var postings: Int
    var rowErrors: Int
}
