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
        var ones = [Int32](repeating: 0, count: 64)
        let k = SimHash.shingleSize
        let shingles = words.count - k + 1
        ones.withUnsafeMutableBufferPointer { ones in
            words.withUnsafeBufferPointer { words in
                for start in 0..<shingles {
                    var h: UInt64 = 0x9E37_79B9_7F4A_7C15
                    for offset in 0..<k {
                        h = SimHash.mix(h ^ words[start + offset])
                    }
                    for bit in 0..<64 {
                        ones[bit] &+= Int32(truncatingIfNeeded: (h >> UInt64(bit)) & 1)
                    }
                }
            }
        }
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
            var hashes: [UInt64] = []
            hashes.reserveCapacity(b.count / 6)
            var h: UInt64 = 0xcbf2_9ce4_8422_2325
            var inWord = false
            let n = b.count
            var p = 0
            // Over the UTF-8 bytes (a String's scalars decoded by hand): ASCII, nearly all of a posting, costs a
            // compare or two per byte; other scalars are decoded and classified as `Unicode.Scalar.Properties` say.
            while p < n {
                let c = b[p]
                var lower: UInt32
                let isWord: Bool
                if c < 0x80 {
                    p += 1
                    lower = UInt32(c)
                    if c &- 65 < 26 { lower |= 0x20 }
                    isWord = lower &- 97 < 26 || c &- 48 < 10
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
                        h = 0xcbf2_9ce4_8422_2325
                        inWord = true
                    }
                    h = (h ^ UInt64(lower)) &* 0x0000_0100_0000_01B3
                } else if inWord {
                    hashes.append(h)
                    inWord = false
                }
            }
            if inWord { hashes.append(h) }
            return hashes
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
