import Foundation

/// The postings under some files and folders, read on all cores and handed on in walk order: what `extract`,
/// `skills` and `classify` work on. Problems are handed on one at a time, never thrown; the tally says how much
/// of the input was read.
public struct PostingInput: Sendable {
    /// A file or row that could not be read, as one line naming it.
    public enum Problem: Sendable, Equatable {
        /// A whole file (or folder) not read.
        case file(String)
        /// One row of a file not read; the rest of the file was.
        case row(String)
    }

    /// How much of the input was read.
    public struct Tally: Sendable, Equatable {
        /// Files found, read or not.
        public var files = 0
        /// Files not read.
        public var failedFiles = 0
        /// Rows not read, in files that were.
        public var failedRows = 0
        public var postings = 0
        /// Bytes of the files read.
        public var bytes = 0
        /// Wall-clock seconds the reading took.
        public var seconds = 0.0

        /// True when every file and row was read.
        public var allRead: Bool { failedFiles == 0 && failedRows == 0 }
        /// True when the paths held no posting file at all.
        public var foundNothing: Bool { files == 0 }
    }

    public var paths: [String]
    public var options: ReaderOptions
    /// Files read at the same time.
    public var jobs: Int
    public var includeHidden: Bool
    /// Follow symbolic links that lead out of the given paths (loops are never followed).
    public var followLinks: Bool

    public init(
        paths: [String], options: ReaderOptions = .init(),
        jobs: Int = ProcessInfo.processInfo.activeProcessorCount, includeHidden: Bool = false,
        followLinks: Bool = false
    ) {
        self.paths = paths
        self.options = options
        self.jobs = jobs
        self.includeHidden = includeHidden
        self.followLinks = followLinks
    }

    /// Reads everything, calling `problem` for each file or row not read and `posting` for each posting, in walk
    /// order (folder problems first).
    public func read(problem: (Problem) -> Void, posting: (Posting) throws -> Void) rethrows -> Tally {
        let (files, walkProblems) = PostingFileWalker(paths: paths, includeHidden: includeHidden,
                                                      followLinks: followLinks).collect()
        var tally = Tally()
        tally.files = files.count + walkProblems.count
        for error in walkProblems {
            tally.failedFiles += 1
            problem(.file(error.errorDescription ?? error.path))
        }
        let started = Date()
        // A window of files at a time, handed on before the next is read: memory holds a window, not the input.
        try PostingBatchReader(options: options, concurrency: jobs).forEach(files: files) { outcome in
            switch outcome.result {
            case .success(let result):
                tally.bytes += outcome.byteCount
                tally.postings += result.postings.count
                for each in result.postings { try posting(each) }
                for error in result.rowErrors {
                    tally.failedRows += 1
                    problem(.row(error.errorDescription ?? "\(error)"))
                }
            case .failure(let error):
                tally.failedFiles += 1
                problem(.file(error.errorDescription ?? "\(error)"))
            }
        }
        // With the time the caller spent on each posting: for `--format none`, nothing but reading.
        tally.seconds = Date().timeIntervalSince(started)
        return tally
    }
}
