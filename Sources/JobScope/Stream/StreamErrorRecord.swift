import Foundation

/// What the streaming filter writes for an input line that gives no posting: the line's number and why.
public struct StreamErrorRecord: Sendable, Codable, Equatable {
    /// 1-based line of the input stream.
    public var line: Int
    /// One-line reason, naming the line.
    public var error: String

    public init(line: Int, error: String) {
        self.line = line
        self.error = error
    }
}
