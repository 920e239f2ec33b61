import Foundation

/// What one pass of the streaming filter did.
public struct StreamSummary: Sendable, Equatable {
    /// Input lines read (blank ones included).
    public var lines = 0
    /// Result records written.
    public var postings = 0
    /// Error records written (lines that gave no posting).
    public var errors = 0

    public init(lines: Int = 0, postings: Int = 0, errors: Int = 0) {
        self.lines = lines
        self.postings = postings
        self.errors = errors
    }
}
