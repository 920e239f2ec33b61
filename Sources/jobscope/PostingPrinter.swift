import Foundation
import JobScope

/// Prints postings for `extract` as readable text, a JSON array, or JSON lines, one at a time as they come
/// (flat memory), to standard output; a write failure (a full disk) throws naming it.
struct PostingPrinter {
    var format: ExtractCommand.OutputFormat
    private let output = OutputFile.standardOutput()
    private let json: JSONStreamWriter

    init(format: ExtractCommand.OutputFormat) {
        self.format = format
        json = JSONStreamWriter(output: output, layout: format == .json ? .prettyArray : .lines)
    }

    func begin() throws {
        if format == .json { try json.begin() }
    }

    func print(_ posting: Posting) throws {
        switch format {
        case .none: return
        case .text: try output.write(TerminalText.clean(Self.text(posting)) + "\n")
        case .json, .jsonl: try json.write(posting)
        }
    }

    func end() throws {
        if format == .json || format == .jsonl { try json.end() } else { try output.flush() }
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
