import Foundation

/// Reads one posting from plain text or Markdown: the title from the first line when it looks like one,
/// `Company:`/`Location:`/`Posted:`-style header lines near the top as fields, the rest as the body.
struct PlainTextPostingReader: Sendable {
    var builder: PostingBuilder

    init(options: ReaderOptions) {
        self.builder = PostingBuilder(options: options)
    }

    func read(_ bytes: [UInt8], path: String, markdown: Bool) throws -> FileReadResult {
        if markdown, let header = MarkdownPostingHeader.parse(bytes, from: ByteScan.bomLength(bytes)),
           header.company != nil || header.url != nil || header.salary != nil || header.location != nil {
            return try read(bytes, path: path, header: header)
        }
        var text = String(decoding: bytes[ByteScan.bomLength(bytes)...], as: UTF8.self)
        if !markdown, let post = hackerNewsPost(text, path: path) { return post }
        if markdown { text = Self.plainMarkdown(text) }
        var record = PostingRecord()
        // The leading block (a title line, then `Key: value` header lines) becomes fields and leaves the body.
        var bodyStart = text.startIndex
        var lineStart = text.startIndex
        var seenContent = false
        var titleFromHeader = false
        while lineStart < text.endIndex {
            let lineEnd = text[lineStart...].firstIndex(where: \.isNewline) ?? text.endIndex
            let next = lineEnd < text.endIndex ? text.index(after: lineEnd) : lineEnd
            let line = WhiteSpace.trimmed(text[lineStart..<lineEnd])
            defer { lineStart = next }
            if line.isEmpty { continue }
            if let (field, value) = Self.headerLine(line) {
                if record.fields[field] == nil || (field == .title && !titleFromHeader) {
                    record.fields[field] = value
                    if field == .title { titleFromHeader = true }
                }
            } else if !seenContent, Self.looksLikeTitle(line) {
                record.fields[.title] = line
            } else {
                bodyStart = lineStart
                break
            }
            seenContent = true
            bodyStart = next
        }
        let body = text[bodyStart...]
        record.fields[.description] = body.contains(where: { !$0.isWhitespace }) ? String(body) : text
        guard let posting = builder.posting(from: record, source: PostingSource(path: path)), !posting.body.isEmpty else {
            throw IngestError.empty(path: path)
        }
        return FileReadResult(postings: [posting], format: markdown ? .markdown : .text)
    }

    /// A Hacker News post saved as text: a first line with at least two `|` that follows the
    /// `Company | Role | Location` convention (see `HackerNewsPost`).
    private func hackerNewsPost(_ text: String, path: String) -> FileReadResult? {
        let trimmed = text.drop { $0.isWhitespace }
        let firstLine = trimmed.prefix { !$0.isNewline }
        guard firstLine.filter({ $0 == "|" }).count >= 2,
              let record = HackerNewsPost.record(text: TextRepair.body(String(trimmed)), date: nil),
              let posting = builder.posting(from: record, source: PostingSource(path: path)) else { return nil }
        return FileReadResult(postings: [posting], format: .text)
    }

    /// A Markdown posting under a board's header (title link, company, salary and location lines).
    private func read(_ bytes: [UInt8], path: String, header: MarkdownPostingHeader) throws -> FileReadResult {
        var record = PostingRecord()
        record.fields[.title] = header.title
        record.fields[.company] = header.company
        record.fields[.salary] = header.salary
        record.fields[.location] = header.location
        if let url = header.url { record.extra["url"] = url }
        // The bytes are valid UTF-8 (`PostingReader` decoded them), so the body stays bytes until it is repaired.
        record.descriptionUTF8 = MarkdownText.plainBytes(bytes, from: header.bodyStart)
        guard let posting = builder.posting(from: record, source: PostingSource(path: path)) else {
            throw IngestError.empty(path: path)
        }
        return FileReadResult(postings: [posting], format: .markdown)
    }

    /// `Company: Acme` → (.company, "Acme"), for the keys a text posting's header may use.
    static func headerLine(_ line: String) -> (PostingField, String)? {
        guard let colon = line.firstIndex(of: ":"), line.distance(from: line.startIndex, to: colon) <= 20 else { return nil }
        let key = PostingField.normalize(String(line[..<colon]))
        let value = WhiteSpace.trimmed(line[line.index(after: colon)...])
        guard !value.isEmpty, value.count <= 120, let field = headerFields[key] else { return nil }
        return (field, value)
    }

    /// Header-line keys a text posting may start with.
    private static let headerFields: [String: PostingField] = [
        "title": .title, "jobtitle": .title, "position": .title, "role": .title,
        "company": .company, "employer": .company, "organization": .company,
        "location": .location, "where": .location,
        "date": .date, "posted": .date, "dateposted": .date, "published": .date,
        "salary": .salary, "pay": .salary, "compensation": .salary,
        "employmenttype": .employmentType, "type": .employmentType, "jobtype": .employmentType,
        "skills": .skills, "seniority": .seniority, "level": .seniority, "industry": .industry,
    ]

    /// Short, no sentence punctuation at the end, not a "Key: value" line.
    static func looksLikeTitle(_ line: String) -> Bool {
        guard line.count <= 120, !line.contains("\t"), !line.hasSuffix("."), !line.hasSuffix(":"), !line.hasSuffix(","),
              line.split(separator: " ").count <= 16 else { return false }
        if let colon = line.firstIndex(of: ":"), line.distance(from: line.startIndex, to: colon) <= 20 { return false }
        return line.contains(where: \.isLetter)
    }

    /// Markdown reduced to plain text (see `MarkdownText`, which does it over bytes).
    static func plainMarkdown(_ text: String) -> String {
        MarkdownText.plain(Array(text.utf8))
    }
}
