import Foundation

/// What reading one file gave: its postings, and the rows that could not be read.
public struct FileReadResult: Sendable {
    public var postings: [Posting]
    /// Problems with single rows or records; the rest of the file was read.
    public var rowErrors: [IngestError]
    /// The format the file was read as (after sniffing its content).
    public var format: PostingFormat?
    /// Bytes of other files read into these postings (the description files beside a `jobs.json`).
    public var joinedByteCount = 0

    public init(postings: [Posting], rowErrors: [IngestError] = [], format: PostingFormat? = nil) {
        self.postings = postings
        self.rowErrors = rowErrors
        self.format = format
    }
}
