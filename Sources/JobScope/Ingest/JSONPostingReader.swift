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
            value = try JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])
        } catch {
            // JSON-LD dumped from pages is often a little broken; try the unambiguous repairs first.
            let repaired = JSONRepair.repair(bytes)
            guard repaired != bytes,
                  let value2 = try? JSONSerialization.jsonObject(with: Data(repaired), options: [.fragmentsAllowed])
            else { throw IngestError.invalidJSON(path: path, line: nil, reason: Self.reason(error)) }
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
            let record = try record(from: object, path: path, mappings: &mappings)
            if let posting = builder.posting(from: record, source: source) {
                result.postings.append(posting)
            } else {
                result.rowErrors.append(.emptyRecord(path: path, record: "\(index + 1)"))
            }
        }
        return result
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
                let line = Data(bytes[start..<end])
                do {
                    let value = try JSONSerialization.jsonObject(with: line, options: [.fragmentsAllowed])
                    parsedAny = true
                    for object in Self.recordObjects(in: value) {
                        let record = try record(from: object, path: path, mappings: &mappings)
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

    /// The record one JSON object gives: JobPosting objects by schema.org, others by key names.
    func record(from object: [String: Any], path: String,
                        mappings: inout [[String]: ColumnMapping]) throws -> PostingRecord {
        if JobPostingLD.isJobPosting(object) { return JobPostingLD.record(from: object) }
        let keys = object.keys.sorted()
        let mapping: ColumnMapping
        if let known = mappings[keys] {
            mapping = known
        } else {
            mapping = try ColumnMapping(names: keys, overrides: options.columns, path: path)
            mappings[keys] = mapping
        }
        let values = keys.map { key -> String in
            let value = object[key]
            if key.lowercased().contains("company") || key.lowercased().contains("organization") {
                return JobPostingLD.organizationName(value) ?? ""
            }
            if key.lowercased().contains("location") { return JobPostingLD.location(value) ?? "" }
            if key.lowercased().contains("salary") { return JobPostingLD.salary(value) ?? "" }
            if value is [Any] { return JobPostingLD.list(value) ?? "" }
            return JobPostingLD.text(value) ?? ""
        }
        var record = mapping.record(from: values)
        if let skills = object.first(where: { PostingField(columnName: $0.key) == .skills })?.value as? [Any] {
            record.listedSkills = skills.compactMap { JobPostingLD.text($0) }
        }
        return record
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
