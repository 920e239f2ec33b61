import Foundation

/// Reads many files at once on all cores, keeping the input order; one file's failure never stops the rest.
public struct PostingBatchReader: Sendable {
    /// What reading one file gave.
    public struct Outcome: Sendable {
        public var path: String
        public var result: Result<FileReadResult, IngestError>
        /// Bytes on disk (0 when the file could not be read).
        public var byteCount: Int
    }

    public var reader: PostingReader
    /// How many files are read at the same time (default: the active processor count).
    public var concurrency: Int

    public init(options: ReaderOptions = .init(), concurrency: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.reader = PostingReader(options: options)
        self.concurrency = max(1, concurrency)
    }

    /// The outcome for every file, in the order given.
    public func read(files: [String]) -> [Outcome] {
        let slots = ResultSlots<Outcome>(count: files.count)
        let reader = self.reader
        // The next file's index, shared by the workers.
        let next = Locked(0)
        let workers = min(concurrency, max(files.count, 1))
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while true {
                let index = next.withLock { value in
                    defer { value += 1 }
                    return value
                }
                guard index < files.count else { return }
                slots.set(index, Self.readOne(files[index], reader: reader))
            }
        }
        return slots.values()
    }

    /// Each file's outcome in the order given, read a window of files at a time on all cores: only one
    /// window's postings are held at once, so a folder of many files prints in flat memory.
    public func forEach(files: [String], window: Int? = nil, _ body: (Outcome) throws -> Void) rethrows {
        let window = max(1, window ?? concurrency * 4)
        for start in stride(from: 0, to: files.count, by: window) {
            for outcome in read(files: Array(files[start..<min(start + window, files.count)])) { try body(outcome) }
        }
    }

    private static func readOne(_ path: String, reader: PostingReader) -> Outcome {
        do {
            let bytes = try FileBytes.load(path: path, limit: reader.options.maxFileSize)
            let result = try reader.read(bytes: bytes, path: path)
            return Outcome(path: path, result: .success(result), byteCount: bytes.count + result.joinedByteCount)
        } catch let error as IngestError {
            return Outcome(path: path, result: .failure(error), byteCount: 0)
        } catch {
            return Outcome(path: path, result: .failure(.unreadable(path: path, reason: error.localizedDescription)), byteCount: 0)
        }
    }
}
