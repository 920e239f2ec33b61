import Foundation

/// A named place in the store's write path where a crash-safety test can have the process killed without warning.
///
/// `JOBSCOPE_CRASH_AT=NAME:N` (read once, at the first pass) sends SIGKILL to the process the Nth time it passes the
/// point `NAME`; unset, as in every normal run, a pass costs one comparison. It exists because a kill timed from
/// outside lands only where the run spends its time, never in the short windows between two writes that matter.
enum CrashPoint: String, CaseIterable, Sendable {
    /// Inside a batch's transaction, after its postings, before its files are recorded.
    case betweenPostingsAndFiles = "between-postings-and-files"
    /// Inside a batch's transaction, after every write, before the commit.
    case beforeCommit = "before-commit"
    /// Just after a batch's transaction committed.
    case afterCommit = "after-commit"

    private static let armed: (point: CrashPoint, count: Int)? = {
        guard let spec = ProcessInfo.processInfo.environment["JOBSCOPE_CRASH_AT"] else { return nil }
        let parts = spec.split(separator: ":", maxSplits: 1).map(String.init)
        guard let point = CrashPoint(rawValue: parts[0]) else { return nil }
        return (point, parts.count > 1 ? max(1, Int(parts[1]) ?? 1) : 1)
    }()
    private static let passes = Locked(0)

    /// Kills the process when this point is the armed one and this is its Nth pass.
    func pass() {
        guard let armed = Self.armed, armed.point == self else { return }
        if Self.passes.withLock({ count in count += 1; return count }) == armed.count {
            kill(getpid(), SIGKILL)
        }
    }
}
