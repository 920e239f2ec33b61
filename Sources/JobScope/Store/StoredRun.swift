import Foundation

/// One `analyze` run as the store's `runs` table keeps it.
public struct StoredRun: Sendable, Codable, Equatable {
    public var id: Int64
    public var startedAt: String
    public var finishedAt: String?
    /// `running` (or killed before it could say otherwise), `completed`, `cancelled` or `interrupted`.
    public var status: String
    public var modelVersion: String
    /// The paths the run was given, one a line.
    public var inputs: String
    public var newPostings: Int
    public var reposts: Int
    public var duplicates: Int
    public var unchanged: Int
    public var reclassified: Int
    public var errors: Int
}
