/// Foundation's `CharacterSet.whitespaces` and `.whitespacesAndNewlines`, and `trimmingCharacters(in:)` with
/// them, without Foundation: on Linux each `trimmingCharacters` call bridges the string to an `NSString`, which
/// on the readers' hot path cost more than the reading. The sets are Foundation's own (CoreFoundation's, which
/// still counts U+200B ZERO WIDTH SPACE as a space), checked scalar by scalar against it in `WhiteSpaceTests`.
enum WhiteSpace {
    /// Whether `scalar` is in `CharacterSet.whitespaces` (or, with `newlines`, `.whitespacesAndNewlines`).
    @inline(__always) static func contains(_ scalar: Unicode.Scalar, newlines: Bool) -> Bool {
        let v = scalar.value
        if v < 0x80 { return v == 0x20 || v == 0x09 || (newlines && v >= 0x0A && v <= 0x0D) }
        switch v {
        case 0xA0, 0x1680, 0x2000...0x200B, 0x202F, 0x205F, 0x3000: return true
        case 0x85, 0x2028, 0x2029: return newlines
        default: return false
        }
    }

    /// `text.trimmingCharacters(in: newlines ? .whitespacesAndNewlines : .whitespaces)`.
    static func trimmed(_ text: String, newlines: Bool = false) -> String {
        trimmed(text[...], newlines: newlines)
    }

    /// `text.trimmingCharacters(in: newlines ? .whitespacesAndNewlines : .whitespaces)`.
    static func trimmed(_ text: Substring, newlines: Bool = false) -> String {
        let utf8 = text.utf8
        // Most text starts and ends with a byte that is neither white space nor part of a non-ASCII scalar.
        if let first = utf8.first, let last = utf8.last, first > 0x20, first < 0x80, last > 0x20, last < 0x80 {
            return String(text)
        }
        let scalars = text.unicodeScalars
        var lo = scalars.startIndex, hi = scalars.endIndex
        while lo < hi, contains(scalars[lo], newlines: newlines) { lo = scalars.index(after: lo) }
        while hi > lo {
            let before = scalars.index(before: hi)
            guard contains(scalars[before], newlines: newlines) else { break }
            hi = before
        }
        // The kept scalars' bytes copied at once (building a scalar view appended them one by one).
        return String(Substring(scalars[lo..<hi]))
    }

    /// The UTF-8 line `bytes` decoded (invalid sequences replaced) and trimmed of white space and newlines.
    static func trimmedLine(_ bytes: ArraySlice<UInt8>) -> String {
        var lo = bytes.startIndex, hi = bytes.endIndex
        // ASCII blanks go before decoding (a replaced invalid sequence never swallows an ASCII byte).
        while lo < hi, bytes[lo] == 0x20 || (bytes[lo] >= 0x09 && bytes[lo] <= 0x0D) { lo += 1 }
        while hi > lo, bytes[hi - 1] == 0x20 || (bytes[hi - 1] >= 0x09 && bytes[hi - 1] <= 0x0D) { hi -= 1 }
        let text = String(decoding: bytes[lo..<hi], as: UTF8.self)
        guard lo < hi, bytes[lo] >= 0x80 || bytes[hi - 1] >= 0x80 else { return text }
        return trimmed(text, newlines: true)
    }
}
