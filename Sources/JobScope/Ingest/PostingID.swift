import Crypto
import Foundation

extension Posting {
    /// The stable id: the first 16 hex digits of SHA-256 over normalized title, company and body.
    /// Normalizing (case, white space) makes the same posting re-exported by another tool keep its id.
    public static func makeID(title: String?, company: String?, body: String) -> String {
        // The key (the three normalized texts joined by U+001F) streams into the hash through a small
        // buffer instead of being built as strings first: this runs for every posting read.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: IDKeyWriter.chunkSize) { chunk in
            var writer = IDKeyWriter(chunk: chunk.baseAddress!, hashing: true)
            writer.addNormalized(title ?? "")
            writer.put(0x1F)
            writer.addNormalized(company ?? "")
            writer.put(0x1F)
            writer.addNormalized(body)
            writer.flush()
            return hex(writer.hasher.finalize().prefix(8))
        }
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
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: IDKeyWriter.chunkSize) { chunk in
            var writer = IDKeyWriter(chunk: chunk.baseAddress!, hashing: false)
            writer.addNormalized(text)
            writer.flush()
            return String(decoding: writer.collected, as: UTF8.self)
        }
    }
}

/// Writes the normalized id key through a fixed buffer, into SHA-256 (or, for `normalizedForID`, an array).
private struct IDKeyWriter {
    static let chunkSize = 4096
    let chunk: UnsafeMutablePointer<UInt8>
    let hashing: Bool
    var count = 0
    var hasher = SHA256()
    var collected: [UInt8] = []

    init(chunk: UnsafeMutablePointer<UInt8>, hashing: Bool) {
        self.chunk = chunk
        self.hashing = hashing
    }

    @inline(__always) mutating func put(_ b: UInt8) {
        if count == IDKeyWriter.chunkSize { flush() }
        chunk[count] = b
        count += 1
    }

    mutating func flush() {
        let bytes = UnsafeRawBufferPointer(start: chunk, count: count)
        if hashing { hasher.update(bufferPointer: bytes) } else { collected.append(contentsOf: bytes) }
        count = 0
    }

    /// `text.lowercased()` split on white space and joined with " " (see `Posting.normalizedForID`).
    mutating func addNormalized(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return }
            // The ASCII loop keeps the buffer position in a local: stores through the UInt8 pointer
            // would otherwise force `count` back to memory on every byte.
            let out = chunk
            var o = count
            var pendingSpace = false
            var wroteAny = false
            let n = bytes.count
            var i = 0
            while i < n {
                let b = base[i]
                if b < 0x80 {
                    // Branch-free: which bytes end words in real text is unpredictable. A space is written
                    // first and kept only when one is owed before this byte; a white-space byte writes a
                    // byte past the end that the next one overwrites (so two bytes of room are kept).
                    if o >= IDKeyWriter.chunkSize - 2 { count = o; flush(); o = 0 }
                    let space: Int = (b == 0x20 ? 1 : 0) | (b &- 0x09 <= 4 ? 1 : 0)
                    let text = 1 &- space
                    out[o] = 0x20
                    o &+= (pendingSpace ? 1 : 0) & text
                    out[o] = b &- 0x41 < 26 ? b | 0x20 : b
                    o &+= text
                    wroteAny = wroteAny || text == 1
                    pendingSpace = space == 1 && wroteAny
                    i += 1
                    continue
                }
                var j = i
                while j < n, base[j] >= 0x80 { j += 1 }
                count = o
                // Per scalar, as String.lowercased() does: its lowercase mapping, or itself.
                for scalar in String(decoding: UnsafeBufferPointer(start: base + i, count: j - i), as: UTF8.self).unicodeScalars {
                    let properties = scalar.properties
                    if properties.isWhitespace {
                        pendingSpace = wroteAny
                        continue
                    }
                    if pendingSpace { put(0x20); pendingSpace = false }
                    if properties.changesWhenLowercased {
                        for byte in properties.lowercaseMapping.utf8 { put(byte) }
                    } else {
                        UTF8.encode(scalar) { put($0) }
                    }
                    wroteAny = true
                }
                o = count
                i = j
            }
            count = o
        }
    }
}
