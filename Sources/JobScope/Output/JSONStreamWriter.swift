import Foundation

/// Writes values as JSON while they come, so printing 100,000 postings holds one at a time: a JSON array
/// (compact, one element a line, or pretty-printed exactly as `JSONEncoder` prints a whole array) or JSON Lines.
public final class JSONStreamWriter {
    /// How the values are laid out.
    public enum Layout: String, Sendable, CaseIterable {
        /// `[`, one compact element a line, `]`.
        case array
        /// The array as `JSONEncoder` with `.prettyPrinted` writes it.
        case prettyArray
        /// One compact value a line, no brackets (JSON Lines).
        case lines
    }

    public let output: OutputFile
    public let layout: Layout
    private let encoder = JSONEncoder()
    /// Values written so far.
    public private(set) var count = 0

    /// Writes to `output`, keys sorted and slashes unescaped.
    public init(output: OutputFile, layout: Layout) {
        self.output = output
        self.layout = layout
        encoder.outputFormatting = layout == .prettyArray ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            : [.sortedKeys, .withoutEscapingSlashes]
    }

    /// Opens the array.
    public func begin() throws {
        if layout != .lines { try output.write("[") }
    }

    /// Appends one value.
    public func write<Value: Encodable>(_ value: Value) throws {
        let data = try encoder.encode(value)
        switch layout {
        case .lines:
            try output.write(data)
            try output.write("\n")
        case .array:
            try output.write(count == 0 ? "\n" : ",\n")
            try output.write(data)
        case .prettyArray:
            // Each of the element's lines one level in, as the whole array's encoding has it (strings never
            // hold a raw line break in JSON, so splitting on them is safe).
            try output.write(count == 0 ? "\n  " : ",\n  ")
            // The blank line inside an empty container gets no indent (as JSONEncoder writes it).
            let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            try output.write(lines.enumerated().map { $0 == 0 || $1.isEmpty ? String($1) : "  " + $1 }
                .joined(separator: "\n"))
        }
        count += 1
    }

    /// Closes the array and flushes.
    public func end() throws {
        switch layout {
        case .lines: break
        case .array, .prettyArray: try output.write(count == 0 ? (layout == .array ? "]\n" : "\n\n]\n") : "\n]\n")
        }
        try output.flush()
    }
}
