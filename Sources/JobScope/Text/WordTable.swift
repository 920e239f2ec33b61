import Foundation

/// An immutable map from words (lowercased tokens) to small integers, looked up straight from a text's bytes.
///
/// The vocabularies of the skill matcher, the attribute extractor and the TF-IDF vectorizer are built once; a
/// posting's every token is looked up in each. A `[String: Int32]` made that a SipHash of a fresh `String` per
/// token and lookup; here a token's hash is computed once (`AnalyzedText`), and a lookup is one probe in an
/// open-addressing table plus a byte compare that lowercases ASCII on the fly.
///
/// Lookups agree with `String` equality: an ASCII word equals a key exactly when their bytes are equal (no
/// vocabulary key is a non-ASCII spelling canonically equal to an ASCII word: keys are the tokenizer's lowercased
/// words, and the only such scalars, U+212A KELVIN SIGN, U+037E and U+1FEF, are lowercased to ASCII or are no
/// word scalars). Words with non-ASCII bytes go through a `[String: Int32]`, so canonical equivalence still holds.
struct WordTable: Sendable {
    /// Value for a word that is not in the table.
    static let missing: Int32 = -1

    /// Per slot, 0 when empty, otherwise the entry's hash's upper 32 bits (its tag) above its index + 1: a probe
    /// for an absent word (most tokens, in most tables) is decided by the tags without reading an entry. The
    /// slot count is a power of two.
    private let slots: [UInt64]
    private let mask: Int
    /// One word: its hash, where its bytes are in `keyBytes`, its value.
    private struct Entry {
        var hash: UInt64
        var start: Int32
        var length: Int32
        var value: Int32
    }
    private let entries: [Entry]
    private let keyBytes: [UInt8]
    /// The entries whose key has non-ASCII bytes or ASCII capitals (found only by `String` equality).
    private let nonASCII: [String: Int32]

    /// Number of words.
    let count: Int

    /// A table holding `words` (keys must be lowercase, as the tokenizer makes them).
    init(_ words: [String: Int32]) {
        // Sorted keys: the layout does not depend on the dictionary's per-process hash seed.
        let keys = words.keys.sorted()
        var size = 16
        while size < keys.count * 2 { size <<= 1 }
        var slots = [UInt64](repeating: 0, count: size)
        var entries: [Entry] = []
        var keyBytes: [UInt8] = []
        var nonASCII: [String: Int32] = [:]
        for key in keys {
            let value = words[key]!
            let utf8 = Array(key.utf8)
            guard !utf8.isEmpty, utf8.allSatisfy({ $0 < 0x80 && $0 &- 65 >= 26 }) else {
                nonASCII[key] = value
                continue
            }
            let hash = utf8.withUnsafeBufferPointer { Self.hash($0.baseAddress!, 0, $0.count, lowercasing: false) }
            let entry = Int32(entries.count)
            entries.append(Entry(hash: hash, start: Int32(keyBytes.count), length: Int32(utf8.count), value: value))
            keyBytes.append(contentsOf: utf8)
            var slot = Int(truncatingIfNeeded: hash) & (size - 1)
            while slots[slot] != 0 { slot = (slot + 1) & (size - 1) }
            slots[slot] = (hash >> 32) << 32 | UInt64(entry + 1)
        }
        self.slots = slots
        self.mask = size - 1
        self.entries = entries
        self.keyBytes = keyBytes
        self.nonASCII = nonASCII
        self.count = words.count
    }

    /// FNV-1a over the bytes `lo..<hi` (ASCII capitals read as lowercase when `lowercasing`), then mixed so the
    /// low bits that pick a slot depend on every byte.
    @inline(__always)
    static func hash(_ p: UnsafePointer<UInt8>, _ lo: Int, _ hi: Int, lowercasing: Bool) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for k in lo..<hi {
            var c = p[k]
            if lowercasing && c &- 65 < 26 { c |= 0x20 }
            h = (h ^ UInt64(c)) &* 0x0000_0100_0000_01B3
        }
        return SimHash.mix(h)
    }

    /// The value of the ASCII word at bytes `lo..<hi` of `p` read in lowercase, whose `hash` is
    /// `hash(p, lo, hi, lowercasing: true)`; `missing` when absent.
    @inline(__always)
    func value(hash: UInt64, _ p: UnsafePointer<UInt8>, _ lo: Int, _ hi: Int) -> Int32 {
        var slot = Int(truncatingIfNeeded: hash) & mask
        let tag = hash >> 32
        let length = hi - lo
        return slots.withUnsafeBufferPointer { slots in
            while true {
                let held = slots[slot]
                if held == 0 { return Self.missing }
                if held >> 32 == tag, let value = entryValue(Int(truncatingIfNeeded: held & 0xFFFF_FFFF) - 1, hash, p, lo, length) {
                    return value
                }
                slot = (slot + 1) & mask
            }
        }
    }

    /// The value of entry `index` when its key is the ASCII word at `lo..<lo + length` read in lowercase.
    @inline(__always)
    private func entryValue(_ index: Int, _ hash: UInt64, _ p: UnsafePointer<UInt8>, _ lo: Int, _ length: Int) -> Int32? {
        entries.withUnsafeBufferPointer { entries in
            let entry = entries[index]
            guard entry.hash == hash, Int(entry.length) == length else { return nil }
            return keyBytes.withUnsafeBufferPointer { keys in
                let start = Int(entry.start)
                for k in 0..<length {
                    var c = p[lo + k]
                    if c &- 65 < 26 { c |= 0x20 }
                    if c != keys[start + k] { return nil }
                }
                return entry.value
            }
        }
    }

    /// The value of a word given as a (lowercase) string; `missing` when absent.
    func value(of word: String) -> Int32 {
        var word = word
        let exact = word.withUTF8 { b -> Int32? in
            guard let base = b.baseAddress, !b.isEmpty else { return nil }
            for c in b where c >= 0x80 || c &- 65 < 26 { return nil }
            return value(hash: Self.hash(base, 0, b.count, lowercasing: false), base, 0, b.count)
        }
        return exact ?? nonASCII[word] ?? Self.missing
    }
}
