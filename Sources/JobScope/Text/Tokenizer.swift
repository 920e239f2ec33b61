import Foundation

/// A word of a text, with where it stands.
public struct Token: Sendable, Hashable {
    /// The token as written.
    public var text: Substring
    /// Lowercased form, the key for vocabularies and skill aliases.
    public var lowercased: String
    /// Byte offsets in the text's UTF-8.
    public var utf8Range: Range<Int>
}

/// Splits text into words while keeping technical tokens whole: `c++`, `c#`, `node.js`, `scikit-learn`,
/// `gpt-4`, `.net`, `3.5`. Shared by the skill matcher and the TF-IDF vectorizer so both see the same words.
///
/// A token starts at a letter or digit (or a `.` directly before a letter, for `.net`), goes on through letters
/// and digits, and through one `.`, `-` or `_` only when a letter or digit follows it (so a sentence's final
/// period is not part of its last word). Trailing `+` runs and a `#` directly after a letter are kept (`c++`, `c#`).
public struct Tokenizer: Sendable {
    public init() {}

    /// The tokens of `text`, in order.
    public func tokens(in text: String) -> [Token] {
        // Works on the UTF-8 bytes (a native string's own storage): no scalar or offset arrays.
        var storage = text
        return storage.withUTF8 { bytes in Self.tokens(in: text, bytes: bytes) }
    }

    /// The tokens of `text` whose UTF-8 bytes are `bytes` (callers that already hold the bytes skip a copy).
    public func tokens(in text: String, bytes: [UInt8]) -> [Token] {
        bytes.withUnsafeBufferPointer { Self.tokens(in: text, bytes: $0) }
    }

    static func tokens(in text: String, bytes b: UnsafeBufferPointer<UInt8>) -> [Token] {
        let utf8 = text.utf8
        return spans(in: b).spans.map { span in
            let lo = utf8.index(utf8.startIndex, offsetBy: Int(span.lo))
            let hi = utf8.index(lo, offsetBy: Int(span.hi - span.lo))
            let word = text[lo..<hi]
            return Token(text: word, lowercased: lowercase(b, Int(span.lo), Int(span.hi), word), utf8Range: span.range)
        }
    }

    /// The tokens of `b` as byte ranges, with the hash of each one's lowercased form (for `WordTable`) and what
    /// it holds (`WordSpan.Flags`), and the lowercased form of each token that has non-ASCII bytes (keyed by
    /// token index): no strings for the rest. This is the tokenizer; `tokens(in:)` reads its ranges.
    static func spans(in b: UnsafeBufferPointer<UInt8>) -> (spans: [WordSpan], nonASCII: [Int32: String]) {
        var spans: [WordSpan] = []
        spans.reserveCapacity(b.count / 6 + 1)
        var nonASCII: [Int32: String] = [:]
        guard let base = b.baseAddress else { return (spans, nonASCII) }
        let n = b.count
        var p = 0
        while p < n {
            // ASCII fast path: most bytes of a posting are ASCII letters, digits, spaces and punctuation.
            let c = base[p]
            let startsWord: Bool
            let w: Int
            if c < 0x80 {
                w = 1
                startsWord = Self.isASCIIWordByte(c)
                    || (c == UInt8(ascii: ".") && p + 1 < n && isLetter(scalar(b, p + 1).0)
                        && (p == 0 || !isWordScalar(scalar(b, before: p))))
            } else {
                let (s, width) = scalar(b, p)
                w = width
                startsWord = isWordScalar(s)
            }
            guard startsWord else { p += w; continue }
            let start = p
            var flags: WordSpan.Flags = c < 0x80 ? [] : .nonASCII
            if c == UInt8(ascii: ".") { flags.insert(.dot) }
            p += w
            while p < n {
                let c = base[p]
                if c < 0x80 {
                    if Self.isASCIIWordByte(c) { p += 1; continue }
                    if (c == UInt8(ascii: ".") || c == UInt8(ascii: "-") || c == UInt8(ascii: "_")), p + 1 < n {
                        let (next, nextWidth) = scalar(b, p + 1)
                        if isWordScalar(next) {
                            if c == UInt8(ascii: ".") { flags.insert(.dot) } else if c == UInt8(ascii: "-") { flags.insert(.hyphen) }
                            if nextWidth > 1 { flags.insert(.nonASCII) }
                            p += 1 + nextWidth
                            continue
                        }
                    }
                    break
                }
                let (s, w) = scalar(b, p)
                if isWordScalar(s) { flags.insert(.nonASCII); p += w; continue }
                break
            }
            // Suffixes that make technical names: c++, c#, f#.
            if p < n, base[p] == UInt8(ascii: "+") {
                while p < n, base[p] == UInt8(ascii: "+") { p += 1 }
            } else if p < n, base[p] == UInt8(ascii: "#"), isLetter(scalar(b, before: p)),
                      p + 1 == n || !isWordScalar(scalar(b, p + 1).0) {
                p += 1
            }
            if flags.contains(.nonASCII) {
                nonASCII[Int32(spans.count)] = String(decoding: UnsafeBufferPointer(rebasing: b[start..<p]),
                                                      as: UTF8.self).lowercased()
                spans.append(WordSpan(lo: Int32(start), hi: Int32(p), hash: 0, flags: flags))
            } else {
                spans.append(WordSpan(lo: Int32(start), hi: Int32(p),
                                      hash: WordTable.hash(base, start, p, lowercasing: true), flags: flags))
            }
        }
        return (spans, nonASCII)
    }

    /// An ASCII letter or digit.
    @inline(__always)
    static func isASCIIWordByte(_ c: UInt8) -> Bool {
        c &- 48 < 10 || (c | 0x20) &- 97 < 26
    }

    /// The lowercased form of bytes `lo..<hi`: ASCII is lowercased byte by byte, anything else by Unicode rules.
    @inline(__always)
    static func lowercase(_ b: UnsafeBufferPointer<UInt8>, _ lo: Int, _ hi: Int, _ word: Substring) -> String {
        var k = lo
        while k < hi, b[k] < 0x80 { k += 1 }
        guard k == hi else { return word.lowercased() }
        return String(unsafeUninitializedCapacity: hi - lo) { out in
            for k in lo..<hi {
                let c = b[k]
                out[k - lo] = c >= 65 && c <= 90 ? c | 0x20 : c
            }
            return hi - lo
        }
    }

    /// The scalar starting at byte `p` of valid UTF-8, and its width in bytes.
    @inline(__always)
    static func scalar(_ b: UnsafeBufferPointer<UInt8>, _ p: Int) -> (Unicode.Scalar, Int) {
        let b0 = b[p]
        if b0 < 0x80 { return (Unicode.Scalar(b0), 1) }
        var value: UInt32
        let width: Int
        if b0 < 0xE0 {
            value = UInt32(b0 & 0x1F); width = 2
        } else if b0 < 0xF0 {
            value = UInt32(b0 & 0x0F); width = 3
        } else {
            value = UInt32(b0 & 0x07); width = 4
        }
        for k in 1..<width { value = value << 6 | UInt32(b[p + k] & 0x3F) }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", width)
    }

    /// The scalar that ends just before byte `p`.
    @inline(__always)
    static func scalar(_ b: UnsafeBufferPointer<UInt8>, before p: Int) -> Unicode.Scalar {
        var q = p - 1
        while q > 0, b[q] & 0xC0 == 0x80 { q -= 1 }
        return scalar(b, q).0
    }

    /// The lowercased tokens only: what the vectorizer needs.
    public func words(in text: String) -> [String] {
        tokens(in: text).map(\.lowercased)
    }

    static func isLetter(_ s: Unicode.Scalar) -> Bool {
        if s.isASCII {
            let v = s.value
            return (v >= 65 && v <= 90) || (v >= 97 && v <= 122)
        }
        return s.properties.isAlphabetic
    }

    static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        if s.isASCII {
            let v = s.value
            return (v >= 48 && v <= 57) || (v >= 65 && v <= 90) || (v >= 97 && v <= 122)
        }
        return s.properties.isAlphabetic || s.properties.numericType != nil
    }
}
