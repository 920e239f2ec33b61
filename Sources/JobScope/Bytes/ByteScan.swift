import Foundation

/// Byte-level checks used on the hot path, where walking Swift `Character`s would be too slow.
enum ByteScan {
    /// Length of a leading UTF-8 byte-order mark (0 or 3).
    static func bomLength(_ bytes: [UInt8]) -> Int {
        bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
    }

    @inline(__always) static func isSpace(_ b: UInt8) -> Bool {
        b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 || b == 0x0C || b == 0x0B
    }

    /// Index of the first byte at or after `from` that is not ASCII white space.
    static func firstNonSpace(_ bytes: [UInt8], from: Int) -> Int {
        var i = from
        while i < bytes.count, isSpace(bytes[i]) { i += 1 }
        return i
    }

    /// Whether any byte is NUL (binary content).
    static func containsNUL(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress, buffer.count > 0 else { return false }
            return memchr(base, 0, buffer.count) != nil
        }
    }

    /// Whether `needle` (ASCII, lowercase) occurs in `bytes[range]`, ignoring ASCII case.
    static func containsIgnoringCase<Bytes: RandomAccessCollection<UInt8>>(
        _ bytes: Bytes, _ needle: String, in range: Range<Int>
    ) -> Bool where Bytes.Index == Int {
        let n = Array(needle.utf8)
        guard !n.isEmpty, range.count >= n.count else { return false }
        let first = n[0]
        var i = range.lowerBound
        let last = range.upperBound - n.count
        while i <= last {
            if lower(bytes[i]) == first {
                var j = 1
                while j < n.count, lower(bytes[i + j]) == n[j] { j += 1 }
                if j == n.count { return true }
            }
            i += 1
        }
        return false
    }

    // MARK: - Eight bytes at a time (SWAR): little-endian words loaded with loadUnaligned

    static let ones: UInt64 = 0x0101_0101_0101_0101
    static let highs: UInt64 = 0x8080_8080_8080_8080

    /// 0x80 in exactly the bytes of `v` that are zero (no false marks, unlike the carry-based test).
    @inline(__always) static func zeroMarks(_ v: UInt64) -> UInt64 {
        ~(((v & ~highs) &+ ~highs) | v | ~highs)
    }

    /// 0x80 in exactly the bytes of `word` equal to `byte`.
    @inline(__always) static func marks(of byte: UInt8, in word: UInt64) -> UInt64 {
        zeroMarks(word ^ (ones &* UInt64(byte)))
    }

    /// Whether any byte of `word` (all below 0x80) is below `limit` (at most 0x80).
    @inline(__always) static func hasByteBelow(_ limit: UInt8, in word: UInt64) -> Bool {
        (word &- ones &* UInt64(limit)) & ~word & highs != 0
    }

    /// `word` with its ASCII capitals lowercased (bytes at or above 0x80 unchanged).
    @inline(__always) static func lowercasedASCII(_ word: UInt64) -> UInt64 {
        let low = word & ~highs
        let aboveZ = low &+ ones &* UInt64(0x7F - 0x5A)  // high bit set where the byte is above "Z"
        let fromA = low &+ ones &* UInt64(0x80 - 0x41)   // high bit set where the byte is "A" or above
        let capitals = fromA & ~aboveZ & ~word & highs
        return word | (capitals >> 2)
    }

    /// The largest byte (0 when empty): one loop without an early exit, which the compiler vectorizes, so
    /// "is this ASCII" (below 0x80) costs a fraction of a byte-by-byte search.
    static func largestByte(_ bytes: UnsafeRawBufferPointer) -> UInt8 {
        var largest: UInt8 = 0
        for b in bytes { largest = max(largest, b) }
        return largest
    }

    @inline(__always) static func lower(_ b: UInt8) -> UInt8 {
        b >= 0x41 && b <= 0x5A ? b | 0x20 : b
    }

    /// A document that starts like a page: a doctype, `<html`, `<head`, `<body`, or an XML declaration before one.
    static func looksLikeHTMLDocument(_ bytes: [UInt8], from start: Int) -> Bool {
        let window = start..<min(bytes.count, start + 2048)
        for marker in ["<!doctype html", "<html", "<head", "<body", "<meta", "<title"]
        where containsIgnoringCase(bytes, marker, in: window) {
            return true
        }
        return looksLikeHTMLFragment(bytes, from: start)
    }

    /// Text that holds markup tags JobScope should render rather than print (`<p>`, `<br>`, `<li>`, `</div>` …).
    static func looksLikeHTMLFragment(_ bytes: [UInt8], from start: Int = 0) -> Bool {
        var i = start
        let n = bytes.count
        while i < n {
            guard let lt = nextIndex(of: UInt8(ascii: "<"), in: bytes, from: i) else { return false }
            i = lt + 1
            var j = i
            if j < n, bytes[j] == UInt8(ascii: "/") { j += 1 }
            let nameStart = j
            while j < n, (bytes[j] >= 0x61 && bytes[j] <= 0x7A) || (bytes[j] >= 0x41 && bytes[j] <= 0x5A)
                || (bytes[j] >= 0x30 && bytes[j] <= 0x39 && j > nameStart) { j += 1 }
            guard j > nameStart, j - nameStart <= 10, j < n else { continue }
            let end = bytes[j]
            guard end == UInt8(ascii: ">") || end == UInt8(ascii: " ") || end == UInt8(ascii: "/")
                || end == 0x0A || end == 0x09 else { continue }
            var name = ""
            for k in nameStart..<j { name.unicodeScalars.append(Unicode.Scalar(lower(bytes[k]))) }
            if htmlTagNames.contains(name) { return true }
        }
        return false
    }

    static func nextIndex(of byte: UInt8, in bytes: [UInt8], from: Int) -> Int? {
        guard from < bytes.count else { return nil }
        return bytes.withUnsafeBufferPointer { buffer -> Int? in
            guard let base = buffer.baseAddress,
                  let hit = memchr(base + from, Int32(byte), buffer.count - from) else { return nil }
            return UnsafeRawPointer(hit) - UnsafeRawPointer(base)
        }
    }

    private static let htmlTagNames: Set<String> = [
        "p", "br", "li", "ul", "ol", "div", "span", "b", "strong", "em", "i", "u", "a", "h1", "h2", "h3",
        "h4", "h5", "h6", "table", "tr", "td", "th", "section", "article", "body", "html", "head", "font",
        "blockquote", "hr", "dl", "dt", "dd", "pre", "main", "header", "footer", "nav", "script", "style",
        "img", "sup", "sub", "small", "title", "meta", "link",
    ]
}
