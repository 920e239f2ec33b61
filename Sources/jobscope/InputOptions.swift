import ArgumentParser
import Foundation
import JobScope

/// Where postings are read from, and how: the one option group of every command that reads posting files
/// (`analyze`, `classify`, `skills`, `extract`). A new input option goes here, and every such command has it.
struct InputOptions: ParsableArguments {
    @Argument(
        help:
            "Posting files or folders (folders are walked recursively; hidden files and a folder's documentation README/LICENSE are skipped, README postings read)."
    )
    var paths: [String]

    @OptionGroup var reading: ReadingOptions

    @Option(help: ArgumentHelp("Refuse files larger than this many bytes (default: 16 MB).", valueName: "bytes"))
    var maxSize: Int?

    @Option(help: "Files (and chunks of big files) worked on at once (default: the number of cores).")
    var jobs: Int?

    @Flag(help: "Read hidden files and folders (names starting with '.') too.")
    var includeHidden = false

    @Flag(help: "Follow symbolic links that lead out of the given folders (loops are still not followed).")
    var followLinks = false

    @Option(help: "Date undated postings from a YYYY-MM(-DD) path segment: off, auto, or required (undated postings are errors).")
    var dateFromPath: ReaderOptions.DateFromPath = .auto

    @Flag(help: "Read tables whose columns give no description (titles only) instead of failing them.")
    var allowEmptyBody = false

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1, got \(jobs)") }
        if let maxSize, maxSize < 1 {
            throw ValidationError("--max-size must be a positive number of bytes, got \(maxSize)")
        }
    }

    /// The reader settings these options ask for.
    var readerOptions: ReaderOptions {
        var options = ReaderOptions()
        if let maxSize { options.maxFileSize = maxSize }
        options.dateFromPath = dateFromPath
        options.allowEmptyBody = allowEmptyBody
        reading.apply(to: &options)
        return options
    }

    /// Files worked on at once.
    var jobCount: Int { jobs ?? ProcessInfo.processInfo.activeProcessorCount }

    /// The input, ready to read.
    var input: PostingInput {
        PostingInput(
            paths: paths, options: readerOptions, jobs: jobCount, includeHidden: includeHidden, followLinks: followLinks)
    }
}

extension ReaderOptions.DateFromPath: ExpressibleByArgument {}
