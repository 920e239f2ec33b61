import Foundation

/// Where a batch run stands, for a progress line.
public struct BatchProgress: Sendable, Equatable {
    /// Files read, skipped as unchanged, or failed.
    public var filesDone: Int
    /// All files the run will look at, once the walk counting them has finished.
    public var filesTotal: Int?
    /// Postings written to the store (each place a posting was seen counts).
    public var postingsDone: Int
    public var errors: Int
    /// Seconds since the run started.
    public var elapsed: Double

    public init(filesDone: Int, filesTotal: Int?, postingsDone: Int, errors: Int, elapsed: Double) {
        self.filesDone = filesDone
        self.filesTotal = filesTotal
        self.postingsDone = postingsDone
        self.errors = errors
        self.elapsed = elapsed
    }

    /// Postings per second so far.
    public var rate: Double { elapsed > 0 ? Double(postingsDone) / elapsed : 0 }

    /// Seconds left at the pace so far, when the total is known.
    public var secondsLeft: Double? {
        guard let filesTotal, filesDone > 0, elapsed > 0 else { return nil }
        return elapsed / Double(filesDone) * Double(max(filesTotal - filesDone, 0))
    }
}
