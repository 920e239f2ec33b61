import Foundation

/// Decides how a file's bytes are encoded: a byte-order mark, then a declared charset (HTML `<meta>`,
/// XML declaration), else UTF-8 when the bytes are valid UTF-8 and Windows-1252 when they are not.
enum CharsetDetector {
    /// Text as UTF-8 bytes, whatever the input encoding (UTF-16 with BOM, Windows-1252, UTF-8).
    static func utf8Bytes(_ bytes: [UInt8]) -> [UInt8] {
        if bytes.count >= 2, (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) {
            let encoding: String.Encoding = bytes[0] == 0xFF ? .utf16LittleEndian : .utf16BigEndian
            if let text = String(data: Data(bytes[2...]), encoding: encoding) { return Array(text.utf8) }
        }
        if isValidUTF8(bytes) { return bytes }
        return windows1252ToUTF8(bytes)
    }

    /// Whether the file starts with a UTF-16 byte-order mark (its NUL bytes are not binary content).
    static func hasUTF16BOM(_ bytes: [UInt8]) -> Bool {
        bytes.count >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF))
    }

    static func isValidUTF8(_ bytes: [UInt8]) -> Bool {
        // ASCII-only is the common case and cheap to confirm.
        var ascii = true
        bytes.withUnsafeBufferPointer { buffer in
            for b in buffer where b >= 0x80 { ascii = false; break }
        }
        return ascii || String(validating: bytes, as: UTF8.self) != nil
    }

    /// Windows-1252 bytes as UTF-8 (0x80–0x9F as the typographic characters, like browsers do).
    static func windows1252ToUTF8(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 8)
        for b in bytes {
            if b < 0x80 {
                out.append(b)
                continue
            }
            let value = b < 0xA0 ? TextRepair.windows1252Scalars[Int(b) - 0x80] : UInt32(b)
            UTF8.encode(Unicode.Scalar(value)!) { out.append($0) }
        }
        return out
    }

    /// The encoding libxml2 should read an HTML page with: declared, else detected.
    static func htmlEncoding(_ bytes: [UInt8]) -> String {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { return "UTF-8" }
        if bytes.count >= 2, bytes[0] == 0xFF, bytes[1] == 0xFE { return "UTF-16LE" }
        if bytes.count >= 2, bytes[0] == 0xFE, bytes[1] == 0xFF { return "UTF-16BE" }
        if let declared = declaredCharset(bytes), let known = canonicalName(declared) { return known }
        return isValidUTF8(bytes) ? "UTF-8" : "windows-1252"
    }

    /// The charset a page declares in its first 4 KB (`<meta charset>`, `http-equiv` content, `<?xml encoding>`).
    static func declaredCharset(_ bytes: [UInt8]) -> String? {
        let limit = min(bytes.count, 4096)
        for marker in ["charset=", "encoding="] {
            let m = Array(marker.utf8)
            var i = 0
            while i + m.count <= limit {
                var j = 0
                while j < m.count, ByteScan.lower(bytes[i + j]) == m[j] { j += 1 }
                if j < m.count { i += 1; continue }
                var k = i + m.count
                while k < limit, bytes[k] == UInt8(ascii: "\"") || bytes[k] == UInt8(ascii: "'") || bytes[k] == 0x20 { k += 1 }
                var name: [UInt8] = []
                while k < limit, name.count < 40 {
                    let c = ByteScan.lower(bytes[k])
                    guard (c >= 0x61 && c <= 0x7A) || (c >= 0x30 && c <= 0x39) || c == UInt8(ascii: "-")
                        || c == UInt8(ascii: "_") || c == UInt8(ascii: ":") || c == UInt8(ascii: ".") else { break }
                    name.append(c)
                    k += 1
                }
                if !name.isEmpty { return String(decoding: name, as: UTF8.self) }
                i += 1
            }
        }
        return nil
    }

    /// The name libxml2 knows for a declared charset; Latin-1 and ASCII read as Windows-1252, as browsers do.
    static func canonicalName(_ name: String) -> String? {
        switch name.lowercased() {
        case "utf-8", "utf8", "unicode-1-1-utf-8": return "UTF-8"
        case "iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "us-ascii", "ascii", "windows-1252", "cp1252",
             "x-cp1252", "iso_8859-1": return "windows-1252"
        case "utf-16", "utf-16le": return "UTF-16LE"
        case "utf-16be": return "UTF-16BE"
        case let other where knownOthers.contains(other): return other
        default: return nil
        }
    }

    private static let knownOthers: Set<String> = [
        "iso-8859-2", "iso-8859-15", "windows-1250", "windows-1251", "koi8-r", "shift_jis", "euc-jp",
        "iso-2022-jp", "gb2312", "gbk", "gb18030", "big5", "euc-kr", "windows-1253", "windows-1254",
        "windows-1256", "iso-8859-5", "iso-8859-7", "iso-8859-9",
    ]
}
