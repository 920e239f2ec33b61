import Foundation

/// Finds the taxonomy's title keywords (a role's `titleKeywords`, aliases and name) in a job title, as whole
/// word sequences: "Senior Machine-Learning Engineer" matches "machine learning engineer", "Engineering
/// Manager" does not match "engineer". A match lying inside another role's longer match does not count: in
/// "Data Scientist" the generic "scientist" is part of "data scientist" and says nothing about research roles.
public struct TitleKeywordMatcher: Sendable {
    private struct Phrase: Sendable {
        var text: String
        var words: [String]
    }

    /// Per role, in taxonomy order.
    private let phrases: [[Phrase]]
    public let roleIDs: [String]
    private let tokenizer = Tokenizer()

    public init(taxonomy: Taxonomy) {
        roleIDs = taxonomy.roles.map(\.id)
        let tokenizer = Tokenizer()
        phrases = taxonomy.roles.map { role in
            let all = Set((role.titleKeywords + role.aliases + [role.name]).map { $0.lowercased() })
            return all.sorted().compactMap { phrase in
                let words = tokenizer.words(in: TitleRuleSet.normalize(phrase))
                return words.isEmpty ? nil : Phrase(text: phrase, words: words)
            }
        }
    }

    /// The phrases found in `title`, per role (taxonomy order), longest first.
    public func matches(in title: String?) -> [[String]] {
        guard let title, !title.isEmpty else { return Array(repeating: [], count: phrases.count) }
        let words = tokenizer.words(in: TitleRuleSet.normalize(title))
        var found: [(role: Int, phrase: Phrase, span: Range<Int>)] = []
        for (role, rolePhrases) in phrases.enumerated() {
            for phrase in rolePhrases {
                for span in Self.occurrences(of: phrase.words, in: words) { found.append((role, phrase, span)) }
            }
        }
        let kept = found.filter { match in
            !found.contains { other in
                other.role != match.role && other.span.count > match.span.count
                    && other.span.lowerBound <= match.span.lowerBound && other.span.upperBound >= match.span.upperBound
            }
        }
        return phrases.indices.map { role in
            let texts = kept.filter { $0.role == role }.map(\.phrase)
            var seen = Set<String>()
            return texts.sorted { ($0.words.count, $1.text) > ($1.words.count, $0.text) }
                .map(\.text).filter { seen.insert($0).inserted }
        }
    }

    static func occurrences(of phrase: [String], in words: [String]) -> [Range<Int>] {
        guard !phrase.isEmpty, phrase.count <= words.count else { return [] }
        return (0...(words.count - phrase.count)).filter { start in
            words[start] == phrase[0] && Array(words[start..<(start + phrase.count)]) == phrase
        }.map { $0..<($0 + phrase.count) }
    }
}
