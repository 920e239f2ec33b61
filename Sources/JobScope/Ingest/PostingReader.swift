import Foundation

// OWNER: ingest (issue 2). Placeholder signatures so other stages compile; replace the bodies.

/// What reading one file gave: its postings, and the rows that could not be read.
public struct FileReadResult: Sendable {
    public var postings: [Posting]
    /// Problems with single rows or records; the rest of the file was read.
    public var rowErrors: [IngestError]

    public init(postings: [Posting], rowErrors: [IngestError] = []) {
        self.postings = postings
        self.rowErrors = rowErrors
    }
}

/// Settings for reading postings.
public struct ReaderOptions: Sendable {
    /// Files larger than this are refused (bytes). Default 16 MB.
    public var maxFileSize: Int = 16 * 1024 * 1024
    /// Column overrides for CSV/JSON exports: field (`title`, `description`, `company`, `location`, `date`) → column.
    public var columns: [String: String] = [:]
    /// The day the collection was made, for relative dates ("30+ days ago"); nil leaves them unknown.
    public var collectionDate: PostingDate?

    public init() {}
}

/// Why a file or a row could not be read.
public enum IngestError: LocalizedError, Sendable, Equatable {
    case unreadable(path: String, reason: String)

    public var errorDescription: String? {
        switch self {
        case .unreadable(let path, let reason): return "\(path): \(reason)"
        }
    }
}

/// Reads postings from any supported file.
public struct PostingReader: Sendable {
    public var options: ReaderOptions

    public init(options: ReaderOptions = .init()) {
        self.options = options
    }

    /// Reads every posting in one file. Throws `IngestError` when the file as a whole cannot be read.
    public func read(path: String) throws -> FileReadResult {
        throw IngestError.unreadable(path: path, reason: "not implemented yet")
    }
}
