import Foundation

/// One job posting as JobScope read it: the structured fields a source carried plus the body as clean text.
public struct Posting: Sendable, Codable, Hashable, Identifiable {
    /// Stable id: a hash of the normalized title, company and body (see `Posting.makeID`).
    public var id: String
    /// Where the posting came from: file, and row or line for multi-posting files.
    public var source: PostingSource
    public var title: String?
    public var company: String?
    public var location: String?
    /// The day the posting was published, when known; never guessed (an unknown date is nil).
    public var datePosted: PostingDate?
    /// Where `datePosted` came from when not from the posting itself (nil: the posting carried it).
    public var dateSource: PostingDateSource?
    public var employmentType: String?
    /// Salary as the source wrote it (`$53K-$91K (Glassdoor est.)`, a schema.org `baseSalary` rendered as text).
    public var salaryText: String?
    /// The body as clean text: paragraphs separated by blank lines, bullets as lines starting with "• ".
    public var body: String
    /// Skills a structured source listed itself (schema.org `skills`), as written.
    public var listedSkills: [String]
    /// Every role a post names when it names several ("Backend Engineer, ML Engineer" in a Hacker News
    /// first line); nil when it names one (`title`, which is then the first of these).
    public var titles: [String]?
    /// Other fields a source carried that later stages may use (seniority, industry, …), keyed by lowercase name.
    public var extra: [String: String]

    public init(
        id: String? = nil, source: PostingSource, title: String? = nil, company: String? = nil,
        location: String? = nil, datePosted: PostingDate? = nil, employmentType: String? = nil,
        salaryText: String? = nil, body: String, listedSkills: [String] = [], extra: [String: String] = [:],
        dateSource: PostingDateSource? = nil, titles: [String]? = nil
    ) {
        self.source = source
        self.title = title
        self.company = company
        self.location = location
        self.datePosted = datePosted
        self.employmentType = employmentType
        self.salaryText = salaryText
        self.body = body
        self.listedSkills = listedSkills
        self.extra = extra
        self.dateSource = dateSource
        self.titles = titles
        self.id = id ?? Posting.makeID(title: title, company: company, body: body)
    }
}

/// Where a posting was read from.
public struct PostingSource: Sendable, Codable, Hashable, CustomStringConvertible {
    /// The file's path as given (not resolved), so messages name what the user typed.
    public var path: String
    /// 1-based data row for CSV/TSV (the header is row 0), when the file holds many postings.
    public var row: Int?
    /// 1-based line for JSONL, or index within a JSON array / a page's JSON-LD (1-based).
    public var line: Int?

    public init(path: String, row: Int? = nil, line: Int? = nil) {
        self.path = path
        self.row = row
        self.line = line
    }

    public var description: String {
        if let row { return "\(path):row \(row)" }
        if let line { return "\(path):\(line)" }
        return path
    }
}

/// A calendar day (no time zone games): what job boards mean by "date posted".
public struct PostingDate: Sendable, Codable, Hashable, Comparable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    public static func < (a: PostingDate, b: PostingDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    /// ISO 8601 `YYYY-MM-DD`.
    public var description: String {
        // Digits written directly for the dates postings have (String(format:) costs a locale look-up each call).
        guard (0...9999).contains(year), (0...99).contains(month), (0...99).contains(day) else {
            return String(format: "%04d-%02d-%02d", year, month, day)
        }
        let digit = { (value: Int) in UInt8(ascii: "0") + UInt8(value) }
        let bytes: [UInt8] = [digit(year / 1000), digit(year / 100 % 10), digit(year / 10 % 10), digit(year % 10),
                              UInt8(ascii: "-"), digit(month / 10), digit(month % 10),
                              UInt8(ascii: "-"), digit(day / 10), digit(day % 10)]
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Parses exactly `YYYY-MM-DD` (the stored form); other formats are the ingest stage's job.
    public init?(iso: String) {
        let parts = iso.split(separator: "-")
        guard parts.count == 3, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
              (1...12).contains(m), (1...31).contains(d) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let value = PostingDate(iso: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                                                    debugDescription: "expected YYYY-MM-DD, got \(text)"))
        }
        self = value
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
