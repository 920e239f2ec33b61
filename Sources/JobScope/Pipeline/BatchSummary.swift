import Foundation

/// What a batch run did.
public struct BatchSummary: Sendable, Codable, Equatable {
    /// The run's id in the store.
    public var runID: Int64 = 0
    /// Files read (to the end or with some bad rows).
    public var filesRead = 0
    /// Files skipped because they are unchanged since a completed earlier read under the same model.
    public var filesSkipped = 0
    /// Files that could not be read at all.
    public var filesFailed = 0
    /// Files inside the folders whose extension JobScope does not read; passed over, not errors.
    public var filesUnsupported = 0
    /// Postings not stored before (near-duplicate reposts are counted apart, in `reposts`).
    public var newPostings = 0
    /// Postings not stored before that are near-duplicate reposts of a stored one (stored, linked, left out of trends).
    public var reposts = 0
    /// Exact duplicates: a stored posting seen in another place; only the place is recorded.
    public var duplicates = 0
    /// Postings already stored from the same place under the current model (including skipped files).
    public var unchanged = 0
    /// Stored postings analyzed again: an older model, `--reclassify`, or an edited source.
    public var reclassified = 0
    /// Stored postings dropped because the changed file they came from no longer contains them.
    public var removed = 0
    /// Files and rows that could not be read, each reported once.
    public var errors = 0
    /// Earlier runs on this store that never finished (killed); this run picked up after them.
    public var interruptedRuns = 0
    /// True when the run was stopped (Ctrl-C) before it had read everything.
    public var cancelled = false
    /// Wall-clock seconds.
    public var elapsed = 0.0

    public init() {}

    /// Postings handled: every place a posting was seen, stored or recognized.
    public var postingsSeen: Int { newPostings + reposts + duplicates + unchanged + reclassified }

    /// Postings handled per second.
    public var postingsPerSecond: Double { elapsed > 0 ? Double(postingsSeen) / elapsed : 0 }
}

extension BatchSummary {
    mutating func add(_ tally: StoreBatch.Tally) {
        newPostings += tally.new
        reposts += tally.reposts
        duplicates += tally.duplicates
        unchanged += tally.unchanged
        reclassified += tally.reclassified
    }
}
