import Foundation

/// A flag that asks a running batch to stop starting new work; what is in flight is finished and written.
/// Set from a signal handler or another task.
public final class BatchCancellation: Sendable {
    // A lock rather than an atomic: the flag is read a few times per file, never in a hot loop.
    private let cancelled = Locked(false)

    public init() {}

    /// Asks the run to stop.
    public func cancel() {
        cancelled.withLock { $0 = true }
    }

    public var isCancelled: Bool {
        cancelled.value
    }
}
