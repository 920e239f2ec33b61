import Foundation

/// Two independent pieces of work run at once, on two cores when there are two: start-up builds the taxonomy's
/// and the model's structures this way, so a one-file command waits for the longer of the two, not their sum.
enum Concurrently {
    /// `first()` and `second()` run at the same time; both results once both are done. Work that can fail
    /// hands back a `Result`, so each caller decides which failure it reports first.
    static func run<A: Sendable, B: Sendable>(_ first: @Sendable () -> A, _ second: @Sendable () -> B) -> (A, B) {
        let firstResult = Locked<A?>(nil)
        let secondResult = Locked<B?>(nil)
        DispatchQueue.concurrentPerform(iterations: 2) { index in
            if index == 0 {
                let result = first()
                firstResult.withLock { $0 = result }
            } else {
                let result = second()
                secondResult.withLock { $0 = result }
            }
        }
        // concurrentPerform returns only once both iterations have run, so both results are set.
        return (firstResult.value!, secondResult.value!)
    }
}
