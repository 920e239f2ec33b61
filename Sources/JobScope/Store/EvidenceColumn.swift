/// The `skills.evidence` column: a skill's evidence as a JSON array, written by hand because it is written for
/// every skill of every posting stored, where a `JSONEncoder` per skill cost more than the SQL. Read back with
/// `JSONDecoder` like any other JSON; keys in sorted order, as `JSONEncoder(.sortedKeys)` writes them.
enum EvidenceColumn {
    /// `evidence` as JSON text.
    static func json(_ evidence: [Evidence]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(evidence.reduce(2) { $0 + $1.snippet.utf8.count + $1.matched.utf8.count + 48 })
        out.append(UInt8(ascii: "["))
        for (index, item) in evidence.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            append("{\"end\":", to: &out)
            append(String(item.end), to: &out)
            append(",\"matched\":", to: &out)
            appendQuoted(item.matched, to: &out)
            append(",\"snippet\":", to: &out)
            appendQuoted(item.snippet, to: &out)
            append(",\"start\":", to: &out)
            append(String(item.start), to: &out)
            out.append(UInt8(ascii: "}"))
        }
        out.append(UInt8(ascii: "]"))
        return String(decoding: out, as: UTF8.self)
    }

    private static func append(_ text: String, to out: inout [UInt8]) {
        out.append(contentsOf: text.utf8)
    }

    /// A JSON string literal: quote, backslash and control characters escaped, everything else as UTF-8.
    private static func appendQuoted(_ text: String, to out: inout [UInt8]) {
        let hex = Array("0123456789abcdef".utf8)
        out.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): append("\\\"", to: &out)
            case UInt8(ascii: "\\"): append("\\\\", to: &out)
            case UInt8(ascii: "\n"): append("\\n", to: &out)
            case UInt8(ascii: "\r"): append("\\r", to: &out)
            case UInt8(ascii: "\t"): append("\\t", to: &out)
            case 0..<0x20:
                append("\\u00", to: &out)
                out.append(hex[Int(byte >> 4)])
                out.append(hex[Int(byte & 0x0F)])
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
