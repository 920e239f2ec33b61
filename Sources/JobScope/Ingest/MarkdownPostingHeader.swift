import Foundation

/// The header job boards write above a Markdown posting, read into fields:
///
/// ```
/// # [Senior ML Engineer](https://board.example/apply/senior-ml-engineer)
/// ### Example Corp
/// #### `💰 $150,000 - $180,000` `🌎 Remote US`
/// ```
///
/// The first non-blank line must be a heading: its text (a link's text when the heading is one link) is
/// the title. The next non-blank line is the company when it is a deeper heading that reads like a name
/// (short, no backticks, not a section heading such as "About the role"). A heading line made only of
/// backtick spans gives the salary (span opening with 💰, 💵 or 💲) and the location (🌎, 🌍, 🌏 or 📍).
/// Anything else ends the header; the rest of the file is the body.
struct MarkdownPostingHeader: Sendable, Equatable {
    var title: String?
    var url: String?
    var company: String?
    var salary: String?
    var location: String?
    /// Byte offset (into the bytes parsed) where the body starts.
    var bodyStart: Int

    /// Section headings that are never a company name.
    static let sectionWords: Set<String> = [
        "about", "about us", "about the role", "about the job", "about the company", "about the team", "overview",
        "description", "job description", "summary", "responsibilities", "requirements", "qualifications",
        "benefits", "the role", "role", "who we are", "what you'll do", "what you will do", "the opportunity",
        "position", "details", "job details", "introduction", "company", "location", "salary",
    ]

    /// The header at the top of `bytes` (from `start`), or nil when the file does not open with a heading.
    static func parse(_ bytes: [UInt8], from start: Int) -> MarkdownPostingHeader? {
        func nextLine(from index: Int) -> (text: String, next: Int)? { Self.nextLine(in: bytes, from: index) }
        guard let (level, heading, firstNext) = openingHeading(bytes, from: start) else { return nil }
        var header = MarkdownPostingHeader(bodyStart: firstNext)
        if let (text, url) = Self.link(heading) {
            header.title = text
            header.url = url
        } else {
            header.title = Self.plainInline(heading)
        }
        var cursor = firstNext
        var sawCompany = false
        while let line = nextLine(from: cursor), let (depth, text) = Self.heading(line.text), depth > level {
            if let spans = Self.spans(text) {
                for span in spans {
                    if let value = Self.marked(span, by: ["💰", "💵", "💲"]) {
                        header.salary = header.salary ?? value
                    } else if let value = Self.marked(span, by: ["🌎", "🌍", "🌏", "📍"]) {
                        header.location = header.location ?? value
                    }
                }
                cursor = line.next
                header.bodyStart = cursor
                break // the span line closes the header
            }
            guard !sawCompany, header.salary == nil, Self.looksLikeName(text) else { break }
            let name = Self.plainInline(text)
            header.company = ColumnMapping.isNullMarker(name) ? nil : name
            sawCompany = true
            cursor = line.next
            header.bodyStart = cursor
        }
        return header
    }

    /// The first non-blank line from `start` when it is a heading: its level, its text, and where the line
    /// after it starts. All a header's title and link come from (the walker asks only this of a README).
    static func openingHeading(_ bytes: [UInt8], from start: Int) -> (level: Int, text: String, next: Int)? {
        guard let first = nextLine(in: bytes, from: start), let (level, text) = heading(first.text) else { return nil }
        return (level, text, first.next)
    }

    /// The next non-blank line: its trimmed text and where the line after it starts.
    static func nextLine(in bytes: [UInt8], from index: Int) -> (text: String, next: Int)? {
        var i = index
        while i < bytes.count {
            let end = ByteScan.nextIndex(of: 0x0A, in: bytes, from: i) ?? bytes.count
            let line = WhiteSpace.trimmedLine(bytes[i..<end])
            let next = min(end + 1, bytes.count)
            if !line.isEmpty { return (line, next) }
            i = next
        }
        return nil
    }

    /// `### Text` → (3, "Text"); nil for a line that is not an ATX heading.
    static func heading(_ line: String) -> (Int, String)? {
        let hashes = line.prefix { $0 == "#" }.count
        guard (1...6).contains(hashes) else { return nil }
        let rest = line.dropFirst(hashes)
        guard rest.isEmpty || rest.first == " " || rest.first == "\t" else { return nil }
        var text = WhiteSpace.trimmed(rest)
        while text.hasSuffix("#") { text.removeLast() } // closing hashes
        text = WhiteSpace.trimmed(text)
        return text.isEmpty ? nil : (hashes, text)
    }

    /// `[text](url)` filling the whole heading → (text, url).
    static func link(_ text: String) -> (String, String)? {
        guard text.hasPrefix("["), text.hasSuffix(")"), let middle = lastLinkMiddle(text) else { return nil }
        let label = text[text.index(after: text.startIndex)..<middle.lowerBound]
        let url = text[middle.upperBound..<text.index(before: text.endIndex)]
        let clean = plainInline(String(label))
        // An ASCII URL is searched byte by byte (Foundation's search cost a third of the header's time).
        guard !clean.isEmpty, !(ASCIISearch.isASCII(url) ? url.utf8.contains(0x20) : url.contains(" ")) else { return nil }
        return (clean, String(url))
    }

    /// The texts of a line made only of backtick spans (`` `a` `b` ``), else nil.
    static func spans(_ text: String) -> [String]? {
        guard text.hasPrefix("`") else { return nil }
        var spans: [String] = []
        var rest = Substring(text)
        while !rest.isEmpty {
            guard rest.first == "`" else { return nil }
            rest = rest.dropFirst()
            guard let close = rest.firstIndex(of: "`") else { return nil }
            spans.append(WhiteSpace.trimmed(rest[..<close]))
            rest = rest[rest.index(after: close)...].drop { $0 == " " || $0 == "\t" }
        }
        return spans.isEmpty ? nil : spans
    }

    /// The span's text after one of `marks` (an emoji and its variation selector), when it opens with one.
    static func marked(_ span: String, by marks: [String]) -> String? {
        for mark in marks where span.hasPrefix(mark) {
            let value = WhiteSpace.trimmed(span.dropFirst(mark.count).drop { $0 == " " || $0 == "\u{FE0F}" })
            return value.isEmpty ? nil : value
        }
        return nil
    }

    /// Short, one phrase, no span or question/colon at the end, and no section heading.
    static func looksLikeName(_ text: String) -> Bool {
        // A name may end with "." ("Acme, Inc."); a sentence, longer than a name, may not.
        guard text.count <= 80, !ASCIISearch.contains(text, "`"), !text.hasSuffix(":"), !text.hasSuffix("?"),
              !(text.hasSuffix(".") && text.split(separator: " ").count > 6),
              text.contains(where: { $0.isLetter || $0.isNumber }) // "84.51°" is a company
        else { return false }
        return !sectionWords.contains(plainInline(text).lowercased())
    }

    /// Emphasis marks and link syntax removed from one line of inline Markdown.
    static func plainInline(_ text: String) -> String {
        let utf8 = text.utf8
        var marks = false
        var previous: UInt8 = 0
        for b in utf8 {
            if (b == previous && (b == UInt8(ascii: "*") || b == UInt8(ascii: "_")))
                || (previous == UInt8(ascii: "]") && b == UInt8(ascii: "(")) {
                marks = true
                break
            }
            previous = b
        }
        // No "**", "__" or "](": nothing to remove. In ASCII the byte rewrite does what the string calls do.
        if !marks { return WhiteSpace.trimmed(text) }
        if utf8.allSatisfy({ $0 < 0x80 }) {
            // The same steps over bytes ("**" pairs, then "__", then links until none, which removing marks may
            // have formed, as in "]**(").
            var bytes = Array(utf8)
            for mark in [UInt8(ascii: "*"), UInt8(ascii: "_")] {
                var kept: [UInt8] = []
                kept.reserveCapacity(bytes.count)
                var i = 0
                while i < bytes.count {
                    if bytes[i] == mark, i + 1 < bytes.count, bytes[i + 1] == mark {
                        i += 2
                        continue
                    }
                    kept.append(bytes[i])
                    i += 1
                }
                bytes = kept
            }
            while let open = MarkdownText.firstLinkMiddle(bytes), let lb = bytes[..<open].lastIndex(of: UInt8(ascii: "[")),
                  let close = bytes[(open + 2)...].firstIndex(of: UInt8(ascii: ")")) {
                bytes.replaceSubrange(lb...close, with: Array(bytes[(lb + 1)..<open]))
            }
            return WhiteSpace.trimmed(String(decoding: bytes, as: UTF8.self))
        }
        var s = text.replacingOccurrences(of: "**", with: "").replacingOccurrences(of: "__", with: "")
        while let open = s.range(of: "]("), let lb = s[..<open.lowerBound].lastIndex(of: "["),
              let close = s[open.upperBound...].firstIndex(of: ")") {
            s.replaceSubrange(lb...close, with: s[s.index(after: lb)..<open.lowerBound])
        }
        return WhiteSpace.trimmed(s)
    }

    /// `text.range(of: "](", options: .backwards)`; found over bytes when the text is ASCII (where Foundation's
    /// comparison is byte for byte), else by Foundation.
    static func lastLinkMiddle(_ text: String) -> Range<String.Index>? {
        let utf8 = text.utf8
        guard utf8.allSatisfy({ $0 < 0x80 }) else { return text.range(of: "](", options: .backwards) }
        var i = utf8.endIndex
        var after: UInt8 = 0
        while i > utf8.startIndex {
            let before = utf8.index(before: i)
            let b = utf8[before]
            if b == UInt8(ascii: "]"), after == UInt8(ascii: "(") { return before..<utf8.index(before, offsetBy: 2) }
            after = b
            i = before
        }
        return nil
    }
}
