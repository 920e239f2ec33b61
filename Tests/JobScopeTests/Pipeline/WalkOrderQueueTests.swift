import Testing

@testable import JobScope

@Suite("WalkOrderQueue")
struct WalkOrderQueueTests {
    /// Everything the queue hands on right now, as "file.chunk" labels.
    static func drain(_ queue: inout WalkOrderQueue<String>) -> [String] {
        var taken: [String] = []
        while let (order, work) = queue.next() {
            #expect(work == "\(order.file).\(order.chunk)")
            taken.append(work)
        }
        return taken
    }

    static func add(_ queue: inout WalkOrderQueue<String>, file: Int, chunk: Int) {
        queue.add("\(file).\(chunk)", at: WalkOrder(file: file, chunk: chunk))
    }

    @Test("work back out of order is handed on in walk order, and waits for the piece whose turn it is")
    func reorders() {
        var queue = WalkOrderQueue<String>()
        Self.add(&queue, file: 2, chunk: -1)
        Self.add(&queue, file: 1, chunk: -1)
        #expect(Self.drain(&queue).isEmpty)
        #expect(queue.waiting == 2)
        #expect(queue.expected == .whole(0))
        Self.add(&queue, file: 0, chunk: -1)
        #expect(Self.drain(&queue) == ["0.-1", "1.-1", "2.-1"])
        #expect(queue.waiting == 0)
        #expect(queue.expected == .whole(3))
    }

    @Test("a split file's chunks follow its own piece, in chunk order, before the next file")
    func chunksFollowTheirFile() {
        var queue = WalkOrderQueue<String>()
        Self.add(&queue, file: 1, chunk: -1)
        queue.split(file: 0, into: 3)
        Self.add(&queue, file: 0, chunk: -1)
        Self.add(&queue, file: 0, chunk: 2)
        #expect(Self.drain(&queue) == ["0.-1"])
        #expect(queue.expected == WalkOrder(file: 0, chunk: 0))
        Self.add(&queue, file: 0, chunk: 1)
        #expect(Self.drain(&queue).isEmpty)
        Self.add(&queue, file: 0, chunk: 0)
        #expect(Self.drain(&queue) == ["0.0", "0.1", "0.2", "1.-1"])
    }

    @Test("a piece completes its file when it is the file's last: the whole file unsplit, else its last chunk")
    func completion() {
        var queue = WalkOrderQueue<String>()
        queue.split(file: 1, into: 2)
        for (file, chunk) in [(0, -1), (1, -1), (1, 0), (1, 1)] { Self.add(&queue, file: file, chunk: chunk) }
        var completed: [String] = []
        while let (order, work) = queue.next() {
            if queue.completedFile(at: order) { completed.append(work) }
        }
        #expect(completed == ["0.-1", "1.1"])
    }
}
