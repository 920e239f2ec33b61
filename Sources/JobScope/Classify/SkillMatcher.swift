import Foundation

/// Finds the taxonomy's skills in a posting in one pass over its tokens.
///
/// Every alias of every skill is tokenized with the shared `Tokenizer` and put in a trie over token ids,
/// built once per matcher. Matching walks the trie from each token and keeps the longest alias that passes
/// the skill's ambiguity rules (leftmost-longest, no overlaps). Rules that need to know about neighbouring
/// skills ("R, Python") are checked after the unambiguous matches are known.
public struct SkillMatcher: Sendable {
    public let taxonomy: Taxonomy

    /// One spelling of one skill.
    public struct AliasEntry: Sendable {
        /// Index into `taxonomy.skills`.
        let skill: Int
        /// The alias as the taxonomy writes it.
        let written: String
        let tokenCount: Int
        /// The rules that apply to this alias (rules whose scope excludes it are left out).
        let rules: [AmbiguityRule]
    }

    /// How many evidence snippets a mention keeps.
    public static let maxEvidence = 3
    /// Characters of context on each side of a match in a snippet.
    public static let snippetRadius = 45

    let tokenizer = Tokenizer()
    /// Lowercased alias token → id.
    let vocabulary: [String: Int32]
    /// Trie over token ids: children per node, and the alias ending at each node (-1 if none).
    let children: [[Int32: Int32]]
    let terminal: [Int32]
    let aliases: [AliasEntry]
    /// Skills whose category gives an ambiguous neighbour its context ("R, SAS" yes, "teamwork, R" no).
    let contextCategory: [Bool]
    /// Skills that make a posting an ML posting for the `ml-context` rule.
    let mlCategory: [Bool]

    public init(taxonomy: Taxonomy) {
        self.taxonomy = taxonomy
        let tokenizer = Tokenizer()
        var vocabulary: [String: Int32] = [:]
        var children: [[Int32: Int32]] = [[:]]
        var terminal: [Int32] = [-1]
        var aliases: [AliasEntry] = []
        for (index, skill) in taxonomy.skills.enumerated() {
            let rules = skill.rules.compactMap { AmbiguityRule.registry[$0] }
            var seen = Set<[String]>()
            for written in [skill.name] + skill.aliases {
                let words = tokenizer.words(in: written)
                guard !words.isEmpty, seen.insert(words).inserted else { continue }
                var node: Int32 = 0
                for word in words {
                    let id: Int32
                    if let known = vocabulary[word] {
                        id = known
                    } else {
                        id = Int32(vocabulary.count)
                        vocabulary[word] = id
                    }
                    if let next = children[Int(node)][id] {
                        node = next
                    } else {
                        let next = Int32(children.count)
                        children.append([:])
                        terminal.append(-1)
                        children[Int(node)][id] = next
                        node = next
                    }
                }
                // A spelling claimed twice keeps its first skill (the loader reports such duplicates).
                guard terminal[Int(node)] < 0 else { continue }
                let entry = AliasEntry(skill: index, written: written, tokenCount: words.count, rules: [])
                terminal[Int(node)] = Int32(aliases.count)
                aliases.append(AliasEntry(skill: index, written: written, tokenCount: words.count,
                                          rules: rules.filter { $0.applies(to: entry) }))
            }
        }
        self.vocabulary = vocabulary
        self.children = children
        self.terminal = terminal
        self.aliases = aliases
        self.contextCategory = taxonomy.skills.map {
            [.programmingLanguage, .mlFramework, .dataTooling, .cloud, .mathStatistics].contains($0.category)
        }
        self.mlCategory = taxonomy.skills.map {
            [.mlFramework, .mlTechnique, .mathStatistics].contains($0.category) && !$0.rules.contains("ml-context")
        }
    }

    /// Every skill the posting mentions, with evidence, in order of first mention. The body is searched, then
    /// the skills a structured source listed itself (their evidence snippets start with "skills: ").
    public func mentions(in posting: Posting) -> [SkillMention] {
        mentions(in: posting, body: AnalyzedText(posting.body))
    }

    /// The same, with the posting's body already read (`PostingAnalyzer` shares one `AnalyzedText`).
    public func mentions(in posting: Posting, body: AnalyzedText) -> [SkillMention] {
        var found = matches(in: body, skillList: false)
        if !posting.listedSkills.isEmpty {
            let listed = posting.listedSkills.joined(separator: ", ")
            var extra = matches(in: listed, skillList: true)
            for i in extra.indices {
                let make = extra[i].evidence
                extra[i].level = .required
                extra[i].evidence = {
                    var e = make()
                    e.snippet = "skills: " + e.snippet
                    return e
                }
            }
            found += extra
        }
        return Self.group(found, taxonomy: taxonomy)
    }

    /// The skills in a bare text (no listed skills, no sections beyond what the text itself has).
    public func mentions(inText text: String) -> [SkillMention] {
        Self.group(matches(in: text, skillList: false), taxonomy: taxonomy)
    }

    /// One accepted match; its evidence is made only for the first few of each skill.
    struct Match {
        var skill: Int
        var level: RequirementLevel
        var lo: Int
        var hi: Int
        var evidence: () -> Evidence
    }

    func matches(in text: String, skillList: Bool) -> [Match] {
        matches(in: AnalyzedText(text), skillList: skillList)
    }

    func matches(in analyzed: AnalyzedText, skillList: Bool) -> [Match] {
        let text = analyzed.text
        let bytes = analyzed.bytes
        let tokens = splitCompounds(Self.splitGluedSentences(analyzed.tokens, text: text, bytes: bytes),
                                    text: text, bytes: bytes)
        guard !tokens.isEmpty else { return [] }
        let ids = tokens.map { vocabulary[$0.lowercased] ?? -1 }

        // Candidates: at each token, every alias the trie reaches, longest last.
        var candidates: [(alias: Int, first: Int, end: Int)] = []
        var i = 0
        var pending: [Int] = []  // start tokens whose best candidates need rules
        var accepted: [(alias: Int, first: Int, end: Int)] = []
        var skillAt = [Bool](repeating: false, count: tokens.count)
        var claimed = [Bool](repeating: false, count: tokens.count)
        while i < tokens.count {
            guard ids[i] >= 0 else { i += 1; continue }
            var node: Int32 = 0
            var j = i
            let before = candidates.count
            while j < tokens.count, ids[j] >= 0, let next = children[Int(node)][ids[j]] {
                if j > i && !Self.gapJoinsAlias(bytes, tokens[j - 1].utf8Range.upperBound, tokens[j].utf8Range.lowerBound) {
                    break
                }
                node = next
                j += 1
                let t = terminal[Int(node)]
                if t >= 0 { candidates.append((Int(t), i, j)) }
            }
            guard candidates.count > before else { i += 1; continue }
            // The longest alias with no rules wins outright; otherwise decide later, once neighbours are known.
            let longest = candidates[candidates.count - 1]
            if aliases[longest.alias].rules.isEmpty {
                accepted.append(longest)
                for k in longest.first..<longest.end { claimed[k] = true }
                if contextCategory[aliases[longest.alias].skill] {
                    for k in longest.first..<longest.end { skillAt[k] = true }
                }
                candidates.removeSubrange(before...)
                i = longest.end
            } else {
                pending.append(before)
                i += 1
            }
        }

        // Ambiguous candidates: try each start's aliases longest first, in passes, so that one accepted
        // ambiguous name can give its neighbour context ("C, Go").
        if !pending.isEmpty {
            let mlContext = accepted.contains { mlCategory[aliases[$0.alias].skill] }
            var undecided = pending
            var changed = true
            var passes = 0
            while changed && !undecided.isEmpty && passes < 5 {
                changed = false
                passes += 1
                var still: [Int] = []
                for (n, startIndex) in undecided.enumerated() {
                    let stop = n + 1 < undecided.count ? undecided[n + 1] : candidates.count
                    let endIndex = pendingEnd(candidates, from: startIndex, limit: stop)
                    var decided = false
                    for c in candidates[startIndex..<endIndex].reversed() {
                        if (c.first..<c.end).contains(where: { claimed[$0] }) { continue }
                        let alias = aliases[c.alias]
                        let context = MatchContext(
                            alias: alias, matchedText: Self.slice(text, bytes, tokens[c.first].utf8Range.lowerBound,
                                                                   tokens[c.end - 1].utf8Range.upperBound),
                            bytes: bytes, tokens: tokens, first: c.first, end: c.end, skillAt: skillAt,
                            isSkillList: skillList, postingHasMLContext: mlContext)
                        if alias.rules.allSatisfy({ $0.check(context) }) {
                            accepted.append(c)
                            for k in c.first..<c.end { claimed[k] = true }
                            if contextCategory[alias.skill] { for k in c.first..<c.end { skillAt[k] = true } }
                            decided = true
                            changed = true
                            break
                        }
                    }
                    if !decided { still.append(startIndex) }
                }
                undecided = still
                // Two ambiguous names only beside each other ("Preferred: Airflow, dbt") vouch for each other.
                if !changed && !undecided.isEmpty && passes < 4 {
                    for startIndex in undecided {
                        let c = candidates[startIndex]
                        if contextCategory[aliases[c.alias].skill] { for k in c.first..<c.end { skillAt[k] = true } }
                    }
                    changed = true
                }
            }
        }

        accepted.sort { $0.first < $1.first }
        let sections = analyzed.sections
        let utf16 = UTF16Offsets(text: text, bytes: bytes)
        var cueCache: [Int: RequirementLevel?] = [:]
        return accepted.map { c in
            let lo = tokens[c.first].utf8Range.lowerBound
            let hi = tokens[c.end - 1].utf8Range.upperBound
            return Match(skill: aliases[c.alias].skill, level: skillList ? .required : sections.level(at: lo, cache: &cueCache),
                         lo: lo, hi: hi, evidence: {
                             Evidence(matched: Self.slice(text, bytes, lo, hi).description,
                                      start: utf16.offset(lo), end: utf16.offset(hi),
                                      snippet: Self.snippet(bytes, lo, hi))
                         })
        }
    }

    /// The end of one start position's candidate run (candidates of one start are contiguous).
    func pendingEnd(_ candidates: [(alias: Int, first: Int, end: Int)], from start: Int, limit: Int) -> Int {
        var k = start
        while k < limit, candidates[k].first == candidates[start].first { k += 1 }
        return k
    }

    /// Scraped text often lost the space after a period ("in Tableau.Qualifications"); the shared tokenizer keeps
    /// such a run whole (as it must for "node.js"), so split it where a lowercase letter, a period and a capital meet.
    static func splitGluedSentences(_ tokens: [Token], text: String, bytes: [UInt8]) -> [Token] {
        var result: [Token] = []
        result.reserveCapacity(tokens.count)
        for token in tokens {
            let range = token.utf8Range
            var start = range.lowerBound
            var i = range.lowerBound + 1
            while i + 1 < range.upperBound {
                if bytes[i] == UInt8(ascii: "."), bytes[i - 1] >= 97, bytes[i - 1] <= 122,
                   bytes[i + 1] >= 65, bytes[i + 1] <= 90, i - start >= 2 {
                    result.append(Self.token(text, bytes, start, i))
                    start = i + 1
                }
                i += 1
            }
            result.append(start == range.lowerBound ? token : Self.token(text, bytes, start, range.upperBound))
        }
        return result
    }

    /// "LLM-powered", "Python-based", "C-suite": a hyphenated word that is no alias is read as its parts, so
    /// "LLM" counts and "C" must still pass its rules on its own ("suite" gives it no context).
    func splitCompounds(_ tokens: [Token], text: String, bytes: [UInt8]) -> [Token] {
        guard tokens.contains(where: { $0.lowercased.utf8.contains(UInt8(ascii: "-")) }) else { return tokens }
        var result: [Token] = []
        result.reserveCapacity(tokens.count + 8)
        for token in tokens {
            guard token.lowercased.utf8.contains(UInt8(ascii: "-")), vocabulary[token.lowercased] == nil else {
                result.append(token)
                continue
            }
            var start = token.utf8Range.lowerBound
            for i in token.utf8Range where bytes[i] == UInt8(ascii: "-") {
                if i > start { result.append(Self.token(text, bytes, start, i)) }
                start = i + 1
            }
            if start < token.utf8Range.upperBound { result.append(Self.token(text, bytes, start, token.utf8Range.upperBound)) }
        }
        return result
    }

    static func token(_ text: String, _ bytes: [UInt8], _ lo: Int, _ hi: Int) -> Token {
        let word = slice(text, bytes, lo, hi)
        return Token(text: word, lowercased: word.lowercased(), utf8Range: lo..<hi)
    }

    /// Words of one alias may be separated by spaces, a hyphen, a slash or an ampersand, not by a sentence
    /// or list break ("machine learning", "A/B testing", but not "machine. Learning").
    static func gapJoinsAlias(_ bytes: [UInt8], _ lo: Int, _ hi: Int) -> Bool {
        if hi - lo > 3 { return false }
        for k in lo..<hi {
            switch bytes[k] {
            case UInt8(ascii: " "), UInt8(ascii: "-"), UInt8(ascii: "/"), UInt8(ascii: "&"), UInt8(ascii: "\t"),
                 UInt8(ascii: "\n"), UInt8(ascii: "'"):
                continue
            default: return false
            }
        }
        return true
    }

    static func slice(_ text: String, _ bytes: [UInt8], _ lo: Int, _ hi: Int) -> Substring {
        let utf8 = text.utf8
        let a = utf8.index(utf8.startIndex, offsetBy: lo)
        let b = utf8.index(a, offsetBy: hi - lo)
        return text[a..<b]
    }

    /// A short window around the match on its line, white space collapsed, "…" where it was cut.
    static func snippet(_ bytes: [UInt8], _ lo: Int, _ hi: Int) -> String {
        var a = lo
        var steps = 0
        while a > 0, steps < snippetRadius, bytes[a - 1] != UInt8(ascii: "\n") { a -= 1; steps += 1 }
        while a > 0, a < lo, bytes[a] & 0xC0 == 0x80 { a += 1 }  // not inside a scalar
        var b = hi
        steps = 0
        while b < bytes.count, steps < snippetRadius, bytes[b] != UInt8(ascii: "\n") { b += 1; steps += 1 }
        while b < bytes.count, b > hi, bytes[b] & 0xC0 == 0x80 { b += 1 }
        // Collapse runs of ASCII white space to one space (bytes, not Characters: this runs for every evidence).
        var collapsed: [UInt8] = []
        collapsed.reserveCapacity(b - a)
        var lastSpace = true
        for byte in bytes[a..<b] {
            if byte == 32 || byte == 9 || byte == 13 || byte == 10 {
                if !lastSpace { collapsed.append(32) }
                lastSpace = true
            } else {
                collapsed.append(byte)
                lastSpace = false
            }
        }
        if collapsed.last == 32 { collapsed.removeLast() }
        var text = String(decoding: collapsed, as: UTF8.self)
        if a > 0 && bytes[a - 1] != UInt8(ascii: "\n") { text = "…" + text }
        if b < bytes.count && bytes[b] != UInt8(ascii: "\n") { text += "…" }
        return text
    }

    /// Groups matches by skill: count, strongest level, first evidence, in order of first mention.
    static func group(_ matches: [Match], taxonomy: Taxonomy) -> [SkillMention] {
        var order: [Int] = []
        var bySkill: [Int: SkillMention] = [:]
        for m in matches {
            if var mention = bySkill[m.skill] {
                mention.count += 1
                if m.level.strength > mention.requirement.strength { mention.requirement = m.level }
                if mention.evidence.count < maxEvidence { mention.evidence.append(m.evidence()) }
                bySkill[m.skill] = mention
            } else {
                let skill = taxonomy.skills[m.skill]
                order.append(m.skill)
                bySkill[m.skill] = SkillMention(skillID: skill.id, name: skill.name, category: skill.category,
                                                requirement: m.level, count: 1, evidence: [m.evidence()])
            }
        }
        return order.compactMap { bySkill[$0] }
    }
}

extension RequirementLevel {
    /// Required beats preferred beats mentioned.
    var strength: Int {
        switch self {
        case .required: return 2
        case .preferred: return 1
        case .mentioned: return 0
        }
    }
}
