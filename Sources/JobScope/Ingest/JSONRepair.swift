import Foundation

/// Repairs the slips JSON-LD blocks in real pages make, where the fix is unambiguous: trailing commas,
/// raw line breaks and tabs inside strings, `\'` escapes, a JSON text escaped as HTML (`&quot;`), comment
/// or CDATA wrappers, and a trailing `;`. Anything else is left for the parser to reject.
enum JSONRepair {
    static func repair(_ input: [UInt8]) -> [UInt8] {
        var bytes = unwrap(input)
        if startsWithEscapedQuote(bytes) {
            bytes = TextRepair.decodeEntities(bytes)
        }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 16)
        var inString = false
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if inString {
                switch b {
                case UInt8(ascii: "\\"):
                    if i + 1 < n, bytes[i + 1] == UInt8(ascii: "'") {
                        out.append(UInt8(ascii: "'")); i += 2; continue
                    }
                    out.append(b)
                    if i + 1 < n { out.append(bytes[i + 1]) }
                    i += 2
                    continue
                case UInt8(ascii: "\""):
                    inString = false
                    out.append(b)
                case 0x0A: out.append(contentsOf: [0x5C, UInt8(ascii: "n")])
                case 0x0D: out.append(contentsOf: [0x5C, UInt8(ascii: "r")])
                case 0x09: out.append(contentsOf: [0x5C, UInt8(ascii: "t")])
                case 0x00..<0x20: out.append(0x20)
                default: out.append(b)
                }
                i += 1
                continue
            }
            if b == UInt8(ascii: "\"") {
                inString = true
                out.append(b)
            } else if b == UInt8(ascii: ",") {
                // Drop a comma whose next non-space byte closes the object or array.
                let next = ByteScan.firstNonSpace(bytes, from: i + 1)
                if next < n, bytes[next] == UInt8(ascii: "}") || bytes[next] == UInt8(ascii: "]") {
                    i += 1
                    continue
                }
                out.append(b)
            } else {
                out.append(b)
            }
            i += 1
        }
        // A trailing ";" after the value (copied from a script assignment).
        while let last = out.last, last == UInt8(ascii: ";") || ByteScan.isSpace(last) { out.removeLast() }
        return out
    }

    /// Strips `<!-- … -->`, `//<![CDATA[ … //]]>` and `/*<![CDATA[*/ … /*]]>*/` around the JSON.
    private static func unwrap(_ input: [UInt8]) -> [UInt8] {
        var text = String(decoding: input, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        for (open, close) in [("<!--", "-->"), ("/*<![CDATA[*/", "/*]]>*/"), ("//<![CDATA[", "//]]>"), ("<![CDATA[", "]]>")] {
            if text.hasPrefix(open) {
                text.removeFirst(open.count)
                if text.hasSuffix(close) { text.removeLast(close.count) }
                text = text.trimmingCharacters(in: .whitespacesAndNewlines)
            }
        }
        return Array(text.utf8)
    }

    /// `{&quot;` or `[{&quot;`: the whole JSON text was HTML-escaped.
    private static func startsWithEscapedQuote(_ bytes: [UInt8]) -> Bool {
        var i = 0
        while i < bytes.count, bytes[i] == UInt8(ascii: "{") || bytes[i] == UInt8(ascii: "[") || ByteScan.isSpace(bytes[i]) {
            i += 1
        }
        return i > 0 && bytes[i...].starts(with: "&quot;".utf8)
    }
}
