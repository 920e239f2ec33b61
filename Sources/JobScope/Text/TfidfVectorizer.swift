import Foundation

/// Turns texts into TF-IDF vectors, following scikit-learn's `TfidfVectorizer`: `fit` learns a vocabulary and
/// IDF weights from documents, `transform` maps a text onto them.
///
/// The analysis of a text: the shared `Tokenizer` (which lowercases and keeps `c++`, `node.js`, `gpt-4` whole),
/// stop words removed, then n-grams formed from the remaining words (so a bigram may span a removed stop word,
/// as in scikit-learn). Weights: term count (or `1 + ln(count)` with `sublinearTF`) times IDF, where the IDF is
/// `ln((1 + n) / (1 + df)) + 1` with `smoothIDF` (as if one extra document held every term) or
/// `ln(n / df) + 1` without; each vector is then scaled to unit Euclidean length when `normalize` is on.
public struct TfidfVectorizer: Sendable, Codable {
    /// Fit settings. The defaults are scikit-learn's: unigrams, no stop words, every term kept, raw counts,
    /// smoothed IDF, L2 normalization.
    public struct Options: Sendable, Codable, Equatable {
        /// Words dropped before n-grams are formed (lowercase).
        public var stopWords: [String]
        /// Shortest and longest n-gram, in words.
        public var minN: Int
        public var maxN: Int
        /// A term must occur in at least this many documents to be kept.
        public var minDF: Int
        /// A term occurring in more than this fraction of documents is dropped (corpus-specific stop words).
        public var maxDFFraction: Double
        /// Keep only the terms with the highest total count over the corpus (ties: alphabetical); nil keeps all.
        public var maxFeatures: Int?
        /// Use `1 + ln(count)` instead of the raw count.
        public var sublinearTF: Bool
        public var useIDF: Bool
        public var smoothIDF: Bool
        /// Scale every vector to unit Euclidean length.
        public var normalize: Bool

        public init(stopWords: [String] = [], minN: Int = 1, maxN: Int = 1, minDF: Int = 1,
                    maxDFFraction: Double = 1.0, maxFeatures: Int? = nil, sublinearTF: Bool = false,
                    useIDF: Bool = true, smoothIDF: Bool = true, normalize: Bool = true) {
            self.stopWords = stopWords.map { $0.lowercased() }.sorted()
            self.minN = max(1, minN)
            self.maxN = max(max(1, minN), maxN)
            self.minDF = max(1, minDF)
            self.maxDFFraction = maxDFFraction
            self.maxFeatures = maxFeatures
            self.sublinearTF = sublinearTF
            self.useIDF = useIDF
            self.smoothIDF = smoothIDF
            self.normalize = normalize
        }
    }

    public let options: Options
    /// The fitted vocabulary, sorted; a term's position is its feature index.
    public private(set) var vocabulary: [String]
    /// IDF weight per feature index (all 1 when `useIDF` is off).
    public private(set) var idf: [Double]
    private var index: [String: Int]
    private let stopSet: Set<String>
    private let tokenizer = Tokenizer()
    /// Word-id lookup for unigram/bigram vocabularies (nil for longer n-grams).
    private var ngramIndex: NGramIndex?

    /// An unfitted vectorizer (empty vocabulary).
    public init(options: Options = .init()) {
        self.options = options
        self.vocabulary = []
        self.idf = []
        self.index = [:]
        self.stopSet = Set(options.stopWords)
    }

    /// A vectorizer with a given vocabulary and IDF (what `fit` would have learned), e.g. read back from a model.
    public init(options: Options, vocabulary: [String], idf: [Double]) {
        precondition(vocabulary.count == idf.count, "one IDF weight per vocabulary term")
        self.init(options: options)
        self.vocabulary = vocabulary
        self.idf = idf
        self.index = Dictionary(uniqueKeysWithValues: vocabulary.enumerated().map { ($1, $0) })
        self.ngramIndex = NGramIndex(options: options, vocabulary: vocabulary, stopWords: stopSet)
    }

    /// Number of features.
    public var featureCount: Int { vocabulary.count }

    /// The feature index of a term (`"machine learning"` for a bigram), if it is in the vocabulary.
    public func featureIndex(of term: String) -> Int? { index[term] }

    /// The terms of a text: its lowercased tokens without stop words, as n-grams joined by one space.
    public func analyze(_ text: String) -> [String] {
        analyze(words: tokenizer.words(in: text))
    }

    /// The terms of a text given as its lowercased tokens.
    public func analyze(words: [String]) -> [String] {
        let words = words.filter { !stopSet.contains($0) }
        guard !words.isEmpty else { return [] }
        var terms: [String] = []
        terms.reserveCapacity(words.count * (options.maxN - options.minN + 1))
        for n in options.minN...options.maxN where n <= words.count {
            if n == 1 {
                terms.append(contentsOf: words)
                continue
            }
            for start in 0...(words.count - n) {
                terms.append(words[start..<(start + n)].joined(separator: " "))
            }
        }
        return terms
    }

    /// Learns the vocabulary and IDF from `documents`.
    public mutating func fit(_ documents: [String]) {
        fit(analyzed: documents.map(analyze))
    }

    /// Learns the vocabulary and IDF from documents already passed through `analyze` (lets a caller that fits
    /// many times, as cross-validation does, analyze each text once).
    public mutating func fit(analyzed documents: [[String]]) {
        var documentFrequency: [String: Int] = [:]
        var totalCount: [String: Int] = [:]
        for terms in documents {
            for term in terms { totalCount[term, default: 0] += 1 }
            for term in Set(terms) { documentFrequency[term, default: 0] += 1 }
        }
        let n = documents.count
        let maxDF = options.maxDFFraction >= 1 ? n : Int((options.maxDFFraction * Double(n)).rounded(.down))
        var kept = documentFrequency.filter { $0.value >= options.minDF && $0.value <= maxDF }.map(\.key)
        if let limit = options.maxFeatures, kept.count > limit {
            // Highest corpus count first; alphabetical among equals so the result never depends on hashing.
            kept.sort { (totalCount[$0]!, $1) > (totalCount[$1]!, $0) }
            kept = Array(kept.prefix(limit))
        }
        kept.sort()
        vocabulary = kept
        index = Dictionary(uniqueKeysWithValues: kept.enumerated().map { ($1, $0) })
        ngramIndex = NGramIndex(options: options, vocabulary: kept, stopWords: stopSet)
        idf = kept.map { term in
            guard options.useIDF else { return 1 }
            let df = Double(documentFrequency[term]!)
            let count = Double(n)
            return options.smoothIDF ? log((1 + count) / (1 + df)) + 1 : log(count / df) + 1
        }
    }

    /// The TF-IDF vector of a text.
    public func transform(_ text: String) -> SparseVector {
        transform(analyzed: analyze(text))
    }

    /// The TF-IDF vector of a text given as its lowercased tokens. Unigrams and bigrams are looked up through
    /// word ids (one hash per word), so no bigram string is built; longer n-grams take the general path.
    public func transform(words: [String]) -> SparseVector {
        guard let ngrams = ngramIndex else { return transform(analyzed: analyze(words: words)) }
        return transform(wordIDs: words.map { ngrams.wordIDs.value(of: $0) }, ngrams: ngrams)
    }

    /// The TF-IDF vector of a title (nil or empty: none) followed by an analyzed body: the words of
    /// `RoleClassifier.document(title:body:)` without building it (the line break between them ends any token).
    func transform(title: String?, body: AnalyzedText) -> SparseVector {
        guard let ngrams = ngramIndex else {
            var words = title.map { tokenizer.words(in: $0) } ?? []
            words.append(contentsOf: body.words)
            return transform(analyzed: analyze(words: words))
        }
        var ids = title.map { AnalyzedText($0, sections: false).ids(in: ngrams.wordIDs) } ?? []
        ids.append(contentsOf: body.ids(in: ngrams.wordIDs))
        return transform(wordIDs: ids, ngrams: ngrams)
    }

    /// The vector of a text given as its words' ids in `ngrams.wordIDs`.
    private func transform(wordIDs: [Int32], ngrams: NGramIndex) -> SparseVector {
        // Feature counts in a dense array (a few thousand features), read back in feature order: no sort, no
        // per-posting dictionary.
        let features = vocabulary.count
        var counts = [Int32](repeating: 0, count: features)
        var distinct = 0
        counts.withUnsafeMutableBufferPointer { counts in
            func hit(_ feature: Int) {
                if counts[feature] == 0 { distinct += 1 }
                counts[feature] += 1
            }
            var previous: Int32? = nil  // the last word that is no stop word (-1: not in any vocabulary term)
            for id in wordIDs {
                if id == NGramIndex.stopWord { continue }
                if id >= 0 {
                    if options.minN == 1 {
                        let feature = ngrams.unigramFeature[Int(id)]
                        if feature >= 0 { hit(Int(feature)) }
                    }
                    if options.maxN == 2, let before = previous, before >= 0, let feature = ngrams.bigramFeature(before, id) {
                        hit(feature)
                    }
                }
                previous = id
            }
        }
        var pairs: [(key: Int, value: Int)] = []
        pairs.reserveCapacity(distinct)
        for feature in 0..<features where counts[feature] != 0 { pairs.append((feature, Int(counts[feature]))) }
        return vector(sortedCounts: pairs)
    }

    /// The TF-IDF vector of a text already passed through `analyze`.
    public func transform(analyzed terms: [String]) -> SparseVector {
        var counts: [Int: Int] = [:]
        for term in terms {
            if let feature = index[term] { counts[feature, default: 0] += 1 }
        }
        return vector(counts: counts)
    }

    private func vector<C: Collection>(counts: C) -> SparseVector where C.Element == (key: Int, value: Int) {
        let vector = SparseVector(pairs: counts.map { feature, count in
            let tf = options.sublinearTF ? 1 + log(Double(count)) : Double(count)
            return (feature, tf * idf[feature])
        })
        return options.normalize ? vector.normalized() : vector
    }

    /// The same for counts already in ascending feature order, each feature once (no re-sorting).
    private func vector(sortedCounts counts: [(key: Int, value: Int)]) -> SparseVector {
        let vector = SparseVector(ascending: counts.map { feature, count in
            let tf = options.sublinearTF ? 1 + log(Double(count)) : Double(count)
            return (feature, tf * idf[feature])
        })
        return options.normalize ? vector.normalized() : vector
    }

    private enum CodingKeys: String, CodingKey {
        case options, vocabulary, idf
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let options = try container.decode(Options.self, forKey: .options)
        let vocabulary = try container.decode([String].self, forKey: .vocabulary)
        let idf = try container.decode([Double].self, forKey: .idf)
        guard vocabulary.count == idf.count else {
            throw DecodingError.dataCorruptedError(forKey: .idf, in: container,
                debugDescription: "\(idf.count) IDF weights for \(vocabulary.count) vocabulary terms")
        }
        self.init(options: options, vocabulary: vocabulary, idf: idf)
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(options, forKey: .options)
        try container.encode(vocabulary, forKey: .vocabulary)
        try container.encode(idf, forKey: .idf)
    }
}
