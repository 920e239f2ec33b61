import Foundation
import JobScope
import Rainbow

/// Every line JobScope writes to standard error, in one style (`error: …`, `warning: …`, `note: …`), and the
/// progress line of a batch run, which they never mix into. Safe to use from any thread.
final class Console: Sendable {
    /// Whether the progress line is drawn (standard error is a terminal and `--quiet` was not given).
    let showProgress: Bool
    private let colour: Bool
    private let lineShown = Locked(false)

    init(showProgress: Bool = false) {
        let terminal = isatty(STDERR_FILENO) == 1
        self.showProgress = showProgress && terminal
        colour = terminal && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
    }

    /// Something that stopped a file, a row or the command.
    func error(_ message: String) {
        line((colour ? "error: ".red : "error: ") + TerminalText.clean(message))
    }

    /// Something the user should know that did not stop the work.
    func warning(_ message: String) {
        line((colour ? "warning: ".yellow : "warning: ") + TerminalText.clean(message))
    }

    /// What the command is doing or did (signals, files written).
    func note(_ message: String) {
        line("note: " + TerminalText.clean(message))
    }

    /// Redraws the progress line of a batch run.
    func show(_ p: BatchProgress) {
        guard showProgress else { return }
        let n = NumberText.grouped
        var parts = [
            "files \(n(p.filesDone))\(p.filesTotal.map { "/\(n($0))" } ?? "")",
            "postings \(n(p.postingsDone))", "\(n(Int(p.rate.rounded())))/s",
        ]
        if p.errors > 0 { parts.append(colour ? "errors \(n(p.errors))".red : "errors \(n(p.errors))") }
        if let left = p.secondsLeft { parts.append("ETA \(NumberText.duration(left))") }
        write("\r\u{1B}[K" + parts.joined(separator: " · "), keepsLine: true)
    }

    /// Removes the progress line (before a summary is printed).
    func finish() {
        write("", keepsLine: false)
    }

    private func line(_ text: String) {
        write(text + "\n", keepsLine: false)
    }

    private func write(_ text: String, keepsLine: Bool) {
        lineShown.withLock { shown in
            let clearing = shown ? "\r\u{1B}[K" : ""
            FileHandle.standardError.write(Data((clearing + text).utf8))
            shown = keepsLine
        }
    }
}
