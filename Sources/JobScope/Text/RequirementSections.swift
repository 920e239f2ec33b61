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
    /// Every offset where a sentence ends (a line break, "!" or "?", or a period before a space, a capital or
    /// the end), ascending: `sentenceCue` finds a sentence's bounds by binary search instead of walking bytes.
    let sentenceEnds: [Int32]
    /// Where each cue occurs in `lower` (start, end), by start: found in one pass over the text, so a
    /// sentence's cue is a binary search rather than a search of its bytes per sentence.
    let preferredCuesAt: [(start: Int32, end: Int32)]
    let requiredCuesAt: [(start: Int32, end: Int32)]

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
    /// One cue of `cueTable`: where its bytes are, its second byte (checked first), its level, the next cue
    /// with the same first byte (-1: none).
    struct Cue {
        var start: Int32
        var length: Int32
        var second: UInt8
        var preferred: Bool
        var next: Int16
    }

    /// Every cue (preferred ones first) with its bytes in one buffer, and per first byte the first cue starting
    /// with it (-1: none): a sentence is searched for all cues in one pass, without copying arrays per candidate.
    static let cueTable: (first: [Int16], cues: [Cue], bytes: [UInt8]) = {
        var cues: [Cue] = []
        var bytes: [UInt8] = []
        var first = [Int16](repeating: -1, count: 256)
        var last = [Int: Int]()
        for (cue, preferred) in preferredCueBytes.map({ ($0, true) }) + requiredCueBytes.map({ ($0, false) }) {
            let key = Int(cue[0])
            cues.append(Cue(start: Int32(bytes.count), length: Int32(cue.count), second: cue[1], preferred: preferred,
                            next: -1))
            bytes.append(contentsOf: cue)
            if let previous = last[key] { cues[previous].next = Int16(cues.count - 1) } else { first[key] = Int16(cues.count - 1) }
            last[key] = cues.count - 1
        }
        return (first, cues, bytes)
    }()
    /// A 4,096-bit filter of the cues' first three bytes (`cueFilterBit`): nearly every position of a text
    /// fails it with one load and test, so only a few are compared with the cues.
    static let cueFilter: [UInt64] = {
        var filter = [UInt64](repeating: 0, count: 64)
        for cue in preferredCueBytes + requiredCueBytes {
            let bit = cueFilterBit(UInt32(cue[0]) << 16 | UInt32(cue[1]) << 8 | UInt32(cue[2]))
            filter[bit >> 6] |= 1 << UInt64(bit & 63)
        }
        return filter
    }()

    @inline(__always)
    static func cueFilterBit(_ key: UInt32) -> Int { Int((key &* 0x9E37_79B1) >> 20) }
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
        self.sentenceEnds = Self.findSentenceEnds(bytes)
        (preferredCuesAt, requiredCuesAt) = Self.cueOccurrences(lower)
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

    /// Every occurrence of a preferred and of a required cue in `lower`, each list by start.
    static func cueOccurrences(_ lower: [UInt8]) -> (preferred: [(start: Int32, end: Int32)],
                                                     required: [(start: Int32, end: Int32)]) {
        let table = cueTable
        let filter = cueFilter
        var preferred: [(start: Int32, end: Int32)] = []
        var required: [(start: Int32, end: Int32)] = []
        guard lower.count >= 3 else { return (preferred, required) }  // every cue is longer
        lower.withUnsafeBufferPointer { b in
            table.first.withUnsafeBufferPointer { first in
                table.cues.withUnsafeBufferPointer { cues in
                    table.bytes.withUnsafeBufferPointer { cueBytes in
                        let n = b.count
                        var key = UInt32(b[0]) << 8 | UInt32(b[1])
                        var i = 0
                        while i + 2 < n {
                            key = (key << 8 | UInt32(b[i + 2])) & 0xFF_FFFF
                            let bit = cueFilterBit(key)
                            guard filter[bit >> 6] & (1 << UInt64(bit & 63)) != 0 else {
                                i += 1
                                continue
                            }
                            var c = Int(first[Int(b[i])])
                            while c >= 0 {
                                let cue = cues[c]
                                let length = Int(cue.length)
                                if b[i + 1] == cue.second && i + length <= n {
                                    let start = Int(cue.start)
                                    var k = 2
                                    while k < length && b[i + k] == cueBytes[start + k] { k += 1 }
                                    if k == length {
                                        if cue.preferred {
                                            preferred.append((Int32(i), Int32(i + length)))
                                        } else {
                                            required.append((Int32(i), Int32(i + length)))
                                        }
                                    }
                                }
                                c = Int(cue.next)
                            }
                            i += 1
                        }
                    }
                }
            }
        }
        return (preferred, required)
    }

    /// Whether one of `occurrences` (by start) lies wholly in `lo..<hi`.
    static func occurs(_ occurrences: [(start: Int32, end: Int32)], in lo: Int, _ hi: Int) -> Bool {
        var first = 0
        var count = occurrences.count
        while count > 0 {
            let half = count / 2
            if Int(occurrences[first + half].start) < lo {
                first += half + 1
                count -= half + 1
            } else {
                count = half
            }
        }
        while first < occurrences.count, Int(occurrences[first].start) < hi {
            if Int(occurrences[first].end) <= hi { return true }
            first += 1
        }
        return false
    }

    /// The offsets `h` where `bytes[h]` ends a sentence.
    static func findSentenceEnds(_ bytes: [UInt8]) -> [Int32] {
        var ends: [Int32] = []
        bytes.withUnsafeBufferPointer { b in
            let n = b.count
            func check(_ h: Int) {
                let c = b[h]
                if c == UInt8(ascii: "\n") || c == UInt8(ascii: "!") || c == UInt8(ascii: "?")
                    || (c == UInt8(ascii: ".") && (h + 1 == n || b[h + 1] == UInt8(ascii: " ")
                        || (b[h + 1] >= 65 && b[h + 1] <= 90))) {
                    ends.append(Int32(h))
                }
            }
            // Eight bytes at a time (a zero-byte test per candidate byte on one 64-bit word): most words hold
            // none of the four bytes that can end a sentence.
            let ones: UInt64 = 0x0101_0101_0101_0101
            let highs: UInt64 = 0x8080_8080_8080_8080
            @inline(__always) func hasByte(_ word: UInt64, _ byte: UInt8) -> Bool {
                let x = word ^ (ones &* UInt64(byte))
                return (x &- ones) & ~x & highs != 0
            }
            var h = 0
            if let base = b.baseAddress {
                let raw = UnsafeRawPointer(base)
                while h + 8 <= n {
                    let word = raw.loadUnaligned(fromByteOffset: h, as: UInt64.self)
                    if hasByte(word, UInt8(ascii: "\n")) || hasByte(word, UInt8(ascii: "."))
                        || hasByte(word, UInt8(ascii: "!")) || hasByte(word, UInt8(ascii: "?")) {
                        for k in h..<(h + 8) { check(k) }
                    }
                    h += 8
                }
            }
            while h < n {
                check(h)
                h += 1
            }
        }
        return ends
    }

    /// The level a cue inside the sentence around `offset` gives, if any.
    func sentenceCue(around offset: Int, cache: inout [Int: RequirementLevel?]) -> RequirementLevel? {
        // The sentence runs from just after the last end before `offset` to the first end at or after it, each
        // looked for at most 300 bytes away (the bounds a byte walk back and forth would find: the walk back
        // stops after a byte that ends a sentence, the walk forward at one).
        var first = 0  // the first end at or after offset
        var count = sentenceEnds.count
        while count > 0 {
            let half = count / 2
            if Int(sentenceEnds[first + half]) < offset {
                first += half + 1
                count -= half + 1
            } else {
                count = half
            }
        }
        var lo = max(0, offset - 300)
        var before = first - 1
        // (A period ending the text ends no sentence for the walk back: it needs a byte after it.)
        if before >= 0, Int(sentenceEnds[before]) == bytes.count - 1, bytes[bytes.count - 1] == UInt8(ascii: ".") {
            before -= 1
        }
        if before >= 0, Int(sentenceEnds[before]) >= offset - 300 { lo = Int(sentenceEnds[before]) + 1 }
        var hi = min(bytes.count, offset + 300)
        if first < sentenceEnds.count, Int(sentenceEnds[first]) < offset + 300 { hi = Int(sentenceEnds[first]) }
        // A heading inside the span ends the sentence there ("...Python.Preferred QualificationsKafka").
        var plain = true
        for start in starts where start.offset > lo && start.offset < hi {
            plain = false
            if start.offset <= offset { lo = start.offset } else { hi = start.offset; break }
        }
        if plain, let known = cache[lo] { return known }
        // What searching the sentence for each preferred cue, then each required one, finds.
        let found: RequirementLevel? = Self.occurs(preferredCuesAt, in: lo, hi) ? .preferred
            : Self.occurs(requiredCuesAt, in: lo, hi) ? .required : nil
        // A heading inside the sentence makes its bounds depend on the offset: only plain sentences are remembered.
        if plain { cache[lo] = found }
        return found
    }
}
