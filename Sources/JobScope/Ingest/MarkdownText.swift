import Foundation

/// Markdown reduced to plain text over UTF-8 bytes: heading marks, `**`/`__` emphasis and link syntax
/// removed, rules dropped, hard-wrapped paragraph lines joined (list marks stay and become "• " bullets
/// later). What `PlainTextPostingReader.plainMarkdown` did through Foundation string calls per line, at
/// byte speed: a line with no `**`, `__` or `](` is copied as it is.
///
/// Per line (split at LF, a CR before it dropped): a line starting (after spaces) with `#`
/// is a heading and loses its marks; the emphasis pairs go, then each `[label](url)` becomes `label`
/// (the first `](`, the last `[` before it, the first `)` after it, again until none); a line of at
/// least three `-`, `*`, `_` and spaces is emptied. A heading is its own paragraph (a blank line each
/// side). A text line joins the one before it with a space unless either is empty, starts a block
/// (`- `, `* `, `+ `, `•`, `>`, `|`, `1. `, `1) `), follows a heading or a line ending in `:`, or either
/// is a `Key: value` header line.
enum MarkdownText {
    static func plain(_ bytes: [UInt8]) -> String {
        String(decoding: plainBytes(bytes), as: UTF8.self)
    }

    /// `plain(Array(bytes[first...]))` as UTF-8 bytes, without that copy: valid UTF-8 when `bytes` are
    /// (only ASCII bytes are removed or added, and removed runs start and end at ASCII bytes).
    static func plainBytes(_ bytes: [UInt8], from first: Int = 0) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count - first + 64)
        var lastStart = 0        // where the last output line starts in `out`
        var lines = 0            // output lines so far
        var previousWasHeading = false
        var rewritten: [UInt8] = []
        rewritten.reserveCapacity(256)

        func appendLine(_ text: ArraySlice<UInt8>) {
            if lines > 0 { out.append(0x0A) }
            lastStart = out.count
            out.append(contentsOf: text)
            lines += 1
        }

        let n = bytes.count
        var start = first
        while start <= n {
            let next = ByteScan.nextIndex(of: 0x0A, in: bytes, from: start) ?? n
            let end = next > start && bytes[next - 1] == 0x0D ? next - 1 : next // CRLF: the CR goes too
            // The line after leading spaces; a heading drops its marks and the spaces after them.
            var from = start
            while from < end, bytes[from] == 0x20 { from += 1 }
            let isHeading = from < end && bytes[from] == UInt8(ascii: "#")
            var textStart = start
            if isHeading {
                textStart = from
                while textStart < end, bytes[textStart] == UInt8(ascii: "#") { textStart += 1 }
                while textStart < end, bytes[textStart] == 0x20 { textStart += 1 }
            }
            // Most lines hold no "**", "__" or "](": they are used in place, not copied and rewritten.
            var line = bytes[textStart..<end]
            if mayNeedRewrite(bytes, from: textStart, to: end) {
                rewritten.removeAll(keepingCapacity: true)
                rewritten.append(contentsOf: line)
                rewriteInline(&rewritten)
                line = rewritten[...]
            }
            if line.count >= 3, line.allSatisfy({ $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "*") || $0 == UInt8(ascii: "_") || $0 == 0x20 }) {
                line = line[line.startIndex..<line.startIndex]
            }
            let previous = out[lastStart...]
            if !isHeading, !line.isEmpty, lines > 0, !previous.isEmpty, !startsBlock(line[...]), !previousWasHeading,
               previous.last != UInt8(ascii: ":"),
               !isHeaderLine(trimmed(line[...])), !isHeaderLine(trimmed(previous)) {
                out.append(0x20)
                out.append(contentsOf: trimmed(line[...]))
            } else if isHeading {
                appendLine([])
                appendLine(line)
                appendLine([])
            } else {
                appendLine(line)
            }
            previousWasHeading = isHeading
            start = next + 1
        }
        return out
    }

    /// Whether `bytes[from..<to]` may hold "**", "__" or "](" (what `rewriteInline` acts on): false only when
    /// it holds none. Eight bytes at a time, since most lines hold no "*", "_" or "]" at all.
    static func mayNeedRewrite(_ bytes: [UInt8], from: Int, to end: Int) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return false }
            var i = from
            while i + 8 <= end {
                let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                let marks = ByteScan.marks(of: UInt8(ascii: "*"), in: word) | ByteScan.marks(of: UInt8(ascii: "_"), in: word)
                    | ByteScan.marks(of: UInt8(ascii: "]"), in: word)
                if marks != 0 { break }
                i += 8
            }
            // From the first word holding one of the bytes, pair by pair (a pair may start in the last byte before).
            var k = max(from, i - 1)
            while k + 1 < end {
                let a = base[k], b = base[k + 1]
                if (a == UInt8(ascii: "*") || a == UInt8(ascii: "_")) && b == a { return true }
                if a == UInt8(ascii: "]") && b == UInt8(ascii: "(") { return true }
                k += 1
            }
            return false
        }
    }

    /// Removes `**` and `__` pairs of marks, then `[label](url)` link syntax, in place.
    static func rewriteInline(_ line: inout [UInt8]) {
        let star = UInt8(ascii: "*"), underscore = UInt8(ascii: "_"), close = UInt8(ascii: "]")
        var hasMarks = false, hasLink = false
        for i in 0..<max(line.count - 1, 0) {
            let a = line[i], b = line[i + 1]
            if (a == star && b == star) || (a == underscore && b == underscore) { hasMarks = true }
            if a == close && b == UInt8(ascii: "(") { hasLink = true }
        }
        if hasMarks {
            // "**" first, then "__", each left to right without overlaps, as replacingOccurrences does.
            for mark in [star, underscore] {
                var kept: [UInt8] = []
                kept.reserveCapacity(line.count)
                var i = 0
                while i < line.count {
                    if line[i] == mark, i + 1 < line.count, line[i + 1] == mark { i += 2; continue }
                    kept.append(line[i])
                    i += 1
                }
                line = kept
            }
        }
        guard hasLink else { return }
        while let open = firstLinkMiddle(line), let lb = line[..<open].lastIndex(of: UInt8(ascii: "[")),
              let closing = line[(open + 2)...].firstIndex(of: UInt8(ascii: ")")) {
            let label = Array(line[(lb + 1)..<open])
            line.replaceSubrange(lb...closing, with: label)
        }
    }

    /// Index of the first "](".
    static func firstLinkMiddle(_ line: [UInt8]) -> Int? {
        guard line.count >= 2 else { return nil }
        for i in 0..<(line.count - 1) where line[i] == UInt8(ascii: "]") && line[i + 1] == UInt8(ascii: "(") { return i }
        return nil
    }

    /// A list item, quote, table row or numbered item.
    static func startsBlock(_ line: ArraySlice<UInt8>) -> Bool {
        var t = line.startIndex
        while t < line.endIndex, line[t] == 0x20 { t += 1 }
        guard t < line.endIndex else { return false }
        let first = line[t]
        let second: UInt8? = t + 1 < line.endIndex ? line[t + 1] : nil
        if (first == UInt8(ascii: "-") || first == UInt8(ascii: "*") || first == UInt8(ascii: "+")) && second == 0x20 { return true }
        if first == UInt8(ascii: ">") || first == UInt8(ascii: "|") { return true }
        if first == 0xE2, second == 0x80, t + 2 < line.endIndex, line[t + 2] == 0xA2 { return true } // "•"
        var d = t
        while d < line.endIndex, line[d] >= 0x30, line[d] <= 0x39 { d += 1 }
        guard d > t, d + 1 < line.endIndex else { return false }
        return (line[d] == UInt8(ascii: ".") || line[d] == UInt8(ascii: ")")) && line[d + 1] == 0x20
    }

    /// Without leading and trailing white space (ASCII blanks; other Unicode spaces through Foundation).
    static func trimmed(_ line: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var lo = line.startIndex, hi = line.endIndex
        while lo < hi, line[lo] == 0x20 || line[lo] == 0x09 || line[lo] == 0x0D { lo += 1 }
        while hi > lo, line[hi - 1] == 0x20 || line[hi - 1] == 0x09 || line[hi - 1] == 0x0D { hi -= 1 }
        if lo < hi, line[lo] >= 0x80 || line[hi - 1] >= 0x80 {
            return ArraySlice(WhiteSpace.trimmed(String(decoding: line[lo..<hi], as: UTF8.self)).utf8)
        }
        return line[lo..<hi]
    }

    /// `PlainTextPostingReader.headerLine`, asked only of lines with a ":" early enough to be one.
    static func isHeaderLine(_ line: ArraySlice<UInt8>) -> Bool {
        guard let colon = line.prefix(84).firstIndex(of: UInt8(ascii: ":")) else { return false }
        _ = colon
        return PlainTextPostingReader.headerLine(String(decoding: line, as: UTF8.self)) != nil
    }
}
