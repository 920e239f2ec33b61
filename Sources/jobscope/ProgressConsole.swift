import Foundation
import JobScope
import Rainbow

/// Draws a batch run's progress line on stderr (a terminal only) and keeps error lines from mixing into it.
final class ProgressConsole: @unchecked Sendable {
    let showProgress: Bool
    private let lock = NSLock()
    private var lineShown = false

    init(showProgress: Bool) {
        self.showProgress = showProgress
    }

    /// Redraws the progress line.
    func show(_ p: BatchProgress) {
        guard showProgress else { return }
        let n = NumberText.grouped
        var parts = ["files \(n(p.filesDone))\(p.filesTotal.map { "/\(n($0))" } ?? "")",
                     "postings \(n(p.postingsDone))", "\(n(Int(p.rate.rounded())))/s"]
        if p.errors > 0 { parts.append("errors \(n(p.errors))".red) }
        if let left = p.secondsLeft { parts.append("ETA \(NumberText.duration(left))") }
        write("\r\u{1B}[K" + parts.joined(separator: " · "), keepsLine: true)
    }

    /// Prints one problem line, above the progress line.
    func problem(_ message: String) {
        write(clearing() + "error: ".red + TerminalText.clean(message) + "\n", keepsLine: false)
    }

    /// Prints a note (signals), above the progress line.
    func note(_ message: String) {
        write(clearing() + message + "\n", keepsLine: false)
    }

    /// Removes the progress line before the summary is printed.
    func finish() {
        write(clearing(), keepsLine: false)
    }

    private func clearing() -> String {
        lock.withLock { lineShown ? "\r\u{1B}[K" : "" }
    }

    private func write(_ text: String, keepsLine: Bool) {
        lock.withLock {
            FileHandle.standardError.write(Data(text.utf8))
            lineShown = keepsLine
        }
    }
}
