import Foundation

/// A Hacker News "Who is hiring?" post, read from its first line: by the thread's convention it names
/// the company, the role or roles, the location, remote or onsite, and often the salary, as fields split
/// by `|` (else `·`, else ` - `): `Acme | Senior ML Engineer, Data Engineer | Berlin or Remote (EU) | €90k–120k`.
///
/// The first field is the company (a URL after it dropped). Each other field is read by what it holds:
/// a currency sign or `123k` is the salary; "remote", "onsite" or "hybrid" the workplace (and, with a
/// place beside it, the location too); "full-time", "contract", "intern" and the like the employment
/// type; "visa" a visa note; the first field naming a role word (engineer, scientist, designer, …) the
/// roles, split on `,`, `;`, ` / ` and ` and ` into `titles`; a field left over, the location. A first line
/// with fewer than three fields is not a job post (a reply, a question) and gives nil.
struct HackerNewsPost: Sendable, Equatable {
    var company: String?
    var titles: [String] = []
    var location: String?
    var remote: String?
    var salary: String?
    var employmentType: String?
    var visa: String?

    /// Words that mark a field as the role(s).
    static let roleWords: [String] = [
        "engineer", "developer", "scientist", "researcher", "designer", "manager", "architect", "analyst",
        "lead", "head of", "director", "intern", "sre", "devops", "founding", "cto", "vp ", "product", "writer",
        "roles", "positions", "swe", "programmer", "specialist", "recruiter", "administrator", "ml ", "ai ",
    ]
    /// `roleWords` trimmed, as the role test matches them (trimmed once, not per field).
    static let trimmedRoleWords = roleWords.map { WhiteSpace.trimmed($0) }
    static let employmentWords = ["full-time", "full time", "fulltime", "part-time", "part time", "contract",
                                  "freelance", "internship", "permanent", "ft", "pt"]

    /// The post a first line describes, or nil when the line does not follow the convention.
    init?(firstLine: String) {
        let line = WhiteSpace.trimmed(firstLine)
        var fields = Self.split(line, on: "|")
        if fields.count < 3 { fields = Self.split(line, on: "·") }
        if fields.count < 3 { fields = Self.split(line, on: " - ") }
        if fields.count < 3 { fields = Self.split(line, on: " – ") }
        guard fields.count >= 3, fields[0].count <= 80 else { return nil }
        company = Self.withoutURL(fields[0])
        var leftovers: [String] = []
        for field in fields.dropFirst() {
            let lower = field.lowercased()
            if salary == nil, Self.looksLikeSalary(lower) {
                salary = field
            } else if ["remote", "onsite", "on-site", "hybrid", "in office", "in-office"].contains(where: { ASCIISearch.contains(lower, $0) }) {
                remote = remote.map { "\($0); \(field)" } ?? field
                let place = ["remote", "onsite", "on-site", "hybrid", "only", "or"].reduce(lower) { ASCIISearch.replacing($1, with: "", in: $0) }
                if location == nil, place.contains(where: \.isLetter) { location = field }
            } else if employmentType == nil, Self.hasAnyWord(Self.employmentWords, in: lower) {
                employmentType = field
            } else if visa == nil, ASCIISearch.contains(lower, "visa") {
                visa = field
            } else if titles.isEmpty, Self.hasAnyWord(Self.trimmedRoleWords, in: lower) {
                titles = Self.roles(in: field)
            } else {
                leftovers.append(field)
            }
        }
        if titles.isEmpty, let first = leftovers.first, leftovers.count >= 2 {
            // No role word anywhere: the convention puts the role second.
            titles = Self.roles(in: first)
            leftovers.removeFirst()
        }
        if location == nil, let place = leftovers.first { location = place }
        guard company != nil, !titles.isEmpty || location != nil || remote != nil else { return nil }
    }

    /// The record for a post: `text` is the whole post as plain text (its first line the header).
    static func record(text: String, date: String?) -> PostingRecord? {
        // The first non-empty line (what `split(whereSeparator: \.isNewline).first` gives), without splitting the rest.
        let firstLine = asciiFirstLine(text) ?? text.firstIndex { !$0.isNewline }.map { String(text[$0...].prefix { !$0.isNewline }) } ?? ""
        guard let post = HackerNewsPost(firstLine: firstLine) else { return nil }
        var record = PostingRecord()
        record.fields[.company] = post.company
        record.fields[.title] = post.titles.first
        record.fields[.location] = post.location
        record.fields[.salary] = post.salary
        record.fields[.employmentType] = post.employmentType
        record.fields[.date] = date
        record.fields[.description] = text
        record.bodyIsText = true
        if let remote = post.remote { record.extra["remote"] = remote }
        if let visa = post.visa { record.extra["visa"] = visa }
        if post.titles.count > 1 { record.titles = post.titles }
        record.extra["source_kind"] = "hacker_news"
        return record
    }

    /// The first non-empty line over bytes when it and the line breaks before it are ASCII (there each
    /// character is one byte and the newlines are LF, VT, FF and CR); nil otherwise, for the Character walk.
    static func asciiFirstLine(_ text: String) -> String? {
        var text = text
        return text.withUTF8 { bytes -> String? in
            var start = 0
            while start < bytes.count, bytes[start] >= 0x0A, bytes[start] <= 0x0D { start += 1 }
            var end = start
            while end < bytes.count, !(bytes[end] >= 0x0A && bytes[end] <= 0x0D) {
                guard bytes[end] < 0x80 else { return nil }
                end += 1
            }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        }
    }

    static func split(_ line: String, on separator: String) -> [String] {
        ASCIISearch.components(line, separatedBy: separator).map { WhiteSpace.trimmed($0) }.filter { !$0.isEmpty }
    }

    /// "Acme (https://acme.example)" → "Acme"; a bare URL is kept.
    static func withoutURL(_ field: String) -> String? {
        var name = field
        if let open = ASCIISearch.range(of: " (http", in: name, from: name.startIndex)
            ?? ASCIISearch.range(of: " (www.", in: name, from: name.startIndex) {
            name = String(name[..<open.lowerBound])
        }
        name = WhiteSpace.trimmed(name)
        return name.isEmpty ? nil : name
    }

    static func looksLikeSalary(_ lower: String) -> Bool {
        if lower.utf8.contains(UInt8(ascii: "$")) || (!ASCIISearch.isASCII(lower) && (lower.contains("€") || lower.contains("£"))) {
            return true
        }
        // Words, not substrings: "eur" ends "Ingénieur" and "Développeur", which are roles, not pay.
        if hasAnyWord(salaryWords, in: lower) { return true }
        // "150k", "120-150k"
        let bytes = Array(lower.utf8)
        for i in 1..<max(bytes.count, 1) where bytes[i] == UInt8(ascii: "k") {
            if bytes[i - 1] >= 0x30, bytes[i - 1] <= 0x39, i + 1 == bytes.count || !(bytes[i + 1] >= 0x61 && bytes[i + 1] <= 0x7A) {
                return true
            }
        }
        return false
    }

    static let salaryWords = ["salary", "usd", "eur", "equity"]

    /// Whether `word` occurs in `text` not glued to letters on either side.
    static func hasWord(_ word: String, in text: String) -> Bool {
        asciiHasWord(word, in: text) ?? characterHasWord(word, in: text)
    }

    /// `words.contains { hasWord($0, in: text) }`, with the ASCII test of `text` made once for all the words.
    static func hasAnyWord(_ words: [String], in text: String) -> Bool {
        var text = text
        let ascii = text.withUTF8 { t -> Bool? in
            guard ByteScan.largestByte(UnsafeRawBufferPointer(t)) < 0x80 else { return nil }
            return words.contains { word in
                var word = word
                return word.withUTF8 { asciiHasWord($0, inASCII: t) }
            }
        }
        return ascii ?? words.contains { characterHasWord($0, in: text) }
    }

    /// `hasWord` character by character, for any text.
    static func characterHasWord(_ word: String, in text: String) -> Bool {
        var search = text.startIndex
        while let range = ASCIISearch.range(of: word, in: text, from: search) {
            let before = range.lowerBound == text.startIndex ? nil : text[text.index(before: range.lowerBound)]
            let after = range.upperBound == text.endIndex ? nil : text[range.upperBound]
            let boundaryBefore = before.map { !$0.isLetter } ?? true
            // A plural or "-ing" after the word still names it ("Engineers", "Engineering").
            let boundaryAfter = after.map { !$0.isLetter || $0 == "s" || $0 == "i" } ?? true
            if boundaryBefore && boundaryAfter { return true }
            search = range.upperBound
        }
        return false
    }

    /// `hasWord` over bytes when `text` is ASCII (each character one byte, a letter one of A-Z and a-z); nil otherwise.
    static func asciiHasWord(_ word: String, in text: String) -> Bool? {
        var text = text, word = word
        return text.withUTF8 { t -> Bool? in
            guard ByteScan.largestByte(UnsafeRawBufferPointer(t)) < 0x80 else { return nil }
            return word.withUTF8 { asciiHasWord($0, inASCII: t) }
        }
    }

    /// `hasWord` over the bytes of an ASCII text `t`.
    private static func asciiHasWord(_ w: UnsafeBufferPointer<UInt8>, inASCII t: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !w.isEmpty, w.count <= t.count else { return false }
        @inline(__always) func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }
        var i = 0
        while i <= t.count - w.count {
            if t[i] == w[0], memcmp(t.baseAddress! + i, w.baseAddress!, w.count) == 0 {
                let end = i + w.count
                let boundaryBefore = i == 0 || !isLetter(t[i - 1])
                // A plural or "-ing" after the word still names it ("Engineers", "Engineering").
                let boundaryAfter = end == t.count || !isLetter(t[end]) || t[end] == UInt8(ascii: "s") || t[end] == UInt8(ascii: "i")
                if boundaryBefore && boundaryAfter { return true }
                i = end
                continue
            }
            i += 1
        }
        return false
    }

    /// "Senior Backend Engineer, ML Engineer and SRE" → the three roles.
    static func roles(in field: String) -> [String] {
        var parts = [field]
        for separator in [",", ";", " / ", " and ", " & "] {
            parts = parts.flatMap { ASCIISearch.components($0, separatedBy: separator) }
        }
        let roles = parts.map { WhiteSpace.trimmed($0) }.filter { $0.contains(where: \.isLetter) }
        return roles.isEmpty ? [field] : roles
    }
}
