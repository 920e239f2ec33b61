import Foundation

/// A fitted unigram/bigram vocabulary keyed by word ids, so a text's terms are found with one hash lookup per
/// word instead of one per term, and no bigram string is joined.
struct NGramIndex: Sendable {
    /// The id given to stop words: skipped before n-grams are formed.
    static let stopWord: Int32 = -2
    /// Every word of every vocabulary term → id; stop words → `stopWord`.
    let wordIDs: WordTable
    /// Feature index of the unigram of each word id (-1 when the word alone is no term); 4-byte entries, so the
    /// array read per word stays small enough for the cache.
    let unigramFeature: [Int32]
    /// Feature index of each bigram, keyed by its two word ids (first in the high half).
    let bigram: [UInt64: Int]
    /// The same as an open-addressing table (keys, feature or -1 for an empty slot): looked up per word pair,
    /// where a `Dictionary` ran SipHash each time.
    private let bigramKeys: [UInt64]
    private let bigramFeatures: [Int32]
    private let bigramMask: Int
    /// Per word id: bit 1 when the word begins a vocabulary bigram, bit 2 when it ends one. Most word pairs of a
    /// text are no bigram, and these two reads tell so without hashing the pair.
    private let bigramSides: [UInt8]

    /// Nil when the options ask for n-grams longer than two words.
    init?(options: TfidfVectorizer.Options, vocabulary: [String], stopWords: Set<String>) {
        guard options.maxN <= 2 else { return nil }
        var wordIDs: [String: Int32] = [:]
        var unigram: [Int?] = []
        var bigram: [UInt64: Int] = [:]
        func id(_ word: Substring) -> Int32 {
            let key = String(word)
            if let known = wordIDs[key] { return known }
            let new = Int32(unigram.count)
            wordIDs[key] = new
            unigram.append(nil)
            return new
        }
        for (feature, term) in vocabulary.enumerated() {
            let parts = term.split(separator: " ", omittingEmptySubsequences: false)
            switch parts.count {
            case 1: unigram[Int(id(parts[0]))] = feature
            case 2:
                let key = UInt64(UInt32(id(parts[0]))) << 32 | UInt64(UInt32(id(parts[1])))
                bigram[key] = feature
            default: return nil  // a term this index cannot stand for: use the string path
            }
        }
        for word in stopWords { wordIDs[word] = Self.stopWord }
        self.wordIDs = WordTable(wordIDs)
        self.bigram = bigram
        self.unigramFeature = unigram.map { $0.map(Int32.init) ?? -1 }
        var sides = [UInt8](repeating: 0, count: unigram.count)
        for key in bigram.keys {
            sides[Int(key >> 32)] |= 1
            sides[Int(key & 0xFFFF_FFFF)] |= 2
        }
        self.bigramSides = sides
        var size = 16
        while size < bigram.count * 2 { size <<= 1 }
        var keys = [UInt64](repeating: 0, count: size)
        var features = [Int32](repeating: -1, count: size)
        for (key, feature) in bigram.sorted(by: { $0.key < $1.key }) {
            var slot = Int(truncatingIfNeeded: SimHash.mix(key)) & (size - 1)
            while features[slot] >= 0 { slot = (slot + 1) & (size - 1) }
            keys[slot] = key
            features[slot] = Int32(feature)
        }
        self.bigramKeys = keys
        self.bigramFeatures = features
        self.bigramMask = size - 1
    }

    /// The feature of the bigram of word ids `first`, `second` (both >= 0), if it is one.
    @inline(__always)
    func bigramFeature(_ first: Int32, _ second: Int32) -> Int? {
        guard bigramSides[Int(first)] & 1 != 0, bigramSides[Int(second)] & 2 != 0 else { return nil }
        let key = UInt64(UInt32(first)) << 32 | UInt64(UInt32(second))
        var slot = Int(truncatingIfNeeded: SimHash.mix(key)) & bigramMask
        while true {
            let feature = bigramFeatures[slot]
            if feature < 0 { return nil }
            if bigramKeys[slot] == key { return Int(feature) }
            slot = (slot + 1) & bigramMask
        }
    }
}
