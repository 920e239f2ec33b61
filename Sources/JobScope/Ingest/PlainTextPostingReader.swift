import Foundation

/// Reads one posting from plain text or Markdown: the title from the first line when it looks like one,
/// `Company:`/`Location:`/`Posted:`-style header lines near the top as fields, the rest as the body.
struct PlainTextPostingReader: Sendable {
    var builder: PostingBuilder

    init(options: ReaderOptions) {
        self.builder = PostingBuilder(options: options)
    }

    func read(_ bytes: [UInt8], path: String, markdown: Bool) throws -> FileReadResult {
        var text = String(decoding: bytes[ByteScan.bomLength(bytes)...], as: UTF8.self)
        if markdown { text = Self.plainMarkdown(text) }
        var record = PostingRecord()
        record.fields[.description] = text
        let lines = text.split(omittingEmptySubsequences: true, whereSeparator: \.isNewline)
            .lazy.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        if let first = lines.first, Self.looksLikeTitle(first) { record.fields[.title] = first }
        var titleFromHeader = false
        for line in lines.prefix(12) {
            guard let colon = line.firstIndex(of: ":"), line.distance(from: line.startIndex, to: colon) <= 20 else { continue }
            let key = PostingField.normalize(String(line[..<colon]))
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            guard !value.isEmpty, value.count <= 120, let field = Self.headerFields[key] else { continue }
            if record.fields[field] == nil || (field == .title && !titleFromHeader) {
                record.fields[field] = value
                if field == .title { titleFromHeader = true }
            }
        }
        guard let posting = builder.posting(from: record, source: PostingSource(path: path)), !posting.body.isEmpty else {
            throw IngestError.empty(path: path)
        }
        return FileReadResult(postings: [posting], format: markdown ? .markdown : .text)
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
        guard line.count <= 120, !line.hasSuffix("."), !line.hasSuffix(":"), !line.hasSuffix(","),
              line.split(separator: " ").count <= 16 else { return false }
        if let colon = line.firstIndex(of: ":"), line.distance(from: line.startIndex, to: colon) <= 20 { return false }
        return line.contains(where: \.isLetter)
    }

    /// Markdown reduced to plain text: heading marks, emphasis and link syntax removed (list marks stay
    /// and become "• " bullets later).
    static func plainMarkdown(_ text: String) -> String {
        var out: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var s = String(line)
            let trimmed = s.drop { $0 == " " }
            if trimmed.hasPrefix("#") {
                s = String(trimmed.drop { $0 == "#" }.drop { $0 == " " })
            }
            s = s.replacingOccurrences(of: "**", with: "").replacingOccurrences(of: "__", with: "")
            // [text](url) → text
            while let open = s.range(of: "]("), let lb = s[..<open.lowerBound].lastIndex(of: "["),
                  let close = s[open.upperBound...].firstIndex(of: ")") {
                let label = s[s.index(after: lb)..<open.lowerBound]
                s.replaceSubrange(lb...close, with: label)
            }
            if s.allSatisfy({ $0 == "-" || $0 == "*" || $0 == "_" || $0 == " " }), s.count >= 3 { s = "" }
            out.append(s)
        }
        return out.joined(separator: "\n")
    }
}
