import Dispatch
import Foundation
import JobScope

/// Turns the first Ctrl-C (or SIGTERM) into a graceful stop of a batch run: no new work starts, what is in
/// flight is written, the summary is printed. A second Ctrl-C quits at once (the store stays consistent anyway).
final class StopSignals: @unchecked Sendable {
    private var sources: [DispatchSourceSignal] = []

    init(cancellation: BatchCancellation, console: Console) {
        for signalNumber in [SIGINT, SIGTERM] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler {
                if cancellation.isCancelled { exit(130) }
                cancellation.cancel()
                console.note("Stopping after the work in flight is stored… (Ctrl-C again to quit now)")
            }
            source.resume()
            sources.append(source)
        }
    }

    /// Gives the signals back their default action.
    func restore() {
        for source in sources { source.cancel() }
        signal(SIGINT, SIG_DFL)
        signal(SIGTERM, SIG_DFL)
    }
}
