import Foundation

/// Skills a posting's title asks for although its text never spells them: a "Frontend Engineer" posting asks
/// for frontend development. Each rule is a skill's `titleHeads` in the taxonomy (data, with the measured
/// precision in a comment there); an inferred mention says so (`inferred: "title"`, evidence "title: …").
struct TitleInference: Sendable {
    /// One title head: its words (as the tokenizer lowercases them) and the skill it implies.
    struct Head: Sendable {
        let words: [String]
        let skill: Skill
    }

    /// What `SkillMention.inferred` says for a skill implied by the title.
    static let kind = "title"

    let heads: [Head]

    init(taxonomy: Taxonomy) {
        let tokenizer = Tokenizer()
        var heads: [Head] = []
        for skill in taxonomy.skills {
            for head in skill.titleHeads {
                let words = tokenizer.words(in: head)
                if !words.isEmpty { heads.append(Head(words: words, skill: skill)) }
            }
        }
        self.heads = heads
    }

    /// The skills `title` implies that are not in `found`, in taxonomy order, required (the title is the job).
    func mentions(title: String?, found: [SkillMention]) -> [SkillMention] {
        guard !heads.isEmpty, let title, !title.isEmpty else { return [] }
        let words = Tokenizer().words(in: title)
        guard !words.isEmpty else { return [] }
        var result: [SkillMention] = []
        var added = Set<String>()
        for head in heads where !added.contains(head.skill.id) && Self.contains(words, head.words) {
            let skill = head.skill
            guard !found.contains(where: { $0.skillID == skill.id }) else { continue }
            added.insert(skill.id)
            let written = head.words.joined(separator: " ")
            let range = title.range(of: written, options: .caseInsensitive)
            let start = range.map { title.utf16.distance(from: title.startIndex, to: $0.lowerBound) } ?? 0
            let end = range.map { title.utf16.distance(from: title.startIndex, to: $0.upperBound) } ?? title.utf16.count
            let matched = range.map { String(title[$0]) } ?? title
            result.append(SkillMention(
                skillID: skill.id, name: skill.name, category: skill.category, requirement: .required, count: 1,
                evidence: [Evidence(matched: matched, start: start, end: end, snippet: "title: " + title)],
                inferred: Self.kind))
        }
        return result
    }

    /// `needle` occurs in `words` as a run of whole words.
    static func contains(_ words: [String], _ needle: [String]) -> Bool {
        guard needle.count <= words.count else { return false }
        for i in 0...(words.count - needle.count) where words[i] == needle[0] {
            if words[i..<(i + needle.count)].elementsEqual(needle) { return true }
        }
        return false
    }
}
