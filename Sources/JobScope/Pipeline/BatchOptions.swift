import Foundation

/// How `BatchAnalyzer` runs.
public struct BatchOptions: Sendable {
    /// Files read and posting chunks analyzed at once. Default: the number of cores.
    public var jobs: Int = ProcessInfo.processInfo.activeProcessorCount
    /// Re-analyze every posting, even those stored under the current model.
    public var reclassify = false
    /// Read hidden files and folders (names starting with ".") too.
    public var includeHidden = false
    /// Follow symbolic links that lead out of the given paths (loops still end).
    public var followLinks = false
    /// How files are read (size limit, column names, collection date).
    public var reader = ReaderOptions()
    /// Postings written per transaction: what a crash can lose at most.
    public var transactionSize = 512
    /// Body bytes that fill a transaction before `transactionSize` postings do: long postings are written in
    /// smaller transactions instead of being held by the thousand (what a run's memory grows with). About 500
    /// postings of the median real length (~5 KB) stay under the default, so their transactions are cut by count.
    public var transactionBodyBytes = 4 << 20
    /// Postings analyzed per task when a file holds many (a big CSV is spread over all cores).
    public var chunkSize = 64
    /// Walk the inputs once ahead to count their files: the progress total and ETA. Not needed without a
    /// progress line, and not free on a folder of many thousand files.
    public var countFiles = true
    /// Seconds between progress events.
    public var progressInterval = 0.2

    public init() {}
}
