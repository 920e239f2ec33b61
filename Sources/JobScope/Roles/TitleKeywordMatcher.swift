import Foundation

/// Finds the taxonomy's title keywords (a role's `titleKeywords`, aliases and name) in a job title, as whole
/// word sequences: "Senior Machine-Learning Engineer" matches "machine learning engineer", "Engineering
/// Manager" does not match "engineer". A match lying inside another role's longer match does not count: in
/// "Data Scientist" the generic "scientist" is part of "data scientist" and says nothing about research roles.
public struct TitleKeywordMatcher: Sendable {
    private struct Phrase: Sendable {
        var text: String
        var words: [String]
        /// `words` as ids in `vocabulary`.
        var ids: [Int32]
    }

    /// Per role, in taxonomy order.
    private let phrases: [[Phrase]]
    public let roleIDs: [String]
    private let tokenizer = Tokenizer()
    /// Every word of every phrase → id: a title is matched as word ids, one lookup per title word.
    private let vocabulary: WordTable

    public init(taxonomy: Taxonomy) {
        roleIDs = taxonomy.roles.map(\.id)
        let tokenizer = Tokenizer()
        var ids: [String: Int32] = [:]
        var phrases: [[Phrase]] = taxonomy.roles.map { role in
            let all = Set((role.titleKeywords + role.aliases + [role.name]).map { $0.lowercased() })
            return all.sorted().compactMap { phrase in
                let words = tokenizer.words(in: TitleRuleSet.normalize(phrase))
                for word in words where ids[word] == nil { ids[word] = Int32(ids.count) }
                return words.isEmpty ? nil : Phrase(text: phrase, words: words, ids: words.map { ids[$0]! })
            }
        }
        vocabulary = WordTable(ids)
        for r in phrases.indices {
            for p in phrases[r].indices { phrases[r][p].ids = phrases[r][p].words.map(vocabulary.value(of:)) }
        }
        self.phrases = phrases
    }

    /// The phrases found in `title`, per role (taxonomy order), longest first.
    public func matches(in title: String?) -> [[String]] {
        guard let title, !title.isEmpty else { return Array(repeating: [], count: phrases.count) }
        let words = titleIDs(title)
        // Matches as (role, index of the phrase in the role's list, word span): no phrase copied.
        var found: [(role: Int, phrase: Int, span: Range<Int>)] = []
        for (role, rolePhrases) in phrases.enumerated() {
            for (index, phrase) in rolePhrases.enumerated() where phrase.ids.count <= words.count {
                for start in 0...(words.count - phrase.ids.count) where words[start] == phrase.ids[0] {
                    var k = 1
                    while k < phrase.ids.count && words[start + k] == phrase.ids[k] { k += 1 }
                    if k == phrase.ids.count { found.append((role, index, start..<(start + k))) }
                }
            }
        }
        var result = [[String]](repeating: [], count: phrases.count)
        guard !found.isEmpty else { return result }
        let kept = found.filter { match in
            !found.contains { other in
                other.role != match.role && other.span.count > match.span.count
                    && other.span.lowerBound <= match.span.lowerBound && other.span.upperBound >= match.span.upperBound
            }
        }
        for role in phrases.indices {
            let texts = kept.filter { $0.role == role }.map { phrases[role][$0.phrase] }
            guard !texts.isEmpty else { continue }
            var seen = Set<String>()
            result[role] = texts.sorted { ($0.words.count, $1.text) > ($1.words.count, $0.text) }
                .map(\.text).filter { seen.insert($0).inserted }
        }
        return result
    }

    /// The ids in `vocabulary` of the words of a title as rules see it: those of `TitleRuleSet.normalize(title)`.
    /// For an ASCII title that is its lowercased bytes with `-` and `_` as spaces (white space only separates
    /// tokens, so collapsing it changes none), read without building the `Character`s `normalize` goes through.
    func titleIDs(_ title: String) -> [Int32] {
        var ascii = true
        for c in title.utf8 where c >= 0x80 { ascii = false; break }
        guard ascii else { return tokenizer.words(in: TitleRuleSet.normalize(title)).map(vocabulary.value(of:)) }
        let spaced = String(decoding: title.utf8.map { c -> UInt8 in
            c == UInt8(ascii: "-") || c == UInt8(ascii: "_") ? 32 : c &- 65 < 26 ? c | 0x20 : c
        }, as: UTF8.self)
        return AnalyzedText(spaced, sections: false).ids(in: vocabulary)
    }
}
