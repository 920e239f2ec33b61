/// Byte-level tests `AIInvolvementDetector.candidateText` asks of a line of ASCII and common punctuation, each giving the answer the
/// Character-level code (`trimmingCharacters(in: .whitespaces)`, `isHeading`, the employer-voice pattern) gives.
enum CandidateLineScan {
    /// A line break other than LF: CR, VT, FF, NEL (C2 85), LS and PS (E2 80 A8/A9).
    static func holdsOtherLineBreaks(_ bytes: [UInt8]) -> Bool {
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b == 0x0D || b == 0x0B || b == 0x0C { return true }
            if b == 0xC2, i + 1 < bytes.count, bytes[i + 1] == 0x85 { return true }
            if b == 0xE2, i + 2 < bytes.count, bytes[i + 1] == 0x80, bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9 {
                return true
            }
            i += 1
        }
        return false
    }

    /// True when every character is ASCII or one of the scalars below, none of which is white space, joins the
    /// character before or after it, or breaks a line, and whose lowercase form `lowercase` gives; such a line
    /// is read at byte level exactly as its Characters read (each scalar one Character; the tests check every
    /// such scalar): U+00A1–U+00FF but the no-break space and the soft hyphen (Latin-1 letters and signs,
    /// "é", "·"), U+2010–U+2027 (dashes, quotes, "•", "…"), and the emoji of U+1F300–U+1F5FF (but the skin-tone
    /// modifiers), U+1F680–U+1F6FF and U+1F900–U+1F9FF ("🌎", "💰", "🚀").
    static func isSimple(_ line: ArraySlice<UInt8>) -> Bool {
        var i = line.startIndex
        let end = line.endIndex
        while i < end {
            let b = line[i]
            if b < 0x80 {
                i += 1
                continue
            }
            if b == 0xC2 {
                guard i + 1 < end, line[i + 1] >= 0xA1, line[i + 1] != 0xAD else { return false }
                i += 2
            } else if b == 0xC3 {
                guard i + 1 < end else { return false }
                i += 2
            } else if b == 0xE2 {
                guard i + 2 < end, line[i + 1] == 0x80, line[i + 2] >= 0x90, line[i + 2] <= 0xA7 else { return false }
                i += 3
            } else if b == 0xF0 {
                guard i + 3 < end, line[i + 1] == 0x9F else { return false }
                let c = line[i + 2]
                guard (c >= 0x8C && c <= 0x97 && !(c == 0x8F && line[i + 3] >= 0xBB)) || c == 0x9A || c == 0x9B
                    || (c >= 0xA4 && c <= 0xA7) else { return false }
                i += 4
            } else {
                return false
            }
        }
        return true
    }

    /// Every byte lowercased as an `isSimple` line's would be (ASCII capitals and U+00C0–U+00DE but "×" move up
    /// by 0x20; the same length): right for the `isSimple` lines of `bytes`, which are all that is read from it.
    static func lowercasedAsSimple(_ bytes: [UInt8]) -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: bytes.count) { out, initialized in
            bytes.withUnsafeBufferPointer { b in
                var previous: UInt8 = 0
                for i in 0..<b.count {
                    let c = b[i]
                    let up = c &- 65 < 26 || (previous == 0xC3 && c >= 0x80 && c <= 0x9E && c != 0x97)
                    out[i] = up ? c | 0x20 : c
                    previous = c
                }
            }
            initialized = bytes.count
        }
    }

    /// Without leading and trailing spaces and tabs (`CharacterSet.whitespaces` in ASCII).
    static func trimmed(_ line: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var lo = line.startIndex, hi = line.endIndex
        while lo < hi, line[lo] == 0x20 || line[lo] == 0x09 { lo += 1 }
        while hi > lo, line[hi - 1] == 0x20 || line[hi - 1] == 0x09 { hi -= 1 }
        return line[lo..<hi]
    }

    /// `AIInvolvementDetector.isHeading` of a trimmed, non-empty `isSimple` line (one Character per scalar).
    static func isHeading(_ line: ArraySlice<UInt8>) -> Bool {
        guard let first = line.first, let last = line.last else { return false }
        if first == UInt8(ascii: "#") { return true }
        let star = UInt8(ascii: "*")
        let endsInTwoStars = line.count >= 2 && last == star && line[line.endIndex - 2] == star
        // Characters: one per scalar (counted only when the bytes alone could be too many).
        let characters = line.count <= 60 ? line.count : line.lazy.filter { $0 & 0xC0 != 0x80 }.count
        let bullet = line.count >= 3 && first == 0xE2 && line[line.startIndex + 1] == 0x80 && line[line.startIndex + 2] == 0xA2
        guard characters <= 60, !bullet, first != UInt8(ascii: "-"), first != star || endsInTwoStars else { return false }
        if last == UInt8(ascii: ":") { return true }
        guard !".!?,;".utf8.contains(last) else { return false }
        // Words: runs of bytes other than a space (`split(separator: " ")` leaves out empty ones).
        var words = 0
        var previous: UInt8 = 0x20
        for b in line {
            if b != 0x20, previous == 0x20 { words += 1 }
            previous = b
        }
        return words <= 6
    }

    /// False only when `\b(we|our|us|we're|we've)\b` cannot match the lowercased `sentence`: no "we", "our" or
    /// "us" stands without an ASCII letter, digit or underscore on either side (any other byte may end a word). (The longer forms begin
    /// with "we" and an apostrophe, which ends a word, so "we" covers them.)
    static func mayHoldEmployerVoice(_ sentence: ArraySlice<UInt8>) -> Bool {
        @inline(__always) func isWordByte(_ b: UInt8) -> Bool {
            (b | 0x20) &- 0x61 < 26 || b &- 0x30 < 10 || b == 0x5F
        }
        let lo = sentence.startIndex, hi = sentence.endIndex
        var i = lo
        while i + 1 < hi {
            let a = sentence[i], b = sentence[i + 1]
            var length = 0
            if a == UInt8(ascii: "w"), b == UInt8(ascii: "e") {
                length = 2
            } else if a == UInt8(ascii: "u"), b == UInt8(ascii: "s") {
                length = 2
            } else if a == UInt8(ascii: "o"), b == UInt8(ascii: "u"), i + 2 < hi, sentence[i + 2] == UInt8(ascii: "r") {
                length = 3
            }
            if length > 0, i == lo || !isWordByte(sentence[i - 1]), i + length == hi || !isWordByte(sentence[i + length]) {
                return true
            }
            i += 1
        }
        return false
    }
}

extension CandidateLineScan {
    /// `bytes` without leading and trailing bytes of the ASCII `set` (`trimmingCharacters(in:)` of an ASCII set).
    static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>, of set: StaticString) -> UnsafeBufferPointer<UInt8> {
        let members = UnsafeBufferPointer(start: set.utf8Start, count: set.utf8CodeUnitCount)
        var lo = 0, hi = bytes.count
        while lo < hi, members.contains(bytes[lo]) { lo += 1 }
        while hi > lo, members.contains(bytes[hi - 1]) { hi -= 1 }
        return UnsafeBufferPointer(rebasing: bytes[lo..<hi])
    }
}
