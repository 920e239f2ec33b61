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
        and the exit code is 1 when any file failed.
        """
    )

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
        case text, json, jsonl, none
    }

    @Argument(help: "Posting files or folders.")
    var paths: [String]

    @Option(name: .long, help: "Output: text, json (an array), jsonl (one posting a line), or none (read only and print throughput).")
    var format: OutputFormat = .text

    @Option(name: .long, parsing: .singleValue,
            help: ArgumentHelp("Map a field to a column or key, e.g. --column description=Summary (repeatable).",
                               valueName: "field=NAME"))
    var column: [String] = []

    @Option(name: .long, help: "Refuse files larger than this many bytes.")
    var maxSize: Int = 16 * 1024 * 1024

    @Option(name: .long, help: "Files read at the same time (default: one per core).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(name: .long, help: "Day the data was collected (YYYY-MM-DD), for relative dates like \"30+ days ago\".")
    var collected: String?

    @Option(help: "Date undated postings from a YYYY-MM(-DD) path segment: off, auto, or required (undated postings are errors).")
    var dateFromPath: ReaderOptions.DateFromPath = .auto

    @Flag(help: "Read tables whose columns give no description (titles only) instead of failing them.")
    var allowEmptyBody = false

    func validate() throws {
        for pair in column {
            guard let eq = pair.firstIndex(of: "="), PostingField(overrideName: String(pair[..<eq])) != nil,
                  !pair[pair.index(after: eq)...].isEmpty else {
                let fields = PostingField.allCases.map(\.rawValue).joined(separator: ", ")
                throw ValidationError("--column expects FIELD=NAME with FIELD one of: \(fields); got '\(pair)'")
            }
        }
        if let collected, PostingDate(iso: collected) == nil {
            throw ValidationError("--collected expects YYYY-MM-DD; got '\(collected)'")
        }
        guard maxSize > 0 else { throw ValidationError("--max-size must be positive") }
        guard jobs > 0 else { throw ValidationError("--jobs must be positive") }
    }

    func run() throws {
        var options = ReaderOptions(maxFileSize: maxSize, collectionDate: collected.flatMap(PostingDate.init(iso:)),
                                    dateFromPath: dateFromPath, allowEmptyBody: allowEmptyBody)
        for pair in column {
            let eq = pair.firstIndex(of: "=")!
            options.columns[String(pair[..<eq])] = String(pair[pair.index(after: eq)...])
        }
        let (files, problems) = PostingFileWalker(paths: paths).collect()
        var failed = 0
        for problem in problems {
            printError("error: " + (problem.errorDescription ?? problem.path))
            failed += 1
        }
        let started = Date()
        let outcomes = PostingBatchReader(options: options, concurrency: jobs).read(files: files)
        let seconds = Date().timeIntervalSince(started)

        var printer = PostingPrinter(format: format)
        var postings = 0, bytes = 0
        printer.begin()
        for outcome in outcomes {
            switch outcome.result {
            case .success(let result):
                bytes += outcome.byteCount
                postings += result.postings.count
                for posting in result.postings { printer.print(posting) }
                for problem in result.rowErrors {
                    printError("warning: " + (problem.errorDescription ?? "\(problem)"))
                }
            case .failure(let error):
                failed += 1
                printError("error: " + (error.errorDescription ?? "\(error)"))
            }
        }
        printer.end()
        let total = files.count + problems.count
        let summary = "read \(postings) posting\(postings == 1 ? "" : "s") from \(total - failed) of \(total) file\(total == 1 ? "" : "s")"
            + (failed > 0 ? " (\(failed) failed)" : "")
        if format == .none {
            let mb = Double(bytes) / 1_000_000
            print(summary + String(format: ", %.1f MB in %.2f s (%.1f MB/s, %.0f postings/s)",
                                   mb, seconds, mb / max(seconds, 1e-9), Double(postings) / max(seconds, 1e-9)))
        } else if failed > 0 || total > 1 {
            printError(summary)
        }
        if files.isEmpty && problems.isEmpty {
            printError("error: no posting files (.html .htm .txt .md .csv .tsv .json .jsonl .ndjson) under \(paths.joined(separator: " "))")
            throw ExitCode.failure
        }
        if failed > 0 { throw ExitCode.failure }
    }

    private func printError(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}

extension ReaderOptions.DateFromPath: ExpressibleByArgument {}
