import Foundation

/// Maps the records of one big file on all cores, keeping their order: a 4 MB export is otherwise read
/// on one core while the others wait.
enum ParallelRows {
    /// `transform` applied to every index in `0..<count`, in order; chunks of at least `minimumChunk`
    /// indexes run in parallel (small inputs run inline).
    static func map<T: Sendable>(count: Int, minimumChunk: Int = 128, _ transform: @Sendable (Int) -> T) -> [T] {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        let chunks = min(cores * 4, count / minimumChunk)
        guard chunks > 1 else { return (0..<count).map(transform) }
        let slots = ResultSlots<[T]>(count: chunks)
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            let lower = count * chunk / chunks, upper = count * (chunk + 1) / chunks
            slots.set(chunk, (lower..<upper).map(transform))
        }
        return slots.values().flatMap { $0 }
    }
}

/// Results written by worker threads into their own slots; the lock guards the array itself.
final class ResultSlots<T: Sendable>: Sendable {
    private let slots: Locked<[T?]>

    init(count: Int) { slots = Locked(Array(repeating: nil, count: count)) }

    func set(_ index: Int, _ value: T) {
        slots.withLock { $0[index] = value }
    }

    /// The filled slots, in index order.
    func values() -> [T] {
        slots.withLock { $0.compactMap { $0 } }
    }
}
