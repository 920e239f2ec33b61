import Foundation

/// One token of an `AnalyzedText`: its byte range and the hash `WordTable` looks its lowercased form up by.
struct WordSpan: Sendable {
    /// What a token holds, noted while it is read so that later passes need not look at its bytes again.
    struct Flags: OptionSet, Sendable {
        let rawValue: UInt8
        /// A byte of 0x80 or more (the token goes by its lowercased string, not by `hash`).
        static let nonASCII = Flags(rawValue: 1)
        /// A `.` ("node.js", ".net", "Tableau.Qualifications").
        static let dot = Flags(rawValue: 2)
        /// A `-` ("scikit-learn", "LLM-powered").
        static let hyphen = Flags(rawValue: 4)
    }

    var lo: Int32
    var hi: Int32
    /// `WordTable.hash` of the lowercased bytes (0 for a token with non-ASCII bytes: those go by string).
    var hash: UInt64
    var flags: Flags

    var isASCII: Bool { !flags.contains(.nonASCII) }
    var range: Range<Int> { Int(lo)..<Int(hi) }
}

/// A posting body read once for every analysis: its UTF-8 bytes, its tokens and its requirement sections.
///
/// `PostingAnalyzer` builds one per posting and hands it to the skill matcher, the attribute extractor and the
/// role classifier, which would otherwise each copy the bytes, tokenize the body and map its sections again.
/// Tokens are kept as byte ranges with a hash: each component maps them to its own word ids through a
/// `WordTable` (`ids(in:)`), so no string is made per token.
public struct AnalyzedText: Sendable {
    /// The text as read.
    public let text: String
    /// Its UTF-8 bytes (token and section offsets point into these).
    public let bytes: [UInt8]
    /// The shared `Tokenizer`'s tokens, as byte ranges.
    let spans: [WordSpan]
    /// The lowercased form of the tokens that have non-ASCII bytes, by token index (ASCII ones are lowercased
    /// byte by byte where they are read).
    let nonASCII: [Int32: String]
    /// Where requirements, preferences and other sections start.
    let sections: RequirementSections

    /// Reads `text` once: bytes, tokens, sections.
    public init(_ text: String) {
        self.init(text, sections: true)
    }

    /// Reads `text`; without `sections` (a title, a skills list used as such) the section map is left empty.
    init(_ text: String, sections: Bool) {
        let bytes = Array(text.utf8)
        self.text = text
        self.bytes = bytes
        (spans, nonASCII) = bytes.withUnsafeBufferPointer { Tokenizer.spans(in: $0) }
        self.sections = sections ? RequirementSections(bytes: bytes) : RequirementSections(bytes: [])
    }

    /// Number of tokens.
    public var tokenCount: Int { spans.count }

    /// The shared `Tokenizer`'s tokens of the text (made on demand; the analyses read `spans`).
    public var tokens: [Token] { Tokenizer().tokens(in: text, bytes: bytes) }

    /// The lowercased tokens: what the TF-IDF vectorizer reads (made on demand).
    public var words: [String] { spans.indices.map(word) }

    /// The lowercased form of token `k`, as `Token.lowercased` has it.
    func word(_ k: Int) -> String {
        if let lowered = nonASCII[Int32(k)] { return lowered }
        let span = spans[k]
        return bytes.withUnsafeBufferPointer { b in
            String(unsafeUninitializedCapacity: Int(span.hi - span.lo)) { out in
                for i in span.range {
                    let c = b[i]
                    out[i - Int(span.lo)] = c &- 65 < 26 ? c | 0x20 : c
                }
                return Int(span.hi - span.lo)
            }
        }
    }

    /// Each token's value in `table` (`WordTable.missing` for a word not in it).
    func ids(in table: WordTable) -> [Int32] {
        bytes.withUnsafeBufferPointer { b in
            guard let base = b.baseAddress else { return [] }
            return [Int32](unsafeUninitializedCapacity: spans.count) { out, initialized in
                for (k, span) in spans.enumerated() {
                    out[k] = span.isASCII ? table.value(hash: span.hash, base, Int(span.lo), Int(span.hi))
                        : table.value(of: nonASCII[Int32(k)]!)
                }
                initialized = spans.count
            }
        }
    }
}
