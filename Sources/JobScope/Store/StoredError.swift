import Foundation

/// A file or row that a run could not read, as the store's `errors` table keeps it.
public struct StoredError: Sendable, Codable, Equatable {
    public var run: Int64
    public var path: String
    public var row: Int?
    public var line: Int?
    /// The one-line reason, naming the file (and row).
    public var message: String
}
