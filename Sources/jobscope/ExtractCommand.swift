import ArgumentParser
import Foundation
import JobScope

/// `jobscope extract PATH…`: shows what JobScope read from each posting.
struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Show what JobScope reads from posting files (HTML, text, Markdown, CSV/TSV, JSON, JSONL).",
        discussion: """
        Folders are walked recursively (hidden files and a folder's README/LICENSE skipped, symlink loops not \
        followed, dangling links reported). Errors name the file (and row); the other files are still read, \
        and the exit code is 1 when any file or row failed.
        """
    )

    @OptionGroup var input: InputOptions

    @Option(name: .long, help: "Output: text, json (an array), jsonl (one posting a line), or none (read only and print throughput).")
    var format: RecordFormat = .text

    func run() throws {
        let runner = PostingRunner(input: input, console: Console())
        let printer = RecordPrinter(format: format)
        try printer.begin()
        let tally = try runner.run { posting in try printer.print(posting) { Self.text(posting) } }
        try printer.end()
        if format == .none {
            let mb = Double(tally.bytes) / 1_000_000, seconds = tally.seconds
            print(PostingRunner.describe(tally)
                  + String(format: ", %.1f MB in %.2f s (%.1f MB/s, %.0f postings/s)", mb, seconds,
                           mb / max(seconds, 1e-9), Double(tally.postings) / max(seconds, 1e-9)))
        }
        try runner.finish(tally, summary: format != .none)
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
