import Foundation

/// A posting body read once for every analysis: its UTF-8 bytes, its tokens and its requirement sections.
///
/// `PostingAnalyzer` builds one per posting and hands it to the skill matcher, the attribute extractor and the
/// role classifier, which would otherwise each copy the bytes, tokenize the body and map its sections again.
public struct AnalyzedText: Sendable {
    /// The text as read.
    public let text: String
    /// Its UTF-8 bytes (token and section offsets point into these).
    public let bytes: [UInt8]
    /// The shared `Tokenizer`'s tokens of the text.
    public let tokens: [Token]
    /// Where requirements, preferences and other sections start.
    let sections: RequirementSections

    /// Reads `text` once: bytes, tokens, sections.
    public init(_ text: String) {
        let bytes = Array(text.utf8)
        self.text = text
        self.bytes = bytes
        self.tokens = Tokenizer().tokens(in: text, bytes: bytes)
        self.sections = RequirementSections(bytes: bytes)
    }

    /// The lowercased tokens: what the TF-IDF vectorizer reads.
    public var words: [String] { tokens.map(\.lowercased) }
}
