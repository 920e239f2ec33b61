import Foundation
import Testing

@testable import JobScope

@Suite("Concurrently")
struct ConcurrentlyTests {
    @Test("both pieces of work run, each result comes back in its own place")
    func both() {
        let (numbers, text) = Concurrently.run({ (1...1000).map { $0 * 2 } }, { String(repeating: "ab", count: 3) })
        #expect(numbers.count == 1000 && numbers.last == 2000)
        #expect(text == "ababab")
    }

    @Test(
        "the two run at the same time: each can wait for the other without a deadlock",
        .enabled(if: ProcessInfo.processInfo.activeProcessorCount > 1, "one core runs them one after the other"))
    func atOnce() {
        // Each side signals, then waits for the other's signal: one after the other this would never end, so a
        // timeout (false) shows the two did not run at once.
        let first = DispatchSemaphore(value: 0)
        let second = DispatchSemaphore(value: 0)
        let (a, b) = Concurrently.run(
            { () -> Bool in
                first.signal()
                return second.wait(timeout: .now() + 30) == .success
            },
            { () -> Bool in
                second.signal()
                return first.wait(timeout: .now() + 30) == .success
            })
        #expect(a && b)
    }
}
