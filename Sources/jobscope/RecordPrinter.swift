import ArgumentParser
import Foundation

/// How a command that prints postings prints them.
enum RecordFormat: String, ExpressibleByArgument, CaseIterable {
    /// Readable text, the command's own layout.
    case text
    /// One JSON array.
    case json
    /// One JSON object per line.
    case jsonl
    /// Nothing: read (and analyze) only, then print throughput.
    case none
}

/// Prints one record per posting on standard output in a `RecordFormat`; keys are sorted, slashes unescaped.
struct RecordPrinter {
    let format: RecordFormat
    private var first = true
    private let encoder: JSONEncoder

    init(format: RecordFormat) {
        self.format = format
        encoder = JSONEncoder()
        encoder.outputFormatting =
            format == .json
            ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            : [.sortedKeys, .withoutEscapingSlashes]
    }

    func begin() {
        if format == .json { Swift.print("[") }
    }

    /// Prints `record`; `text` gives the text layout (printed with a line break after it).
    mutating func print<Record: Encodable>(_ record: Record, text: () -> String) throws {
        switch format {
        case .none: return
        case .text: Swift.print(text())
        case .json:
            Swift.print(
                (first ? "" : ",\n") + String(decoding: try encoder.encode(record), as: UTF8.self),
                terminator: "")
        case .jsonl:
            Swift.print(String(decoding: try encoder.encode(record), as: UTF8.self))
        }
        first = false
    }

    func end() {
        if format == .json { Swift.print(first ? "]" : "\n]") }
    }
}
