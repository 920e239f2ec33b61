import Foundation

/// Foundation's string searches (`contains`, `range(of:range:)`, `components(separatedBy:)`,
/// `replacingOccurrences`) over UTF-8 bytes when the searched text is ASCII, else by Foundation itself. In ASCII
/// text every character is one byte and no two strings are canonically equivalent, so a byte match is exactly
/// Foundation's match; a needle that is not ASCII cannot match at all. Per line of a Hacker News post these calls
/// cost more than the rest of the reading.
enum ASCIISearch {
    /// Whether every byte of `text` is ASCII.
    @inline(__always) static func isASCII<S: StringProtocol>(_ text: S) -> Bool {
        // Eight bytes at a time over contiguous storage (native strings): this runs before every search.
        if let ascii = text.utf8.withContiguousStorageIfAvailable({ ByteScan.largestByte(UnsafeRawBufferPointer($0)) < 0x80 }) {
            return ascii
        }
        return text.utf8.allSatisfy { $0 < 0x80 }
    }

    /// Byte offset of the first `needle` in `text` at or after `from`, or nil.
    static func offset(of needle: String, in text: String, from: Int = 0) -> Int? {
        var text = text, needle = needle
        return text.withUTF8 { t in
            needle.withUTF8 { n -> Int? in
                guard !n.isEmpty, t.count >= n.count, from <= t.count - n.count else { return nil }
                let first = n[0]
                var i = from
                let last = t.count - n.count
                while i <= last {
                    if t[i] == first, memcmp(t.baseAddress! + i, n.baseAddress!, n.count) == 0 { return i }
                    i += 1
                }
                return nil
            }
        }
    }

    /// `text.contains(needle)` (Foundation's).
    static func contains(_ text: String, _ needle: String) -> Bool {
        guard isASCII(text) else { return text.contains(needle) }
        return offset(of: needle, in: text) != nil
    }

    /// `text.range(of: needle, range: from..<text.endIndex)`.
    static func range(of needle: String, in text: String, from: String.Index) -> Range<String.Index>? {
        guard isASCII(text) else { return text.range(of: needle, range: from..<text.endIndex) }
        let utf8 = text.utf8
        guard let start = offset(of: needle, in: text, from: utf8.distance(from: utf8.startIndex, to: from)) else { return nil }
        let lower = utf8.index(utf8.startIndex, offsetBy: start)
        return lower..<utf8.index(lower, offsetBy: needle.utf8.count)
    }

    /// `text.components(separatedBy: separator)`.
    static func components(_ text: String, separatedBy separator: String) -> [String] {
        guard isASCII(text) else { return text.components(separatedBy: separator) }
        var parts: [String] = []
        var start = 0
        let bytes = Array(text.utf8)
        while let found = offset(of: separator, in: text, from: start) {
            parts.append(String(decoding: bytes[start..<found], as: UTF8.self))
            start = found + separator.utf8.count
        }
        parts.append(String(decoding: bytes[start...], as: UTF8.self))
        return parts
    }

    /// `text.replacingOccurrences(of: target, with: replacement)`.
    static func replacing(_ target: String, with replacement: String, in text: String) -> String {
        guard isASCII(text) else { return text.replacingOccurrences(of: target, with: replacement) }
        guard offset(of: target, in: text) != nil else { return text }
        return components(text, separatedBy: target).joined(separator: replacement)
    }
}
