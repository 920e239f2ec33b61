import Foundation

/// Finds the taxonomy's title keywords (a role's `titleKeywords`, aliases and name) in a job title, as whole
/// word sequences: "Senior Machine-Learning Engineer" matches "machine learning engineer" but "Engineering
/// Manager" does not match "engineer".
public struct TitleKeywordMatcher: Sendable {
    /// Per role, in taxonomy order: each phrase as written and as its word sequence.
    private let phrases: [[(text: String, words: [String])]]
    public let roleIDs: [String]
    private let tokenizer = Tokenizer()

    public init(taxonomy: Taxonomy) {
        roleIDs = taxonomy.roles.map(\.id)
        let tokenizer = Tokenizer()
        phrases = taxonomy.roles.map { role in
            let all = Set((role.titleKeywords + role.aliases + [role.name]).map { $0.lowercased() })
            return all.sorted().compactMap { phrase in
                let words = tokenizer.words(in: TitleRuleSet.normalize(phrase))
                return words.isEmpty ? nil : (phrase, words)
            }
        }
    }

    /// The phrases found in `title`, per role (taxonomy order), longest first.
    public func matches(in title: String?) -> [[String]] {
        guard let title, !title.isEmpty else { return Array(repeating: [], count: phrases.count) }
        let words = tokenizer.words(in: TitleRuleSet.normalize(title))
        return phrases.map { rolePhrases in
            rolePhrases.filter { Self.contains(words, $0.words) }
                .sorted { ($0.words.count, $1.text) > ($1.words.count, $0.text) }
                .map(\.text)
        }
    }

    static func contains(_ words: [String], _ phrase: [String]) -> Bool {
        guard phrase.count <= words.count else { return false }
        for start in 0...(words.count - phrase.count) where words[start] == phrase[0] {
            if Array(words[start..<(start + phrase.count)]) == phrase { return true }
        }
        return false
    }
}
