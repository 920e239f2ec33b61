import Crypto
import Foundation

extension Posting {
    /// The stable id: the first 16 hex digits of SHA-256 over normalized title, company and body.
    /// Normalizing (case, white space) makes the same posting re-exported by another tool keep its id.
    public static func makeID(title: String?, company: String?, body: String) -> String {
        let key = [title ?? "", company ?? "", body].map(normalizedForID).joined(separator: "\u{1F}")
        let digest = SHA256.hash(data: Data(key.utf8))
        return hex(digest.prefix(8))
    }

    /// Content hash over every field the analysis reads, so a changed posting is re-read.
    public var contentHash: String {
        let key = [title ?? "", company ?? "", location ?? "", datePosted?.description ?? "",
                   employmentType ?? "", salaryText ?? "", body, listedSkills.joined(separator: ",")]
            .joined(separator: "\u{1F}")
        let digest = SHA256.hash(data: Data(key.utf8))
        return Posting.hex(digest.prefix(16))
    }

    /// Lowercase hex digits of `bytes` (what `String(format: "%02x")` gives, without its cost per byte).
    static func hex<S: Sequence>(_ bytes: S) -> String where S.Element == UInt8 {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        for b in bytes {
            out.append(digits[Int(b >> 4)])
            out.append(digits[Int(b & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Lowercased, white space runs collapsed to one space, trimmed: `text.lowercased()` split on white
    /// space and joined with " ", computed on UTF-8 bytes (ASCII directly, other runs scalar by scalar)
    /// because this runs over every body read.
    static func normalizedForID(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes -> String in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            var pendingSpace = false
            let n = bytes.count
            var i = 0
            while i < n {
                let b = bytes[i]
                if b < 0x80 {
                    if b == 0x20 || (b >= 0x09 && b <= 0x0D) {
                        pendingSpace = !out.isEmpty
                    } else {
                        if pendingSpace { out.append(0x20); pendingSpace = false }
                        out.append(b >= 0x41 && b <= 0x5A ? b | 0x20 : b)
                    }
                    i += 1
                    continue
                }
                var j = i
                while j < n, bytes[j] >= 0x80 { j += 1 }
                // Per scalar, as String.lowercased() does: its lowercase mapping, or itself.
                for scalar in String(decoding: UnsafeBufferPointer(rebasing: bytes[i..<j]), as: UTF8.self).unicodeScalars {
                    let properties = scalar.properties
                    if properties.isWhitespace {
                        pendingSpace = !out.isEmpty
                        continue
                    }
                    if pendingSpace { out.append(0x20); pendingSpace = false }
                    if properties.changesWhenLowercased {
                        out.append(contentsOf: properties.lowercaseMapping.utf8)
                    } else {
                        UTF8.encode(scalar) { out.append($0) }
                    }
                }
                i = j
            }
            return String(decoding: out, as: UTF8.self)
        }
    }
}
