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
        // The fields joined by U+001F, fed to the hash one by one rather than copied into one string first.
        var hasher = SHA256()
        let fields = [title ?? "", company ?? "", location ?? "", datePosted?.description ?? "",
                      employmentType ?? "", salaryText ?? "", body, listedSkills.joined(separator: ",")]
        for (index, field) in fields.enumerated() {
            if index > 0 { withUnsafeBytes(of: UInt8(0x1F)) { hasher.update(bufferPointer: $0) } }
            var field = field
            field.withUTF8 { hasher.update(bufferPointer: UnsafeRawBufferPointer($0)) }
        }
        return Posting.hex(hasher.finalize().prefix(16))
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
            var pending = 0 // 1: a space is owed before the next word
            var wrote = 0   // 1: this field has written something
            let n = bytes.count
            var i = 0
            while i < n {
                // ASCII runs go through the branch-free loop, as far as the buffer has room.
                var o = count
                i = IDKeyWriter.normalizeASCII(base, n, from: i, into: chunk, at: &o, limit: IDKeyWriter.chunkSize - 1,
                                               pending: &pending, wrote: &wrote)
                count = o
                guard i < n else { break }
                if base[i] < 0x80 { flush(); continue } // the buffer is full
                var j = i
                while j < n, base[j] >= 0x80 { j += 1 }
                // Per scalar, as String.lowercased() does: its lowercase mapping, or itself.
                for scalar in String(decoding: UnsafeBufferPointer(start: base + i, count: j - i), as: UTF8.self).unicodeScalars {
                    let properties = scalar.properties
                    if properties.isWhitespace {
                        pending = wrote
                        continue
                    }
                    if pending == 1 { put(0x20); pending = 0 }
                    if properties.changesWhenLowercased {
                        for byte in properties.lowercaseMapping.utf8 { put(byte) }
                    } else {
                        UTF8.encode(scalar) { put($0) }
                    }
                    wrote = 1
                }
                i = j
            }
        }
    }

    /// Normalizes ASCII bytes from `i` until a non-ASCII byte, the end, or `limit` bytes in `out`; returns
    /// where it stopped. Branch-free (which bytes end words is unpredictable in real text): a space is
    /// written first and kept only when one is owed before a text byte, and a white-space byte writes a
    /// byte past the end that the next one overwrites (so `limit` keeps two bytes of room).
    @inline(__always)
    static func normalizeASCII(_ src: UnsafePointer<UInt8>, _ n: Int, from i: Int, into out: UnsafeMutablePointer<UInt8>,
                               at o: inout Int, limit: Int, pending: inout Int, wrote: inout Int) -> Int {
        var i = i, position = o, owed = pending, any = wrote
        while i < n, position < limit {
            if owed == 0, i + 9 <= n, position + 8 <= limit {
                // Eight bytes that are ASCII text and single spaces between words (not first in the field,
                // not last in the word) normalize to themselves lowercased: written at once.
                let word = UnsafeRawPointer(src + i).loadUnaligned(as: UInt64.self)
                if word & ByteScan.highs == 0, !ByteScan.hasByteBelow(0x0E, in: word) {
                    let spaces = ByteScan.marks(of: 0x20, in: word)
                    let spacesAfter = ByteScan.marks(of: 0x20, in: UnsafeRawPointer(src + i + 1).loadUnaligned(as: UInt64.self))
                    if spaces & spacesAfter == 0, spaces >> 63 == 0, spaces & 0x80 == 0 || any == 1 {
                        UnsafeMutableRawPointer(out + position).storeBytes(of: ByteScan.lowercasedASCII(word), as: UInt64.self)
                        position += 8
                        i += 8
                        any = 1
                        continue
                    }
                }
            }
            let b = src[i]
            if b >= 0x80 { break }
            let space = bit(b == 0x20) | bit(b &- 0x09 <= 4)
            let text = space ^ 1
            out[position] = 0x20
            position &+= owed & text
            out[position] = b | UInt8(truncatingIfNeeded: bit(b &- 0x41 < 26) << 5)
            position &+= text
            any |= text
            owed = space & any
            i += 1
        }
        o = position
        pending = owed
        wrote = any
        return i
    }

    /// 1 or 0, without a branch.
    @inline(__always) static func bit(_ value: Bool) -> Int { Int(unsafeBitCast(value, to: UInt8.self)) }
}
