import Synchronization

/// A value shared between threads, read and changed only while its lock is held: the one lock type of JobScope.
///
/// A class around `Mutex` so it can be captured by concurrent closures and stored in other types (a `Mutex` can
/// be neither copied nor captured).
public final class Locked<Value: Sendable>: Sendable {
    private let mutex: Mutex<Value>

    public init(_ value: Value) {
        mutex = Mutex(value)
    }

    /// Runs `body` with the value, holding the lock; what `body` returns is handed back.
    public func withLock<Result: Sendable>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        try mutex.withLock { value in try body(&value) }
    }

    /// A copy of the value as it is now.
    public var value: Value {
        withLock { $0 }
    }
}
