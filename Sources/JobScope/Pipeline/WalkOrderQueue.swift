/// Where a piece of a run's work falls in walk order: the file's place, then the chunk's (-1: the file as a whole).
struct WalkOrder: Hashable, Sendable {
    var file: Int
    var chunk: Int

    /// The first piece of the file at place `file`: the file as a whole.
    static func whole(_ file: Int) -> WalkOrder { WalkOrder(file: file, chunk: -1) }
}

/// Work that parallel workers hand back in any order, handed on in walk order.
///
/// Each file is one piece (`WalkOrder.whole`); a file found to hold many postings is then `split` into chunks,
/// which follow its whole-file piece. Taking work in walk order whatever order the workers finish in makes the
/// first of several copies of a posting, and with it what the store keeps, independent of timing.
struct WalkOrderQueue<Work> {
    private var arrived: [WalkOrder: Work] = [:]
    /// Files split into chunks, by place: how many chunks.
    private var chunkCounts: [Int: Int] = [:]
    /// The piece whose turn it is.
    private(set) var expected = WalkOrder.whole(0)

    /// Pieces back ahead of their turn.
    var waiting: Int { arrived.count }

    /// Says that the file at place `file` is worked on in `count` chunks, taken after its whole-file piece.
    mutating func split(file: Int, into count: Int) {
        chunkCounts[file] = count
    }

    /// Adds a piece that came back from a worker.
    mutating func add(_ work: Work, at order: WalkOrder) {
        arrived[order] = work
    }

    /// The piece whose turn it is, if it is back; the piece after it becomes the expected one.
    mutating func next() -> (order: WalkOrder, work: Work)? {
        guard let work = arrived.removeValue(forKey: expected) else { return nil }
        let order = expected
        let chunks = chunkCounts[order.file] ?? 0
        if order.chunk + 1 < chunks {
            expected = WalkOrder(file: order.file, chunk: order.chunk + 1)
        } else {
            chunkCounts[order.file] = nil
            expected = .whole(order.file + 1)
        }
        return (order, work)
    }

    /// True when the piece at `order`, already taken, was its file's last.
    func completedFile(at order: WalkOrder) -> Bool {
        expected.file != order.file
    }
}
