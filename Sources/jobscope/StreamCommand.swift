import ArgumentParser
import Foundation
import JobScope

/// `jobscope stream`: the streaming filter (JSON lines in, result lines out) for Spark, Hadoop Streaming, GNU parallel.
struct StreamCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stream",
        abstract: "Analyze postings read as JSON lines on standard input; write one result line per posting, in order.",
        discussion: """
            Each input line is one posting object, with the keys a JSONL file may use (title, company, \
            description, location, date_posted, …; --column as for analyze). Each output line is the record \
            `analyze --output FILE.jsonl` writes for that posting (its source is --source-name and the input \
            line), in input order. A line that gives no posting (bad JSON, blank, no title or description) \
            gives {"error": "...", "line": N} instead, and the stream goes on. No store is read or written: \
            duplicates and reposts are left to `report --from`, which merges result files.

            Memory is bounded by one chunk of lines whatever the stream's length; each chunk is analyzed on \
            all cores (--jobs) and written before the next is read.

            Examples:
              jobscope stream < postings.jsonl > results.jsonl
              parallel --pipe --keep-order -N 5000 jobscope stream --jobs 1 < postings.jsonl > results.jsonl

            Exit status: 0 the stream was read to its end (error records are data: a count goes to stderr, so \
            Spark and Hadoop do not fail the task over a bad line); 2 the models could not be loaded or the \
            output could not be written; 64 bad arguments.
            """)

    @Option(help: "Threads a chunk is analyzed on (default: the number of cores).")
    var jobs: Int?

    @Option(help: "Lines read and analyzed at once; memory grows with it.")
    var chunkLines = 2048

    @Option(help: ArgumentHelp("The source path results name (sources[0].path).", valueName: "name"))
    var sourceName = "-"

    @OptionGroup var reading: ReadingOptions

    @OptionGroup var model: ModelOptions

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if chunkLines < 1 { throw ValidationError("--chunk-lines must be at least 1") }
    }

    func run() async throws {
        var reader = ReaderOptions()
        reading.apply(to: &reader)
        let summary: StreamSummary
        do {
            let analyzer = try PostingAnalyzer.load(modelsDirectory: model.models, taxonomyPath: model.taxonomy)
            let stream = StreamAnalyzer(analyzer: analyzer, reader: reader, sourcePath: sourceName,
                                        jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount,
                                        chunkLines: chunkLines)
            summary = try stream.run(input: FileHandle.standardInput) { try FileHandle.standardOutput.write(contentsOf: $0) }
        } catch {
            FileHandle.standardError.write(Data("error: \(error.localizedDescription)\n".utf8))
            throw ExitCode(2)
        }
        if summary.errors > 0 {
            FileHandle.standardError.write(Data(
                "jobscope stream: \(summary.lines) lines, \(summary.postings) results, \(summary.errors) error records\n".utf8))
        }
    }
}
