import Foundation

/// Which periods a posting counts in.
public enum ReportCounting: String, Sendable, Codable, CaseIterable {
    /// Once, in the period it was first seen; near-duplicate reposts are left out (or counted as postings of their
    /// own with `--include-reposts`).
    case new
    /// In every period it was posted or reposted, once per period (the convention of postings indexes such as
    /// Indeed's Hiring Lab): a role that stays open stays in the counts.
    case active

    /// The rule in words, as every report prints it.
    public func statement(_ granularity: ReportGranularity) -> String {
        switch self {
        case .new: return "counting new postings: each once, in the \(granularity.rawValue) first seen"
        case .active: return "counting active postings: each once in every \(granularity.rawValue) it was posted or reposted"
        }
    }
}
