/// The postings one run has analyzed and queued for the store, by id, with the content hash that was analyzed.
///
/// A copy of a posting met later in the same run (a repost on another page, the same row in two exports) takes
/// the queued analysis instead of being analyzed again, and needs no store lookup while the store holds only
/// this run's postings. Only the run loop inserts, after an analyzed posting joined the pending batch: whatever a
/// worker finds here is therefore written before, or in the same transaction ahead of, the copy it finds.
///
/// Bounded to `capacity` ids so memory stays flat on any collection: past it, copies are found through the
/// store, which is slower but gives the same answers.
final class RunPostingIndex: Sendable {
    private struct State: Sendable {
        var hashes: [String: String] = [:]
        var isFull = false
    }

    private let state = Locked(State())
    /// Ids held at most.
    let capacity: Int
    /// True when the store held no posting when the run began: the index then knows everything stored.
    let storeStartedEmpty: Bool

    init(storeStartedEmpty: Bool, capacity: Int = 200_000) {
        self.storeStartedEmpty = storeStartedEmpty
        self.capacity = capacity
    }

    /// The content hash queued for posting `id` in this run; nil when this run has not analyzed it.
    func queuedContentHash(of id: String) -> String? {
        state.withLock { $0.hashes[id] }
    }

    /// True when an id missing from the index cannot be in the store either: the store began empty and no id
    /// was dropped for want of room.
    var isComplete: Bool {
        storeStartedEmpty && !state.withLock { $0.isFull }
    }

    /// Records that posting `id` with `contentHash` was analyzed and queued. The first queued stays: it is the
    /// one the store keeps.
    func insert(id: String, contentHash: String) {
        state.withLock { state in
            guard state.hashes[id] == nil else { return }
            if state.hashes.count >= capacity {
                state.isFull = true
                return
            }
            state.hashes[id] = contentHash
        }
    }
}
