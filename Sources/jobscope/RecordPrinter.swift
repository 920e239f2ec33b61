import ArgumentParser
import Foundation
import JobScope

/// How a command that prints postings prints them.
enum RecordFormat: String, ExpressibleByArgument, CaseIterable {
    /// Readable text, the command's own layout.
    case text
    /// One JSON array, written element by element as the postings come.
    case json
    /// One JSON object per line.
    case jsonl
    /// Nothing: read (and analyze) only, then print throughput.
    case none
}

/// Prints one record per posting on standard output in a `RecordFormat`, each as soon as it comes (memory holds
/// one record, never the output); keys are sorted, slashes unescaped. A failed write (a full disk, a closed pipe)
/// throws an `OutputError` naming standard output, which the root maps to exit status 2.
struct RecordPrinter {
    let format: RecordFormat
    private let output = OutputFile.standardOutput()
    private let json: JSONStreamWriter

    init(format: RecordFormat) {
        self.format = format
        json = JSONStreamWriter(output: output, layout: format == .json ? .prettyArray : .lines)
    }

    func begin() throws {
        if format == .json { try json.begin() }
    }

    /// Prints `record`; `text` gives the text layout (printed with a line break after it, escape sequences
    /// from the input removed so a posting cannot drive the terminal).
    func print<Record: Encodable>(_ record: Record, text: () -> String) throws {
        switch format {
        case .none: return
        case .text: try output.write(TerminalText.clean(text()) + "\n")
        case .json, .jsonl: try json.write(record)
        }
    }

    func end() throws {
        switch format {
        case .json, .jsonl: try json.end()
        case .text, .none: try output.flush()
        }
    }
}
