import ArgumentParser
import Dispatch
import Foundation
import JobScope

struct AnalyzeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Analyze every posting in files and folders into a SQLite store (incremental, deduplicated).",
        discussion: """
            Reads every file under the given paths (HTML, text, JSON, JSONL, CSV), finds skills and attributes, \
            classifies the role, and stores the results. Runs again add only what is new: postings already stored \
            under the current model are skipped, unchanged files are not even read, and postings stored by an \
            older model are classified again (all of them with --reclassify). Exact duplicates are stored once \
            with every place they were seen; near-duplicate reposts (same company, body within 3 of 64 SimHash \
            bits) are linked to the first posting and left out of trend reports.

            Bad files and rows are reported on stderr, one line each, recorded in the store's errors table, \
            and the batch goes on. Ctrl-C stops after the work in flight is written; a killed run loses at \
            most one transaction and the next run resumes.

            Exit status: 0 every input was read; 1 some files or rows could not be read (the rest is stored); \
            2 the run could not start or the store failed; 130 stopped by Ctrl-C; 64 bad arguments.
            """)

    @Argument(help: "Files and folders to analyze (folders are walked recursively; hidden files and a folder's documentation README/LICENSE are skipped, README postings read).")
    var paths: [String]

    @Option(help: "The SQLite store to create or update.")
    var store = "jobscope.sqlite"

    @Option(help: "Files and chunks worked on at once (default: the number of cores).")
    var jobs: Int?

    @Flag(help: "Classify every posting again, even those stored under the current model.")
    var reclassify = false

    @Option(help: "Also write one record per posting seen by this run to FILE.jsonl or FILE.csv.")
    var output: String?

    @Flag(name: .shortAndLong, help: "No progress line; only errors and the final summary.")
    var quiet = false

    @Flag(help: "Read hidden files and folders (names starting with '.') too.")
    var includeHidden = false

    @Option(help: ArgumentHelp("The day the collection was made (YYYY-MM-DD), for relative dates like '30+ days ago'.",
                               valueName: "date"))
    var collected: String?

    @Option(name: .customLong("column"),
            help: ArgumentHelp("Read a field from a named CSV/JSON column: title, description, company, location or date (repeatable).",
                               valueName: "field=NAME"))
    var columns: [String] = []

    @Option(help: ArgumentHelp("Refuse files larger than this many bytes.", valueName: "bytes"))
    var maxSize: Int?

    @Option(help: "Date undated postings from a YYYY-MM(-DD) path segment: off, auto, or required (undated postings are errors).")
    var dateFromPath: ReaderOptions.DateFromPath = .auto

    @Flag(help: "Read tables whose columns give no description (titles only) instead of failing them.")
    var allowEmptyBody = false

    @OptionGroup var model: ModelOptions

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if let collected, PostingDate(iso: collected) == nil {
            throw ValidationError("--collected must be a date like 2024-05-31, got '\(collected)'")
        }
        for column in columns where !column.contains("=") {
            throw ValidationError("--column takes field=NAME (e.g. title=\"Job Title\"), got '\(column)'")
        }
        if let output, PostingExportWriter.Format(rawValue: (output as NSString).pathExtension.lowercased()) == nil {
            throw ValidationError("--output must end in .jsonl or .csv, got '\(output)'")
        }
        if let maxSize, maxSize < 1 { throw ValidationError("--max-size must be a positive number of bytes") }
    }

    func run() async throws {
        var options = BatchOptions()
        options.reclassify = reclassify
        options.includeHidden = includeHidden
        if let jobs { options.jobs = jobs }
        if let maxSize { options.reader.maxFileSize = maxSize }
        options.reader.collectionDate = collected.flatMap(PostingDate.init(iso:))
        options.reader.dateFromPath = dateFromPath
        options.reader.allowEmptyBody = allowEmptyBody
        for column in columns {
            let parts = column.split(separator: "=", maxSplits: 1)
            options.reader.columns[String(parts[0]).lowercased()] = parts.count > 1 ? String(parts[1]) : ""
        }

        let console = ProgressConsole(showProgress: !quiet && isatty(STDERR_FILENO) == 1)
        options.countFiles = console.showProgress
        let summary: BatchSummary
        let postingStore: PostingStore
        do {
            let analyzer = try PostingAnalyzer.load(modelsDirectory: model.models, taxonomyPath: model.taxonomy)
            postingStore = try PostingStore(path: store)
            let batch = BatchAnalyzer(store: postingStore, analyzer: analyzer, options: options)
            let cancellation = BatchCancellation()
            let signals = StopSignals(cancellation: cancellation, console: console)
            summary = try await batch.run(paths: paths, excluding: output.map { [$0] } ?? [],
                                          cancellation: cancellation) { event in
                switch event {
                case .progress(let progress): console.show(progress)
                case .problem(let message): console.problem(message)
                }
            }
            signals.restore()
        } catch {
            console.finish()
            FileHandle.standardError.write(Data("error: \(error.localizedDescription)\n".utf8))
            throw ExitCode(2)
        }
        console.finish()

        var exported: (path: String, count: Int)?
        if let output {
            do {
                let writer = try PostingExportWriter(path: output)
                try postingStore.forEachRecord(seenInRun: summary.runID) { try writer.write($0) }
                try writer.close()
                exported = (output, writer.count)
            } catch {
                FileHandle.standardError.write(Data("error: \(error.localizedDescription)\n".utf8))
                throw ExitCode(2)
            }
        }
        print(AnalyzeCommand.describe(summary, store: store, totals: try? postingStore.statistics(), exported: exported))
        if summary.cancelled { throw ExitCode(130) }
        if summary.errors > 0 { throw ExitCode(1) }
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
