import Foundation

/// Reads postings from JSON (an array of objects, one object, a `{"jobs": […]}` wrapper, or JSON-LD with
/// `@graph`) and from JSON lines (one object a line). Keys map onto fields like CSV columns do.
struct JSONPostingReader: Sendable {
    var options: ReaderOptions
    var builder: PostingBuilder

    init(options: ReaderOptions) {
        self.options = options
        self.builder = PostingBuilder(options: options)
    }

    /// Postings of a whole-file JSON document.
    func readJSON(_ bytes: [UInt8], path: String) throws -> FileReadResult {
        let value: Any
        do {
            value = try Self.value(of: bytes[...])
        } catch {
            // JSON-LD dumped from pages is often a little broken; try the unambiguous repairs first.
            let repaired = JSONRepair.repair(bytes)
            guard repaired != bytes,
                  let value2 = try? Self.value(of: repaired[...])
            else {
                // One object a line with a broken line among them is JSON lines: only that line is lost.
                if Self.opensWithObjectLine(bytes) { return try readJSONLines(bytes, path: path) }
                throw IngestError.invalidJSON(path: path, line: nil, reason: Self.reason(error))
            }
            value = value2
        }
        let objects = Self.recordObjects(in: value)
        guard !objects.isEmpty else {
            throw IngestError.noPostings(path: path, reason: "the JSON holds no objects")
        }
        var result = FileReadResult(postings: [], format: .json)
        var mappings: [[String]: ColumnMapping] = [:]
        for (index, object) in objects.enumerated() {
            let source = PostingSource(path: path, line: objects.count > 1 ? index + 1 : nil)
            guard let record = try record(from: object, path: path, mappings: &mappings) else {
                result.rowErrors.append(.notAJobPost(path: path, record: "\(index + 1)"))
                continue
            }
            result.joinedByteCount += record.joinedByteCount
            if let posting = builder.posting(from: record, source: source) {
                result.postings.append(posting)
            } else {
                result.rowErrors.append(.emptyRecord(path: path, record: "\(index + 1)"))
            }
        }
        return result
    }

    /// The JSON value of `bytes`: by `FastJSON` when it reads them (the common case, without Foundation's
    /// per-value cost), else by `JSONSerialization`, whose error is the one thrown.
    static func value(of bytes: ArraySlice<UInt8>) throws -> Any {
        if let value = bytes.withUnsafeBufferPointer({ FastJSON.parse($0) }) { return value }
        return try JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])
    }

    /// Whether the first line alone is a whole JSON object and more lines follow.
    static func opensWithObjectLine(_ bytes: [UInt8]) -> Bool {
        let start = ByteScan.firstNonSpace(bytes, from: ByteScan.bomLength(bytes))
        guard start < bytes.count, bytes[start] == UInt8(ascii: "{"),
              let end = ByteScan.nextIndex(of: 0x0A, in: bytes, from: start), end + 1 < bytes.count,
              (try? JSONSerialization.jsonObject(with: Data(bytes[start..<end]))) is [String: Any] else { return false }
        return true
    }

    /// Postings of a JSON-lines file; a line that does not parse is a row error, the rest are read.
    func readJSONLines(_ bytes: [UInt8], path: String) throws -> FileReadResult {
        var result = FileReadResult(postings: [], format: .jsonl)
        var mappings: [[String]: ColumnMapping] = [:]
        var lineNumber = 0
        var start = ByteScan.bomLength(bytes)
        var parsedAny = false
        var firstError: IngestError?
        while start <= bytes.count {
            let end = ByteScan.nextIndex(of: 0x0A, in: bytes, from: start) ?? bytes.count
            lineNumber += 1
            let first = ByteScan.firstNonSpace(bytes, from: start)
            if first < end {
                do {
                    let value = try Self.value(of: bytes[start..<end])
                    parsedAny = true
                    for object in Self.recordObjects(in: value) {
                        guard let record = try record(from: object, path: path, mappings: &mappings) else {
                            result.rowErrors.append(.notAJobPost(path: path, record: "\(lineNumber)"))
                            continue
                        }
                        result.joinedByteCount += record.joinedByteCount
                        if let posting = builder.posting(from: record, source: PostingSource(path: path, line: lineNumber)) {
                            result.postings.append(posting)
                        } else {
                            result.rowErrors.append(.emptyRecord(path: path, record: "\(lineNumber)"))
                        }
                    }
                } catch let error as IngestError {
                    throw error
                } catch {
                    let problem = IngestError.invalidJSON(path: path, line: lineNumber, reason: Self.reason(error))
                    firstError = firstError ?? problem
                    result.rowErrors.append(problem)
                }
            }
            start = end + 1
        }
        if !parsedAny, let firstError { throw firstError }
        return result
    }

    /// The record one JSON object gives: JobPosting objects by schema.org, job-board API exports by their
    /// shape (`JobBoardExport`), others by key names; nil for a Hacker News comment that is no job post.
    func record(from object: [String: Any], path: String,
                mappings: inout [[String]: ColumnMapping]) throws -> PostingRecord? {
        if JobPostingLD.isJobPosting(object) { return JobPostingLD.record(from: object) }
        if let shape = JobBoardExport.shape(of: object) { return JobBoardExport.record(from: object, shape: shape) }
        var record = try mappedRecord(from: object, path: path, mappings: &mappings)
        if record.fields[.description] == nil, let (html, byteCount) = Self.joinedDescription(of: object, path: path) {
            // Rendered here from the file's bytes (what the builder would do with them as a string, without
            // validating and copying megabytes of HTML into one first).
            record.fields[.description] = TextRepair.body(utf8: html)
            record.bodyIsText = true
            record.joinedByteCount = byteCount
        }
        return record
    }

    /// A careers-board dump that keeps each job's description beside its `jobs.json`, as
    /// `descriptions/<id>.html`: that file's HTML (as UTF-8) and size, when the object has an `id` and the file is there.
    static func joinedDescription(of object: [String: Any], path: String) -> ([UInt8], Int)? {
        guard let id = JobPostingLD.text(object["id"]), !id.isEmpty, !id.contains("/"), !id.hasPrefix(".") else { return nil }
        let folder = (path as NSString).deletingLastPathComponent
        let file = ((folder.isEmpty ? "." : folder) as NSString).appendingPathComponent("descriptions/\(id).html")
        guard let bytes = try? FileBytes.load(path: file, limit: 16 * 1024 * 1024) else { return nil }
        return (CharsetDetector.utf8Bytes(bytes), bytes.count)
    }

    private func mappedRecord(from object: [String: Any], path: String,
                              mappings: inout [[String]: ColumnMapping]) throws -> PostingRecord {
        let keys = object.keys.sorted()
        let mapping: ColumnMapping
        if let known = mappings[keys] {
            mapping = known
        } else {
            mapping = try ColumnMapping(names: keys, overrides: options.columns, path: path)
            mappings[keys] = mapping
        }
        // Only the keys the mapping reads are worked out (a LinkedIn export has 27, of which it reads 9).
        let values = keys.enumerated().map { index, key -> String in
            guard index >= mapping.readsColumn.count || mapping.readsColumn[index] else { return "" }
            let value = object[key]
            if Self.key(key, contains: "company") || Self.key(key, contains: "organization") {
                return JobPostingLD.organizationName(value) ?? ""
            }
            if Self.key(key, contains: "location") { return JobPostingLD.location(value) ?? "" }
            if Self.key(key, contains: "salary") { return JobPostingLD.salary(value) ?? "" }
            if value is [Any] { return JobPostingLD.list(value) ?? "" }
            return JobPostingLD.text(value) ?? ""
        }
        var record = mapping.record(from: values)
        if let skills = object.first(where: { PostingField(columnName: $0.key) == .skills })?.value as? [Any] {
            record.listedSkills = skills.compactMap { JobPostingLD.text($0) }
        }
        return record
    }

    /// `key.lowercased().contains(word)` for a lowercase ASCII `word`: over bytes when the key is ASCII (where
    /// lowercasing and Foundation's comparison are byte for byte), else by the string calls.
    static func key(_ key: String, contains word: String) -> Bool {
        var key = key
        let ascii = key.withUTF8 { bytes -> Bool? in
            guard ByteScan.largestByte(UnsafeRawBufferPointer(bytes)) < 0x80 else { return nil }
            return ByteScan.containsIgnoringCase(bytes, word, in: 0..<bytes.count)
        }
        return ascii ?? key.lowercased().contains(word)
    }

    /// The objects that are postings: array elements, JobPostings in JSON-LD, or the array inside a
    /// wrapper object (`{"jobs": […]}`), else the object itself.
    static func recordObjects(in value: Any) -> [[String: Any]] {
        let postings = JobPostingLD.postings(in: value)
        if !postings.isEmpty { return postings }
        if let array = value as? [Any] { return array.compactMap { $0 as? [String: Any] } }
        guard let object = value as? [String: Any] else { return [] }
        if object.keys.contains(where: { PostingField(columnName: $0) == .title || PostingField(columnName: $0) == .description }) {
            return [object]
        }
        for key in object.keys.sorted() {
            guard let array = object[key] as? [Any] else { continue }
            let objects = array.compactMap { $0 as? [String: Any] }
            if !objects.isEmpty { return objects }
        }
        return [object]
    }

    /// JSONSerialization's message, on one line.
    static func reason(_ error: Error) -> String {
        let ns = error as NSError
        let text = (ns.userInfo["NSDebugDescription"] as? String) ?? ns.localizedDescription
        return text.split(whereSeparator: \.isNewline).joined(separator: " ")
    }
}
