import Foundation

/// Settings for reading postings.
public struct ReaderOptions: Sendable {
    /// Whether a posting's path may give its date (`jobs/Python/2024-10/<slug>/README.md`).
    public enum DateFromPath: String, Sendable, CaseIterable, Codable {
        /// Never: a posting without a date of its own stays undated.
        case off
        /// When the posting carries no date, a `YYYY-MM` or `YYYY-MM-DD` path segment gives it.
        case auto
        /// As `auto`, and a posting that still has no date is a row error (left out).
        case required
    }

    /// Files larger than this are refused (bytes). Default 16 MB.
    public var maxFileSize: Int = 16 * 1024 * 1024
    /// Column overrides for CSV/JSON exports: field (`title`, `description`, `company`, `location`, `date`,
    /// `employment_type`, `salary`, `skills`) → column or key name (matched case-insensitively).
    public var columns: [String: String] = [:]
    /// The day the collection was made, for relative dates ("30+ days ago"); nil leaves them unknown.
    public var collectionDate: PostingDate?
    /// Dates from the path for postings that carry none (default `auto`).
    public var dateFromPath: DateFromPath = .auto
    /// Read a table whose columns give no body (titles only) instead of failing the file.
    public var allowEmptyBody = false

    public init() {}

    /// Options with the given overrides.
    public init(maxFileSize: Int = 16 * 1024 * 1024, columns: [String: String] = [:],
                collectionDate: PostingDate? = nil, dateFromPath: DateFromPath = .auto, allowEmptyBody: Bool = false) {
        self.maxFileSize = maxFileSize
        self.columns = columns
        self.collectionDate = collectionDate
        self.dateFromPath = dateFromPath
        self.allowEmptyBody = allowEmptyBody
    }
}
