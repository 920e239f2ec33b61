import Foundation

/// Settings for reading postings.
public struct ReaderOptions: Sendable {
    /// Files larger than this are refused (bytes). Default 16 MB.
    public var maxFileSize: Int = 16 * 1024 * 1024
    /// Column overrides for CSV/JSON exports: field (`title`, `description`, `company`, `location`, `date`,
    /// `employment_type`, `salary`, `skills`) → column or key name (matched case-insensitively).
    public var columns: [String: String] = [:]
    /// The day the collection was made, for relative dates ("30+ days ago"); nil leaves them unknown.
    public var collectionDate: PostingDate?

    public init() {}

    /// Options with the given overrides.
    public init(maxFileSize: Int = 16 * 1024 * 1024, columns: [String: String] = [:],
                collectionDate: PostingDate? = nil) {
        self.maxFileSize = maxFileSize
        self.columns = columns
        self.collectionDate = collectionDate
    }
}
