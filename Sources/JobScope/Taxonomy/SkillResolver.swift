import Foundation

/// Finds the taxonomy skill a person means by a written name: an id (`nextjs`), a name (`Next.js`) or an
/// alias (`NextJS`), case-insensitively, and also when only punctuation or spacing differs ("next js").
public struct SkillResolver: Sendable {
    let exact: [String: String]
    let byWords: [String: String]
    /// Letters and digits only ("nextjs" for "Next.js", "Next JS", "NextJS").
    let byLetters: [String: String]
    let broader: [String: String]

    public init(taxonomy: Taxonomy) {
        let tokenizer = Tokenizer()
        var exact: [String: String] = [:]
        var byWords: [String: String] = [:]
        var byLetters: [String: String] = [:]
        // Ids first, then names, then aliases: the first claim of a spelling wins.
        for pass in 0..<3 {
            for skill in taxonomy.skills {
                let spellings: [String]
                switch pass {
                case 0: spellings = [skill.id]
                case 1: spellings = [skill.name]
                default: spellings = skill.aliases + skill.weakAliases
                }
                for spelling in spellings {
                    let key = spelling.trimmingCharacters(in: .whitespaces).lowercased()
                    if exact[key] == nil { exact[key] = skill.id }
                    let words = tokenizer.words(in: spelling).joined(separator: " ")
                    if !words.isEmpty, byWords[words] == nil { byWords[words] = skill.id }
                    let letters = Self.letters(spelling)
                    if !letters.isEmpty, byLetters[letters] == nil { byLetters[letters] = skill.id }
                }
            }
        }
        self.exact = exact
        self.byWords = byWords
        self.byLetters = byLetters
        self.broader = Dictionary(taxonomy.skills.compactMap { s in s.broader.map { (s.id, $0) } },
                                  uniquingKeysWith: { a, _ in a })
    }

    /// The id of the skill `written` names, or nil when the taxonomy has no such skill.
    public func resolve(_ written: String) -> String? {
        let key = written.trimmingCharacters(in: .whitespaces).lowercased()
        if let id = exact[key] { return id }
        let words = Tokenizer().words(in: written).joined(separator: " ")
        if !words.isEmpty, let id = byWords[words] { return id }
        let letters = Self.letters(written)
        return letters.isEmpty ? nil : byLetters[letters]
    }

    /// Lowercased letters and digits, with `+` and `#` kept so C++ and C# stay apart from C.
    static func letters(_ text: String) -> String {
        String(text.lowercased().unicodeScalars.filter {
            CharacterSet.alphanumerics.contains($0) || $0 == "+" || $0 == "#"
        }.map(Character.init))
    }

    /// The skills `id` falls under through `broader` links, nearest first (`mysql` → `relational-databases`).
    public func broaderChain(of id: String) -> [String] {
        var chain: [String] = []
        var next = broader[id]
        while let current = next, !chain.contains(current), current != id {
            chain.append(current)
            next = broader[current]
        }
        return chain
    }
}
