import Foundation

/// Turns raw records (from any format) into clean `Posting` values: repairs text, renders HTML bodies,
/// parses dates, and tidies export quirks such as a rating glued to the company name.
struct PostingBuilder: Sendable {
    var options: ReaderOptions
    var dateParser: PostingDateParser

    init(options: ReaderOptions) {
        self.options = options
        self.dateParser = PostingDateParser(collectionDate: options.collectionDate)
    }

    /// The posting a record describes, or nil when it holds neither a title nor a body.
    func posting(from record: PostingRecord, source: PostingSource) -> Posting? {
        let body: String
        if let utf8 = record.descriptionUTF8 {
            body = record.bodyIsText ? String(decoding: utf8, as: UTF8.self) : TextRepair.body(utf8: utf8)
        } else {
            body = record.fields[.description].map { record.bodyIsText ? $0 : TextRepair.body($0) } ?? ""
        }
        let title = cleanLine(record.fields[.title])
        guard !body.isEmpty || title != nil else { return nil }
        var extra: [String: String] = [:]
        for (key, value) in record.extra {
            if let clean = cleanLine(value) { extra[key] = clean }
        }
        if let seniority = cleanLine(record.fields[.seniority]) { extra["seniority"] = seniority }
        if let industry = cleanLine(record.fields[.industry]) { extra["industry"] = industry }
        var skills = record.listedSkills
        if skills.isEmpty, let text = record.fields[.skills] { skills = PostingBuilder.splitList(text) }
        let rawDate = record.fields[.date]
        let date = rawDate.flatMap { dateParser.parse($0) }
        if let rawDate, date == nil, let text = cleanLine(rawDate) { extra["date_text"] = text }
        return Posting(
            source: source,
            title: title,
            company: cleanLine(record.fields[.company].map(PostingBuilder.stripRating)),
            location: cleanLine(record.fields[.location]),
            datePosted: date,
            employmentType: cleanLine(record.fields[.employmentType]),
            salaryText: cleanLine(record.fields[.salary]),
            body: body,
            listedSkills: skills.compactMap { cleanLine($0) },
            extra: extra,
            titles: record.titles.map { $0.compactMap { cleanLine($0) } }.flatMap { $0.count > 1 ? $0 : nil }
        )
    }

    /// A one-line field: repaired, entities decoded, white space collapsed; nil when nothing is left.
    func cleanLine(_ text: String?) -> String? {
        guard let text else { return nil }
        let line = TextRepair.line(text)
        return line.isEmpty ? nil : line
    }

    /// Glassdoor exports glue the employer's rating under its name ("PNNL\n3.8"): keep the name.
    static func stripRating(_ company: String) -> String {
        guard let newline = company.lastIndex(where: { $0 == "\n" || $0 == "\r\n" }) else { return company }
        let tail = WhiteSpace.trimmed(company[company.index(after: newline)...])
        guard !tail.isEmpty, tail.count <= 4, Double(tail) != nil else { return company }
        return String(company[..<newline])
    }

    /// Splits a listed-skills field written as "a, b; c" or one per line.
    static func splitList(_ text: String) -> [String] {
        text.split(whereSeparator: { $0 == "," || $0 == ";" || $0 == "\n" || $0 == "|" })
            .map { WhiteSpace.trimmed($0) }
            .filter { !$0.isEmpty }
    }
}
