import Foundation

/// Counts of what a store holds.
public struct StoreStatistics: Sendable, Codable, Equatable {
    /// Distinct postings (exact duplicates share one).
    public var postings: Int
    /// Postings that are near-duplicate reposts of an earlier one.
    public var reposts: Int
    /// Places postings were seen (file, row or line).
    public var sources: Int
    /// Input files read to the end at least once.
    public var files: Int
    /// Input problems recorded over all runs.
    public var errors: Int
    public var runs: Int

    public init(postings: Int, reposts: Int, sources: Int, files: Int, errors: Int, runs: Int) {
        self.postings = postings
        self.reposts = reposts
        self.sources = sources
        self.files = files
        self.errors = errors
        self.runs = runs
    }

    /// The one query both back ends count with: one row of six counts, in the order of `init`'s arguments.
    static let query = """
        SELECT (SELECT COUNT(*) FROM postings),
               (SELECT COUNT(*) FROM postings WHERE repost_of IS NOT NULL),
               (SELECT COUNT(*) FROM sources),
               (SELECT COUNT(*) FROM files),
               (SELECT COUNT(*) FROM errors),
               (SELECT COUNT(*) FROM runs)
        """
}
