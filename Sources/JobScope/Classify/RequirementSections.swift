import Foundation

/// Tells, for any position in a posting's text, whether it stands under requirements, under "nice to have",
/// or elsewhere. Reads headings on their own line ("Preferred Qualifications:"), headings glued into one-line
/// scraped text ("...analyticsRequirements Bachelor's..."), and cues inside a sentence ("SQL is a plus").
public struct RequirementSections: Sendable {
    /// Section starts as (UTF-8 offset, level), sorted by offset.
    let starts: [(offset: Int, level: RequirementLevel)]
    let bytes: [UInt8]
    /// `bytes` with ASCII letters lowercased, for cue search.
    let lower: [UInt8]

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

    static let preferredCueBytes = preferredCues.map { Array($0.utf8) }
    static let requiredCueBytes = requiredCues.map { Array($0.utf8) }
    /// Every cue (preferred ones first, with their level), and per two-byte prefix the 1-based index of the first
    /// cue that starts with it in `cuesByPrefix` (0: none): a sentence is searched for all cues in one pass.
    static let cueTable: (prefix: [UInt8], cues: [(bytes: [UInt8], preferred: Bool, nextSamePrefix: Int)]) = {
        var cues: [(bytes: [UInt8], preferred: Bool, nextSamePrefix: Int)] = []
        var prefix = [UInt8](repeating: 0, count: 65536)
        var last = [Int: Int]()
        for (cue, preferred) in preferredCueBytes.map({ ($0, true) }) + requiredCueBytes.map({ ($0, false) }) {
            let key = Int(cue[0]) << 8 | Int(cue[1])
            cues.append((cue, preferred, -1))
            if let previous = last[key] { cues[previous].nextSamePrefix = cues.count - 1 } else { prefix[key] = UInt8(cues.count) }
            last[key] = cues.count - 1
        }
        return (prefix, cues)
    }()
    static let headingBytes = headings.map { (Array($0.phrase.utf8), $0.level) }
    static let inlineHeadingBytes = inlineHeadings.map { (Array($0.phrase.utf8), $0.level) }

    public init(text: String) {
        self.init(bytes: Array(text.utf8))
    }

    init(bytes: [UInt8]) {
        self.bytes = bytes
        self.lower = ByteSearch.lowercased(bytes)
        var starts: [(Int, RequirementLevel)] = []
        var lineStart = 0
        var lines = 0
        let n = bytes.count
        while lineStart <= n {
            var lineEnd = lineStart
            while lineEnd < n, bytes[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
            // Headings are short; a long line can only open with "Preferred: ...".
            let line = bytes[lineStart..<lineEnd]
            if let level = line.count <= 80 ? Self.headingLevel(line) : Self.colonPrefixLevel(line) {
                starts.append((lineStart, level))
            }
            lines += 1
            lineStart = lineEnd + 1
        }
        // Scraped text that lost its line breaks: look for headings inside the text.
        if n > 400 && lines * 400 < n {
            starts.append(contentsOf: Self.inlineStarts(bytes, lower: lower))
            starts.sort { $0.0 < $1.0 }
        }
        self.starts = starts
    }

    /// The level at UTF-8 offset `offset`: the sentence's own cue if it has one, else its section's.
    public func level(at offset: Int) -> RequirementLevel {
        var cache: [Int: RequirementLevel?] = [:]
        return level(at: offset, cache: &cache)
    }

    /// `level(at:)` remembering each sentence's cue, for many look-ups in one text.
    func level(at offset: Int, cache: inout [Int: RequirementLevel?]) -> RequirementLevel {
        if let cue = sentenceCue(around: offset, cache: &cache) { return cue }
        var lo = 0
        var hi = starts.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if starts[mid].offset <= offset { lo = mid + 1 } else { hi = mid }
        }
        return lo == 0 ? .mentioned : starts[lo - 1].level
    }

    /// A heading line: short, no sentence in it, and one of the heading phrases. Works on bytes: it runs for
    /// every line of every posting.
    static func headingLevel(_ line: ArraySlice<UInt8>) -> RequirementLevel? {
        var lo = line.startIndex
        var hi = line.endIndex
        func isTrim(_ b: UInt8) -> Bool {
            b == 32 || b == 9 || b == 13 || b == UInt8(ascii: "*") || b == UInt8(ascii: "-") || b == UInt8(ascii: "#")
                || b == UInt8(ascii: ">") || b == 0xE2 || b == 0x80 || b == 0x93 || b == 0x94 || b == 0xA2
        }
        while lo < hi, isTrim(line[lo]) { lo += 1 }
        while hi > lo, isTrim(line[hi - 1]) { hi -= 1 }
        let endsWithColon = hi > lo && line[hi - 1] == UInt8(ascii: ":")
        while hi > lo, line[hi - 1] == UInt8(ascii: ":") || line[hi - 1] == 32 { hi -= 1 }
        guard hi > lo, hi - lo <= 60 else { return colonPrefixLevel(line) }
        // Words: at most six; a heading ends with a colon, is in title case or capitals, or is a heading phrase.
        var words = 1
        var titleCase = true
        var wordStart = lo
        var i = lo
        while i <= hi {
            if i == hi || line[i] == 32 {
                if i > wordStart {
                    let first = line[wordStart]
                    let isLowerLetter = first >= 97 && first <= 122
                    if isLowerLetter && !smallWords.contains(where: { $0.elementsEqual(line[wordStart..<i]) }) {
                        titleCase = false
                    }
                }
                if i < hi { words += 1 }
                wordStart = i + 1
            }
            i += 1
        }
        guard words <= 6 else { return colonPrefixLevel(line) }
        let lowered = ByteSearch.lowercased(line[lo..<hi])
        let exact = headingBytes.contains { $0.0 == lowered }
        guard endsWithColon || titleCase || exact else { return colonPrefixLevel(line) }
        for (phrase, level) in headingBytes where ByteSearch.contains(lowered, 0..<lowered.count, phrase) {
            return level
        }
        return colonPrefixLevel(line)
    }

    /// Short words a title-case heading may leave in lowercase ("Nice to Have", "What you'll need").
    static let smallWords: [[UInt8]] = ["to", "and", "of", "a", "the", "for", "you", "we", "you'll", "we're", "what",
                                        "need", "have", "do", "will", "bring", "are", "is", "looking"].map { Array($0.utf8) }

    /// "Requirements: Python, SQL" or "Nice to have: Spark": a heading phrase before a colon near the start.
    static func colonPrefixLevel(_ line: ArraySlice<UInt8>) -> RequirementLevel? {
        guard let colon = line.prefix(40).firstIndex(of: UInt8(ascii: ":")) else { return nil }
        let head = ByteSearch.lowercased(line[line.startIndex..<colon])
        if head.filter({ $0 == UInt8(ascii: " ") }).count > 5 { return nil }
        for (phrase, level) in headingBytes where ByteSearch.contains(head, 0..<head.count, phrase) { return level }
        return nil
    }

    static func inlineStarts(_ bytes: [UInt8], lower: [UInt8]) -> [(Int, RequirementLevel)] {
        var found: [(Int, RequirementLevel)] = []
        // Headings are capitalized: only positions holding a capital letter are tried.
        var i = 0
        while i < bytes.count {
            defer { i += 1 }
            guard bytes[i] >= 65 && bytes[i] <= 90 else { continue }
            for (p, level) in inlineHeadingBytes where i + p.count <= lower.count {
                guard lower[i] == p[0], lower[i + 1] == p[1], lower[i..<(i + p.count)].elementsEqual(p) else {
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
                if capitalized && beforeOK && afterOK {
                    found.append((i, level))
                    break
                }
            }
        }
        return found
    }

    /// `.preferred` when a preferred cue lies wholly in `lower[lo..<hi]`, else `.required` when a required cue
    /// does, else nil: what searching for each cue in turn gives, in one pass over the bytes.
    static func cue(in lower: [UInt8], _ lo: Int, _ hi: Int) -> RequirementLevel? {
        let table = cueTable
        var required = false
        return lower.withUnsafeBufferPointer { b -> RequirementLevel? in
            table.prefix.withUnsafeBufferPointer { prefix in
                var i = lo
                while i + 1 < hi {
                    var c = Int(prefix[Int(b[i]) << 8 | Int(b[i + 1])]) - 1
                    while c >= 0 {
                        let cue = table.cues[c]
                        if i + cue.bytes.count <= hi {
                            var k = 2
                            while k < cue.bytes.count && b[i + k] == cue.bytes[k] { k += 1 }
                            if k == cue.bytes.count {
                                if cue.preferred { return .preferred }
                                required = true
                            }
                        }
                        c = cue.nextSamePrefix
                    }
                    i += 1
                }
                return required ? .required : nil
            }
        }
    }

    /// The level a cue inside the sentence around `offset` gives, if any.
    func sentenceCue(around offset: Int, cache: inout [Int: RequirementLevel?]) -> RequirementLevel? {
        var lo = offset
        var hi = offset
        bytes.withUnsafeBufferPointer { bytes in
            let n = bytes.count
            var steps = 0
            while lo > 0, steps < 300 {
                let b = bytes[lo - 1]
                if b == UInt8(ascii: "\n") || b == UInt8(ascii: "!") || b == UInt8(ascii: "?")
                    || (b == UInt8(ascii: ".") && lo < n
                        && (bytes[lo] == UInt8(ascii: " ") || (bytes[lo] >= 65 && bytes[lo] <= 90))) {
                    break
                }
                lo -= 1
                steps += 1
            }
            steps = 0
            while hi < n, steps < 300 {
                let b = bytes[hi]
                if b == UInt8(ascii: "\n") || b == UInt8(ascii: "!") || b == UInt8(ascii: "?")
                    || (b == UInt8(ascii: ".") && (hi + 1 == n || bytes[hi + 1] == UInt8(ascii: " ")
                        || (bytes[hi + 1] >= 65 && bytes[hi + 1] <= 90))) {
                    break
                }
                hi += 1
                steps += 1
            }
        }
        // A heading inside the span ends the sentence there ("...Python.Preferred QualificationsKafka").
        var plain = true
        for start in starts where start.offset > lo && start.offset < hi {
            plain = false
            if start.offset <= offset { lo = start.offset } else { hi = start.offset; break }
        }
        if plain, let known = cache[lo] { return known }
        let found = Self.cue(in: lower, lo, hi)
        // A heading inside the sentence makes its bounds depend on the offset: only plain sentences are remembered.
        if plain { cache[lo] = found }
        return found
    }
}
