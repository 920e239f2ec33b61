import Foundation

/// Decides how a file's bytes are encoded: a byte-order mark, then UTF-16 by its NUL pattern (ASCII text
/// in UTF-16 has a NUL in every other byte), then a declared charset (HTML `<meta>`, XML declaration)
/// when the bytes agree with it, else UTF-8 when the bytes are valid UTF-8 and Windows-1252 when not.
/// The bytes overrule a declaration that lies: `utf-16` declared over single-byte text, or a single-byte
/// charset declared over text that is valid UTF-8 with non-ASCII characters, is not believed.
enum CharsetDetector {
    /// Text as UTF-8 bytes, whatever the input encoding (UTF-16 with or without BOM, Windows-1252, UTF-8).
    static func utf8Bytes(_ bytes: [UInt8]) -> [UInt8] {
        if let (encoding, skip) = utf16Encoding(bytes) {
            var units = bytes[skip...]
            if units.count % 2 == 1 { units = units.dropLast() }
            if let text = String(data: Data(units), encoding: encoding) { return Array(text.utf8) }
            // Unpaired surrogates: decode unit by unit, replacing what does not decode.
            var scalars: [UInt16] = []
            var i = units.startIndex
            while i + 1 < units.endIndex {
                let a = UInt16(units[i]), b = UInt16(units[i + 1])
                scalars.append(encoding == .utf16LittleEndian ? a | b << 8 : a << 8 | b)
                i += 2
            }
            return Array(String(decoding: scalars, as: UTF16.self).utf8)
        }
        if isValidUTF8(bytes) { return bytes }
        return windows1252ToUTF8(bytes)
    }

    /// UTF-16 and the bytes to skip (its BOM): by a byte-order mark, or, without one, by the NUL pattern
    /// of mostly-ASCII UTF-16 in the first 1 KB (NULs in at least a third of the even or odd bytes and
    /// nearly none in the others).
    static func utf16Encoding(_ bytes: [UInt8]) -> (String.Encoding, Int)? {
        if bytes.count >= 2, bytes[0] == 0xFF, bytes[1] == 0xFE { return (.utf16LittleEndian, 2) }
        if bytes.count >= 2, bytes[0] == 0xFE, bytes[1] == 0xFF { return (.utf16BigEndian, 2) }
        let limit = min(bytes.count, 1024) & ~1
        guard limit >= 8 else { return nil }
        var evenNULs = 0, oddNULs = 0
        var i = 0
        while i < limit {
            if bytes[i] == 0 { evenNULs += 1 }
            if bytes[i + 1] == 0 { oddNULs += 1 }
            i += 2
        }
        let pairs = limit / 2
        if oddNULs * 3 >= pairs, evenNULs * 20 < pairs { return (.utf16LittleEndian, 0) }
        if evenNULs * 3 >= pairs, oddNULs * 20 < pairs { return (.utf16BigEndian, 0) }
        return nil
    }

    /// Whether the file starts with a UTF-16 byte-order mark (its NUL bytes are not binary content).
    static func hasUTF16BOM(_ bytes: [UInt8]) -> Bool {
        bytes.count >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF))
    }

    /// Whether the bytes are UTF-16, by BOM or NUL pattern (their NUL bytes are then not binary content).
    static func isUTF16(_ bytes: [UInt8]) -> Bool {
        utf16Encoding(bytes) != nil
    }

    static func isValidUTF8(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { isValidUTF8($0) }
    }

    /// `isValidUTF8` of bytes in place.
    static func isValidUTF8(_ buffer: UnsafeBufferPointer<UInt8>) -> Bool {
        // In place, without building a String of the whole file (a copy whose fresh pages cost more than the
        // check): ASCII eight bytes at a time, other scalars by the well-formed byte sequences of Unicode's
        // table 3-7 (no overlong forms, no surrogates, nothing above U+10FFFF), which is what Swift accepts.
        guard let base = buffer.baseAddress else { return true }
        let n = buffer.count
        var i = 0
        while i < n {
            if i + 8 <= n, UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self) & ByteScan.highs == 0 {
                i += 8
                continue
            }
            let lead = base[i]
            if lead < 0x80 {
                i += 1
                continue
            }
            @inline(__always) func continuation(_ k: Int, _ low: UInt8 = 0x80, _ high: UInt8 = 0xBF) -> Bool {
                i + k < n && base[i + k] >= low && base[i + k] <= high
            }
            switch lead {
            case 0xC2...0xDF:
                guard continuation(1) else { return false }
                i += 2
            case 0xE0...0xEF:
                let low: UInt8 = lead == 0xE0 ? 0xA0 : 0x80, high: UInt8 = lead == 0xED ? 0x9F : 0xBF
                guard continuation(1, low, high), continuation(2) else { return false }
                i += 3
            case 0xF0...0xF4:
                let low: UInt8 = lead == 0xF0 ? 0x90 : 0x80, high: UInt8 = lead == 0xF4 ? 0x8F : 0xBF
                guard continuation(1, low, high), continuation(2), continuation(3) else { return false }
                i += 4
            default:
                return false
            }
        }
        return true
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
        if let (encoding, _) = utf16Encoding(bytes) { return encoding == .utf16LittleEndian ? "UTF-16LE" : "UTF-16BE" }
        let valid = isValidUTF8(bytes)
        if let declared = declaredCharset(bytes), let known = canonicalName(declared) {
            // Single-byte text cannot be UTF-16 (the NUL pattern would have shown): the meta lies.
            if known.hasPrefix("UTF-16") { return valid ? "UTF-8" : "windows-1252" }
            // Multi-byte UTF-8 sequences are next to impossible in real single-byte text: the bytes win.
            if known == "windows-1252", valid, bytes.withUnsafeBytes({ ByteScan.largestByte($0) }) >= 0x80 { return "UTF-8" }
            return known
        }
        return valid ? "UTF-8" : "windows-1252"
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
