import Foundation
import JobScope

/// Prints postings for `extract` as readable text, a JSON array, or JSON lines.
struct PostingPrinter {
    var format: ExtractCommand.OutputFormat
    private var first = true
    private let encoder: JSONEncoder

    init(format: ExtractCommand.OutputFormat) {
        self.format = format
        encoder = JSONEncoder()
        encoder.outputFormatting = format == .json ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            : [.sortedKeys, .withoutEscapingSlashes]
    }

    func begin() {
        if format == .json { Swift.print("[") }
    }

    mutating func print(_ posting: Posting) {
        switch format {
        case .none: return
        case .text: Swift.print(Self.text(posting))
        case .json:
            let json = String(decoding: (try? encoder.encode(posting)) ?? Data(), as: UTF8.self)
            Swift.print((first ? "" : ",\n") + json, terminator: "")
        case .jsonl:
            Swift.print(String(decoding: (try? encoder.encode(posting)) ?? Data(), as: UTF8.self))
        }
        first = false
    }

    func end() {
        if format == .json { Swift.print(first ? "]" : "\n]") }
    }

    /// The text view: a header block of fields, then the body.
    static func text(_ p: Posting) -> String {
        var lines = ["== \(p.source)  [\(p.id)]"]
        func add(_ label: String, _ value: String?) {
            if let value, !value.isEmpty { lines.append(label.padding(toLength: 10, withPad: " ", startingAt: 0) + value) }
        }
        add("Title:", p.title)
        add("Company:", p.company)
        add("Location:", p.location)
        add("Posted:", p.datePosted?.description)
        add("Type:", p.employmentType)
        add("Salary:", p.salaryText)
        add("Skills:", p.listedSkills.isEmpty ? nil : p.listedSkills.joined(separator: ", "))
        add("Extra:", p.extra.isEmpty ? nil : p.extra.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "; "))
        lines.append("")
        lines.append(p.body)
        lines.append("")
        return lines.joined(separator: "\n")
    }
}
