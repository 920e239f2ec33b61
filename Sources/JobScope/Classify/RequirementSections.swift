import Foundation

/// Tells, for any position in a posting's text, whether it stands under requirements, under "nice to have",
/// or elsewhere. Reads headings on their own line ("Preferred Qualifications:"), headings glued into one-line
/// scraped text ("...analyticsRequirements Bachelor's..."), and cues inside a sentence ("SQL is a plus").
public struct RequirementSections: Sendable {
    /// Section starts as (UTF-8 offset, level), sorted by offset.
    let starts: [(offset: Int, level: RequirementLevel)]
    let bytes: [UInt8]

    /// Heading phrases, lowercase, and the level of the section they open. Order matters: the first phrase
    /// that a heading contains decides, so "preferred qualifications" is found before "qualifications".
    static let headings: [(phrase: String, level: RequirementLevel)] = [
        ("nice to have", .preferred), ("nice-to-have", .preferred), ("nice to haves", .preferred),
        ("preferred", .preferred), ("bonus", .preferred), ("desired", .preferred), ("desirable", .preferred),
        ("pluses", .preferred), ("plus points", .preferred), ("extra credit", .preferred),
        ("ideally", .preferred), ("would be great", .preferred), ("good to have", .preferred),
        ("requirements", .required), ("required", .required), ("qualifications", .required),
        ("must have", .required), ("must-have", .required), ("what you need", .required),
        ("what you'll need", .required), ("what you will need", .required), ("what you bring", .required),
        ("what we're looking for", .required), ("what we are looking for", .required),
        ("who you are", .required), ("you have", .required), ("you should have", .required),
        ("skills and experience", .required), ("experience and skills", .required),
        ("required skills", .required), ("skills", .required), ("experience", .required),
        ("competencies", .required), ("education", .required), ("knowledge", .required),
        ("what you'll do", .mentioned), ("what you will do", .mentioned), ("responsibilities", .mentioned),
        ("duties", .mentioned), ("about us", .mentioned), ("about the role", .mentioned),
        ("about the job", .mentioned), ("the role", .mentioned), ("benefits", .mentioned),
        ("perks", .mentioned), ("what we offer", .mentioned), ("who we are", .mentioned),
        ("overview", .mentioned), ("job description", .mentioned), ("description", .mentioned),
        ("compensation", .mentioned), ("equal opportunity", .mentioned), ("the team", .mentioned),
        ("about", .mentioned), ("summary", .mentioned), ("position", .mentioned), ("role", .mentioned),
    ]

    /// Headings that also count when glued into running text; only distinctive ones, capitalized in the text.
    static let inlineHeadings: [(phrase: String, level: RequirementLevel)] = [
        ("preferred qualifications", .preferred), ("preferred skills", .preferred), ("nice to have", .preferred),
        ("desired skills", .preferred), ("desired qualifications", .preferred), ("bonus points", .preferred),
        ("minimum qualifications", .required), ("basic qualifications", .required),
        ("required qualifications", .required), ("required skills", .required), ("requirements", .required),
        ("qualifications", .required), ("what you'll need", .required), ("what you need", .required),
        ("who you are", .required), ("what you bring", .required), ("must have", .required),
        ("responsibilities", .mentioned), ("what you'll do", .mentioned), ("about us", .mentioned),
        ("benefits", .mentioned), ("what we offer", .mentioned), ("job description", .mentioned),
    ]

    /// Cues inside one sentence or bullet that override its section.
    static let preferredCues = ["preferred", "a plus", "is a plus", "nice to have", "nice-to-have", "bonus",
                                "desirable", "desired", "ideally", "advantageous", "would be great", "a big plus",
                                "helpful", "good to have", "an advantage", "is preferred"]
    static let requiredCues = ["required", "must have", "must-have", "must be", "mandatory", "essential",
                               "minimum of", "at least", "requirement", "need to have"]

    public init(text: String) {
        self.init(bytes: Array(text.utf8))
    }

    init(bytes: [UInt8]) {
        self.bytes = bytes
        var starts: [(Int, RequirementLevel)] = []
        var lineStart = 0
        var lines = 0
        let n = bytes.count
        while lineStart <= n {
            var lineEnd = lineStart
            while lineEnd < n, bytes[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
            if let level = Self.headingLevel(bytes[lineStart..<lineEnd]) {
                starts.append((lineStart, level))
            }
            lines += 1
            lineStart = lineEnd + 1
        }
        // Scraped text that lost its line breaks: look for headings inside the text.
        if n > 400 && lines * 400 < n {
            starts.append(contentsOf: Self.inlineStarts(bytes))
            starts.sort { $0.0 < $1.0 }
        }
        self.starts = starts
    }

    /// The level at UTF-8 offset `offset`: the sentence's own cue if it has one, else its section's.
    public func level(at offset: Int) -> RequirementLevel {
        if let cue = sentenceCue(around: offset) { return cue }
        var lo = 0
        var hi = starts.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if starts[mid].offset <= offset { lo = mid + 1 } else { hi = mid }
        }
        return lo == 0 ? .mentioned : starts[lo - 1].level
    }

    /// A heading line: short, no sentence in it, and one of the heading phrases.
    static func headingLevel(_ line: ArraySlice<UInt8>) -> RequirementLevel? {
        let raw = String(decoding: line, as: UTF8.self)
            .trimmingCharacters(in: CharacterSet(charactersIn: " \t\r•*-–—#>").union(.whitespaces))
        let endsWithColon = raw.hasSuffix(":")
        let text = raw.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: ": "))
        guard !text.isEmpty, text.utf8.count <= 60 else { return colonPrefixLevel(line) }
        let words = raw.split(whereSeparator: { $0 == " " })
        guard words.count <= 6 else { return colonPrefixLevel(line) }
        // A heading ends with a colon, is written in title case or capitals, or is exactly a heading phrase.
        let titleCase = words.allSatisfy { word in
            guard let c = word.first else { return true }
            return !c.isLetter || c.isUppercase || ["to", "and", "of", "a", "the", "for", "you", "we"].contains(word)
        }
        let exact = headings.contains { $0.phrase == text }
        guard endsWithColon || titleCase || exact else { return colonPrefixLevel(line) }
        for (phrase, level) in headings where text.contains(phrase) {
            return level
        }
        return colonPrefixLevel(line)
    }

    /// "Requirements: Python, SQL" or "Nice to have: Spark": a heading phrase before a colon near the start.
    static func colonPrefixLevel(_ line: ArraySlice<UInt8>) -> RequirementLevel? {
        guard let colon = line.prefix(40).firstIndex(of: UInt8(ascii: ":")) else { return nil }
        let head = String(decoding: line[line.startIndex..<colon], as: UTF8.self).lowercased()
        if head.split(separator: " ").count > 5 { return nil }
        for (phrase, level) in headings where head.contains(phrase) { return level }
        return nil
    }

    static func inlineStarts(_ bytes: [UInt8]) -> [(Int, RequirementLevel)] {
        var found: [(Int, RequirementLevel)] = []
        let lower = bytes.map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }
        for (phrase, level) in inlineHeadings {
            let p = Array(phrase.utf8)
            var i = 0
            while i + p.count <= lower.count {
                guard lower[i] == p[0], lower[i + 1] == p[1], lower[i..<(i + p.count)].elementsEqual(p) else {
                    i += 1
                    continue
                }
                let capitalized = bytes[i] >= 65 && bytes[i] <= 90
                let before = i == 0 ? UInt8(ascii: ".") : bytes[i - 1]
                let beforeOK = i == 0 || ".:;!?)\n".utf8.contains(before)
                    || (before >= 97 && before <= 122)  // glued after a lowercase word: "analyticsRequirements"
                    || (before == UInt8(ascii: " ") && i >= 2 && ".:;!?)".utf8.contains(bytes[i - 2]))
                let after = i + p.count < bytes.count ? bytes[i + p.count] : UInt8(ascii: ":")
                let next = i + p.count + 1 < bytes.count ? bytes[i + p.count + 1] : UInt8(ascii: "A")
                let afterOK = after == UInt8(ascii: ":") || (after >= 65 && after <= 90)
                    || (after == UInt8(ascii: " ") && ((next >= 65 && next <= 90) || next == 0xE2))
                if capitalized && beforeOK && afterOK { found.append((i, level)) }
                i += p.count
            }
        }
        return found
    }

    /// The level a cue inside the sentence around `offset` gives, if any.
    func sentenceCue(around offset: Int) -> RequirementLevel? {
        var lo = offset
        var steps = 0
        while lo > 0, steps < 300 {
            let b = bytes[lo - 1]
            if b == UInt8(ascii: "\n") || b == UInt8(ascii: "!") || b == UInt8(ascii: "?")
                || (b == UInt8(ascii: ".") && lo < bytes.count
                    && (bytes[lo] == UInt8(ascii: " ") || (bytes[lo] >= 65 && bytes[lo] <= 90))) {
                break
            }
            lo -= 1
            steps += 1
        }
        var hi = offset
        steps = 0
        while hi < bytes.count, steps < 300 {
            let b = bytes[hi]
            if b == UInt8(ascii: "\n") || b == UInt8(ascii: "!") || b == UInt8(ascii: "?")
                || (b == UInt8(ascii: ".") && (hi + 1 == bytes.count || bytes[hi + 1] == UInt8(ascii: " ")
                    || (bytes[hi + 1] >= 65 && bytes[hi + 1] <= 90))) {
                break
            }
            hi += 1
            steps += 1
        }
        // A heading inside the span ends the sentence there ("...Python.Preferred QualificationsKafka").
        for start in starts where start.offset > lo && start.offset < hi {
            if start.offset <= offset { lo = start.offset } else { hi = start.offset; break }
        }
        let sentence = String(decoding: bytes[lo..<hi], as: UTF8.self).lowercased()
        for cue in Self.preferredCues where sentence.contains(cue) { return .preferred }
        for cue in Self.requiredCues where sentence.contains(cue) { return .required }
        return nil
    }
}
