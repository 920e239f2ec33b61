import Dispatch
import Foundation
import Synchronization

/// The streaming filter behind `jobscope stream`: postings as JSON lines in, one result line per posting out, in
/// input order, with no store. This is the shape Spark's `RDD.pipe`, Hadoop Streaming and GNU parallel drive.
///
/// Lines are read in chunks of at most `chunkLines` lines (and about `chunkBytes` bytes); each chunk is analyzed
/// on `jobs` threads and written in order before the next is read, so memory is bounded by one chunk whatever the
/// stream's length. Keys map onto fields as in a JSONL file (`JSONPostingReader`); results are
/// `PostingExportRecord`s, the records `analyze --output` writes. A line that gives no posting gives a
/// `StreamErrorRecord` (`{"error": …, "line": N}`) instead, and the stream goes on.
public struct StreamAnalyzer: Sendable {
    public var analyzer: PostingAnalyzer
    public var reader: ReaderOptions
    /// The path the results name as their source (`sources[0].path`); the line is the input line.
    public var sourcePath: String
    /// Threads a chunk is analyzed on.
    public var jobs: Int
    /// Lines per chunk at most.
    public var chunkLines: Int
    /// A chunk ends at the first line that brings it past this many bytes.
    public var chunkBytes: Int

    public init(analyzer: PostingAnalyzer, reader: ReaderOptions = ReaderOptions(), sourcePath: String = "-",
                jobs: Int = ProcessInfo.processInfo.activeProcessorCount, chunkLines: Int = 2048,
                chunkBytes: Int = 32 << 20) {
        self.analyzer = analyzer
        self.reader = reader
        self.sourcePath = sourcePath
        self.jobs = max(1, jobs)
        self.chunkLines = max(1, chunkLines)
        self.chunkBytes = max(1, chunkBytes)
    }

    /// Reads `input` to its end and hands each chunk's results (whole lines, in input order) to `write`.
    public func run(input: FileHandle, write: (Data) throws -> Void) throws -> StreamSummary {
        var summary = StreamSummary()
        var lines = LineSplitter()
        var chunk: [[UInt8]] = []
        var chunkSize = 0
        var firstLine = summary.lines + 1
        func flush() throws {
            guard !chunk.isEmpty else { return }
            let counts = results(of: chunk, firstLine: firstLine)
            summary.postings += counts.postings
            summary.errors += counts.errors
            try write(counts.data)
            chunk.removeAll(keepingCapacity: true)
            chunkSize = 0
            firstLine = summary.lines + 1
        }
        func take(_ line: [UInt8]) throws {
            chunk.append(line)
            chunkSize += line.count
            summary.lines += 1
            if chunk.count >= chunkLines || chunkSize >= chunkBytes { try flush() }
        }
        while true {
            let block = try input.read(upToCount: 1 << 20) ?? Data()
            if block.isEmpty { break }
            for line in lines.lines(adding: block) { try take(line) }
        }
        if let last = lines.rest() { try take(last) }
        try flush()
        return summary
    }

    /// The result lines of `lines` (numbered from `firstLine`), analyzed on `jobs` threads, joined in order.
    public func results(of lines: [[UInt8]], firstLine: Int) -> (data: Data, postings: Int, errors: Int) {
        let slots = ResultSlots<LineResult>(count: lines.count)
        let next = Atomic<Int>(0)
        DispatchQueue.concurrentPerform(iterations: min(jobs, lines.count)) { _ in
            var worker = LineWorker(stream: self)
            while true {
                let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
                guard index < lines.count else { break }
                slots.set(index, worker.result(of: lines[index], number: firstLine + index))
            }
        }
        var data = Data()
        var postings = 0, errors = 0
        for slot in slots.values() {
            data.append(contentsOf: slot.bytes)
            postings += slot.postings
            errors += slot.errors
        }
        return (data, postings, errors)
    }
}

/// One line's output bytes and what they hold.
struct LineResult: Sendable {
    var bytes: [UInt8] = []
    var postings = 0
    var errors = 0
}

/// What one thread needs to turn lines into result lines: its own encoder and column mappings.
struct LineWorker {
    let stream: StreamAnalyzer
    let reader: JSONPostingReader
    let encoder: JSONEncoder
    var mappings: [[String]: ColumnMapping] = [:]

    init(stream: StreamAnalyzer) {
        self.stream = stream
        reader = JSONPostingReader(options: stream.reader)
        encoder = JSONEncoder()
        // As PostingExportWriter writes `analyze --output`, so the two are byte for byte alike.
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    }

    /// The result line(s) of input line `number`: one record per posting it holds, or one error record.
    mutating func result(of line: [UInt8], number: Int) -> LineResult {
        let path = stream.sourcePath
        var text = line[...]
        if number == 1 { text = text.dropFirst(ByteScan.bomLength(line)) }
        if text.last == 0x0D { text = text.dropLast() }
        guard text.contains(where: { $0 != 0x20 && $0 != 0x09 }) else {
            return failure(number, "\(path):\(number): empty line; give one JSON object a line")
        }
        let objects: [[String: Any]]
        do {
            let value = try JSONSerialization.jsonObject(with: Data(text), options: [.fragmentsAllowed])
            objects = JSONPostingReader.recordObjects(in: value)
        } catch {
            return failure(number, IngestError.invalidJSON(path: path, line: number,
                                                           reason: JSONPostingReader.reason(error)).localizedDescription)
        }
        guard !objects.isEmpty else {
            return failure(number, "\(path):\(number): the line holds no JSON object; give one posting object a line")
        }
        var result = LineResult()
        for object in objects {
            do {
                guard let record = try reader.record(from: object, path: path, mappings: &mappings) else {
                    append("\(path):\(number): a comment that is no job post (a Hacker News reply); not a posting",
                           line: number, to: &result)
                    continue
                }
                guard let posting = reader.builder.posting(from: record, source: PostingSource(path: path, line: number))
                else {
                    append(IngestError.emptyRecord(path: path, record: "\(number)").localizedDescription,
                           line: number, to: &result)
                    continue
                }
                let analysis = stream.analyzer.analyze(posting)
                result.bytes += try encoder.encode(PostingExportRecord(analysis: analysis))
                result.bytes.append(0x0A)
                result.postings += 1
            } catch {
                append(error.localizedDescription, line: number, to: &result)
            }
        }
        return result
    }

    private func failure(_ line: Int, _ message: String) -> LineResult {
        var result = LineResult()
        append(message, line: line, to: &result)
        return result
    }

    private func append(_ message: String, line: Int, to result: inout LineResult) {
        // A two-field record of a String and an Int always encodes.
        result.bytes += (try? encoder.encode(StreamErrorRecord(line: line, error: message))) ?? Data()
        result.bytes.append(0x0A)
        result.errors += 1
    }
}

/// Splits a byte stream into lines (without their `\n`) as blocks arrive.
struct LineSplitter {
    private var pending: [UInt8] = []

    /// The lines that `block` completes.
    mutating func lines(adding block: Data) -> [[UInt8]] {
        pending.append(contentsOf: block)
        var lines: [[UInt8]] = []
        var start = 0
        while let end = ByteScan.nextIndex(of: 0x0A, in: pending, from: start) {
            lines.append(Array(pending[start..<end]))
            start = end + 1
        }
        pending.removeFirst(start)
        return lines
    }

    /// The last line when the stream did not end with a line break.
    mutating func rest() -> [UInt8]? {
        defer { pending = [] }
        return pending.isEmpty ? nil : pending
    }
}
