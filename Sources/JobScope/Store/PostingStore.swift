import Foundation

// OWNER: store (issue 5). Placeholder so the report stage compiles; replace freely but keep
// `init(path:)` and `reportRecords(includeReposts:)`, which the report command uses.

/// The SQLite store of analyzed postings.
public final class PostingStore: Sendable {
    public let path: String

    /// Opens (creating and migrating when needed) the store at `path`.
    public init(path: String) throws {
        self.path = path
    }

    /// Every analyzed posting in the form the trend report reads.
    public func reportRecords(includeReposts: Bool = false) throws -> [ReportRecord] {
        []
    }
}
