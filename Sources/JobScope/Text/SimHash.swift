import Foundation

/// A 64-bit SimHash (Charikar 2002) over word 3-shingles of a posting body: near-identical bodies get
/// fingerprints that differ in few bits, so a repost with a changed date line or a reworded sentence is found.
///
/// Two bodies are near-duplicates when their fingerprints differ in at most `maxDistance` (3) of 64 bits,
/// the threshold Manku, Jain and Das Sarma (WWW 2007) validated for web pages. By the pigeonhole principle two
/// such fingerprints agree exactly on at least one of four 16-bit `bands`, which is what the store indexes.
/// Bodies shorter than `minimumWords` (30) get no fingerprint: a two-line stub says too little to call reposts.
public struct SimHash: Sendable, Hashable, Codable {
    /// The fingerprint bits.
    public var value: UInt64

    /// Fingerprints at most this many bits apart are near-duplicates.
    public static let maxDistance = 3
    /// Bodies with fewer words are not fingerprinted.
    public static let minimumWords = 30
    /// Words per shingle.
    public static let shingleSize = 3

    public init(value: UInt64) {
        self.value = value
    }

    /// The fingerprint of `text`, or nil when it has fewer than `minimumWords` words.
    public init?(text: String) {
        let words = SimHash.wordHashes(text)
        guard words.count >= SimHash.minimumWords else { return nil }
        // Per bit, how many shingle hashes have it set; the fingerprint bit is set where more than half do
        // (the sum of +1 per set and -1 per clear bit is positive). Counting ones is a branch-free add the
        // compiler vectorizes.
        // Lane j of `lanes` holds eight byte-wide counters, of bits j, j + 8, …, j + 56; they are emptied into
        // `ones` before a byte can overflow.
        var ones = [Int32](repeating: 0, count: 64)
        let k = SimHash.shingleSize
        let shingles = words.count - k + 1
        let shifts = SIMD8<UInt64>(0, 1, 2, 3, 4, 5, 6, 7)
        let lowBits = SIMD8<UInt64>(repeating: 0x0101_0101_0101_0101)
        var lanes = SIMD8<UInt64>(repeating: 0)
        var pending = 0
        func flush() {
            for j in 0..<8 {
                for byte in 0..<8 { ones[byte * 8 + j] += Int32(truncatingIfNeeded: (lanes[j] >> UInt64(byte * 8)) & 0xFF) }
            }
            lanes = SIMD8(repeating: 0)
            pending = 0
        }
        words.withUnsafeBufferPointer { words in
            for start in 0..<shingles {
                var h: UInt64 = 0x9E37_79B9_7F4A_7C15
                for offset in 0..<k {
                    h = SimHash.mix(h ^ words[start + offset])
                }
                lanes &+= (SIMD8(repeating: h) &>> shifts) & lowBits
                pending += 1
                if pending == 255 { flush() }
            }
        }
        flush()
        var value: UInt64 = 0
        for bit in 0..<64 where 2 * Int(ones[bit]) > shingles {
            value |= 1 << UInt64(bit)
        }
        self.value = value
    }

    /// Number of differing bits.
    public func distance(to other: SimHash) -> Int {
        (value ^ other.value).nonzeroBitCount
    }

    /// True when the two fingerprints are near-duplicates (`distance <= maxDistance`).
    public func isNearDuplicate(of other: SimHash) -> Bool {
        distance(to: other) <= SimHash.maxDistance
    }

    /// The four 16-bit slices of the fingerprint, low bits first.
    public var bands: [Int64] {
        (0..<4).map { Int64((value >> UInt64($0 * 16)) & 0xFFFF) }
    }

    /// The fingerprint as SQLite stores integers (same bits).
    public var storedValue: Int64 { Int64(bitPattern: value) }

    /// FNV-1a hashes of the lowercased letter-and-digit words of `text`; punctuation and case do not matter.
    static func wordHashes(_ text: String) -> [UInt64] {
        var text = text
        return text.withUTF8 { b in
            // A word takes at least one byte and a separator one more: n / 2 + 1 slots always suffice.
            [UInt64](unsafeUninitializedCapacity: b.count / 2 + 1) { hashes, count in
                let basis: UInt64 = 0xcbf2_9ce4_8422_2325
                let prime: UInt64 = 0x0000_0100_0000_01B3
                var h = basis
                var inWord = false
                let n = b.count
                var p = 0
                // Over the UTF-8 bytes (a String's scalars decoded by hand): ASCII, nearly all of a posting, costs
                // a compare or two per byte; other scalars are decoded and classified as `Unicode.Scalar.Properties`
                // say.
                while p < n {
                    let c = b[p]
                    var lower: UInt32
                    let isWord: Bool
                    if c < 0x80 {
                        p += 1
                        let folded = c &- 65 < 26 ? c | 0x20 : c
                        lower = UInt32(folded)
                        isWord = folded &- 97 < 26 || c &- 48 < 10
                    } else {
                        var v: UInt32
                        let width: Int
                        if c < 0xE0 {
                            v = UInt32(c & 0x1F); width = 2
                        } else if c < 0xF0 {
                            v = UInt32(c & 0x0F); width = 3
                        } else {
                            v = UInt32(c & 0x07); width = 4
                        }
                        for k in 1..<width { v = v << 6 | UInt32(b[p + k] & 0x3F) }
                        p += width
                        lower = v
                        let scalar = Unicode.Scalar(v)!
                        isWord = scalar.properties.isAlphabetic || scalar.properties.numericType != nil
                        if isWord, let l = scalar.properties.lowercaseMapping.unicodeScalars.first { lower = l.value }
                    }
                    if isWord {
                        if !inWord {
                            h = basis
                            inWord = true
                        }
                        h = (h ^ UInt64(lower)) &* prime
                    } else if inWord {
                        hashes[count] = h
                        count += 1
                        inWord = false
                    }
                }
                if inWord {
                    hashes[count] = h
                    count += 1
                }
            }
        }
    }

    /// SplitMix64's finalizer: spreads every input bit over the whole word.
    static func mix(_ x: UInt64) -> UInt64 {
        var z = x &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
