import ArgumentParser
import Dispatch
import Foundation
import JobScope

struct AnalyzeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Analyze every posting in files and folders into a store, SQLite or PostgreSQL (incremental, deduplicated).",
        discussion: """
            Reads every file under the given paths (HTML, text, JSON, JSONL, CSV), finds skills and attributes, \
            classifies the role, and stores the results. Runs again add only what is new: postings already stored \
            under the current model are skipped, unchanged files are not even read, and postings stored by an \
            older model are classified again (all of them with --reclassify). Exact duplicates are stored once \
            with every place they were seen; near-duplicate reposts (same company, body within 3 of 64 SimHash \
            bits, near-same title) are linked to the first posting and left out of trend reports.

            --output never overwrites the store or an input (refused, exit 2, nothing written) and replaces an \
            older file only once the whole export is written. Symbolic links leading out of the given folders \
            are not followed (--follow-links), and FIFOs, sockets and devices are skipped unopened.

            Bad files and rows are reported on stderr, one line each, recorded in the store's errors table, \
            and the batch goes on. Ctrl-C stops after the work in flight is written; a killed run loses at \
            most one transaction and the next run resumes.

            Exit status: 0 every input was read; 1 some files or rows could not be read (the rest is stored); \
            2 the run could not start or the store failed; 130 stopped by Ctrl-C; 64 bad arguments.
            """)

    @OptionGroup var input: InputOptions

    @Option(help: "The store to create or update: a SQLite file, or postgresql://USER@HOST:PORT/DATABASE (shared by concurrent runs).")
    var store = "jobscope.sqlite"

    @Flag(help: "Classify every posting again, even those stored under the current model.")
    var reclassify = false

    @Option(help: "Also write one record per posting seen by this run to FILE.jsonl or FILE.csv.")
    var output: String?

    @Flag(help: "With --output FILE.csv: write cells starting with = + - @ as they are (by default they get a leading ' so a spreadsheet does not run them).")
    var rawCSV = false

    @Flag(name: .shortAndLong, help: "No progress line; only errors and the final summary.")
    var quiet = false

    @OptionGroup var model: ModelOptions

    func validate() throws {
        if let output, PostingExportWriter.Format(rawValue: (output as NSString).pathExtension.lowercased()) == nil {
            throw ValidationError("--output must end in .jsonl or .csv, got '\(output)'")
        }
    }

    func run() async throws {
        var options = BatchOptions()
        options.reclassify = reclassify
        options.includeHidden = input.includeHidden
        options.jobs = input.jobCount
        options.reader = input.readerOptions
        options.followLinks = input.followLinks
        // Before anything is written: the export must not overwrite the store or an input.
        let location = try StoreLocation(parsing: store)
        if let output { try OutputGuard(stores: location.files, inputs: input.paths).check(output: output) }

        let console = Console(showProgress: !quiet)
        options.countFiles = console.showProgress
        let analyzer = try model.loadAnalyzer()
        let postingStore = try await location.open()
        let batch = BatchAnalyzer(store: postingStore, analyzer: analyzer, options: options)
        let cancellation = BatchCancellation()
        let signals = StopSignals(cancellation: cancellation, console: console)
        let summary: BatchSummary
        do {
            summary = try await batch.run(paths: input.paths, excluding: output.map { [$0] } ?? [],
                                          cancellation: cancellation) { event in
                switch event {
                case .progress(let progress): console.show(progress)
                case .problem(let message): console.error(message)
                }
            }
        } catch {
            console.finish()
            throw error
        }
        signals.restore()
        console.finish()

        var exported: (path: String, count: Int)?
        if let output {
            let writer = try PostingExportWriter(path: output, rawCSV: rawCSV)
            try await postingStore.forEachRecord(seenInRun: summary.runID) { try writer.write($0) }
            try writer.close()
            exported = (output, writer.count)
        }
        let totals = try? await postingStore.statistics()
        print(AnalyzeCommand.describe(summary, store: location.description, totals: totals, exported: exported))
        if summary.cancelled { throw ExitStatus.interrupted.code }
        if summary.errors > 0 { throw ExitStatus.someInputUnreadable.code }
    }

    /// The final summary, as printed.
    static func describe(_ s: BatchSummary, store: String, totals: StoreStatistics?,
                         exported: (path: String, count: Int)?) -> String {
        let n = NumberText.grouped
        var lines: [String] = []
        let files = s.filesRead + s.filesSkipped + s.filesFailed
        var fileParts = ["\(n(s.filesRead)) read"]
        if s.filesSkipped > 0 { fileParts.append("\(n(s.filesSkipped)) unchanged and skipped") }
        if s.filesFailed > 0 { fileParts.append("\(n(s.filesFailed)) failed") }
        lines.append("\(s.cancelled ? "Stopped after" : "Analyzed") \(n(files)) file\(files == 1 ? "" : "s") "
                     + "(\(fileParts.joined(separator: ", "))) in \(String(format: "%.1f", s.elapsed)) s: "
                     + "\(n(s.postingsSeen)) postings, \(n(Int(s.postingsPerSecond.rounded()))) postings/s")
        let rows: [(String, Int, String)] = [
            ("new", s.newPostings, ""),
            ("reposts", s.reposts, "near-duplicates of a stored posting; stored, left out of trends"),
            ("duplicates", s.duplicates, "exact copies seen in another place; place recorded"),
            ("unchanged", s.unchanged, "already stored under this model"),
            ("reclassified", s.reclassified, ""),
            ("removed", s.removed, "no longer in their changed file"),
            ("errors", s.errors, s.errors > 0 ? "files or rows not read; see above and the store's errors table" : ""),
        ]
        let width = rows.map { n($0.1).count }.max() ?? 1
        for (label, value, note) in rows where value > 0 || ["new", "errors"].contains(label) {
            let padded = label.padding(toLength: 13, withPad: " ", startingAt: 0)
            let number = String(repeating: " ", count: width - n(value).count) + n(value)
            lines.append("  \(padded)\(number)\(note.isEmpty ? "" : "  (\(note))")")
        }
        if s.filesUnsupported > 0 {
            lines.append("  \(n(s.filesUnsupported)) files of types JobScope does not read were passed over")
        }
        if s.interruptedRuns > 0 {
            lines.append("  resumed after \(s.interruptedRuns) interrupted run\(s.interruptedRuns == 1 ? "" : "s")")
        }
        if let totals {
            lines.append("Store \(store): \(n(totals.postings)) postings (\(n(totals.reposts)) reposts) "
                         + "from \(n(totals.files)) files")
        }
        if let exported {
            lines.append("Wrote \(n(exported.count)) records to \(exported.path)")
        }
        if s.cancelled {
            lines.append("Stopped by Ctrl-C: everything above is stored; run the same command again to finish.")
        }
        return lines.joined(separator: "\n")
    }
}
