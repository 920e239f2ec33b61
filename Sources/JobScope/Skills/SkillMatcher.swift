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
        /// One of the skill's `weakAliases`: counts only beside the skill's context terms.
        var weak = false
    }

    /// How many evidence snippets a mention keeps.
    public static let maxEvidence = 3
    /// Characters of context on each side of a match in a snippet.
    public static let snippetRadius = 45

    let tokenizer = Tokenizer()
    /// Lowercased alias token → id.
    let vocabulary: WordTable
    /// Trie over token ids: the root's child per word id (-1: none), every other node's children as a run of
    /// `edgeWord`/`edgeNext` from `edgeStart[node]` to `edgeStart[node + 1]` (few per node), and the alias ending
    /// at each node (-1 if none). Arrays, not a dictionary per node: a lookup per token hashed an `Int32`.
    let rootChild: [Int32]
    let edgeStart: [Int32]
    let edgeWord: [Int32]
    let edgeNext: [Int32]
    let terminal: [Int32]
    let aliases: [AliasEntry]
    /// Skills whose category gives an ambiguous neighbour its context ("R, SAS" yes, "teamwork, R" no).
    let contextCategory: [Bool]
    /// Skills that make a posting an ML posting for the `ml-context` rule.
    let mlCategory: [Bool]
    /// Per skill, the vocabulary ids of its `contextTerms`.
    let contextWords: [[Int32]]
    /// Skills the `not-organisation-word` rule applies to (all but programming languages and soft skills).
    let organisationWordApplies: [Bool]
    /// Skills implied by a posting's title (`titleHeads`), added when the text names none of their spellings.
    let titleInference: TitleInference

    public init(taxonomy: Taxonomy) {
        self.taxonomy = taxonomy
        self.titleInference = TitleInference(taxonomy: taxonomy)
        let tokenizer = Tokenizer()
        var vocabulary: [String: Int32] = [:]
        var children: [[Int32: Int32]] = [[:]]
        var terminal: [Int32] = [-1]
        var aliases: [AliasEntry] = []
        func wordID(_ word: String) -> Int32 {
            if let known = vocabulary[word] { return known }
            let id = Int32(vocabulary.count)
            vocabulary[word] = id
            return id
        }
        for (index, skill) in taxonomy.skills.enumerated() {
            var rules = skill.rules.compactMap { AmbiguityRule.registry[$0] }
            // `competency-nearby` replaces the wider own-terms check for the weak aliases of soft skills.
            if !skill.weakAliases.isEmpty, !skill.rules.contains(AmbiguityRule.ownTermsNearbyID),
               !skill.rules.contains(AmbiguityRule.competencyNearbyID),
               let ownTerms = AmbiguityRule.registry[AmbiguityRule.ownTermsNearbyID] {
                rules.append(ownTerms)
            }
            var seen = Set<[String]>()
            let strongCount = 1 + skill.aliases.count
            for (n, written) in ([skill.name] + skill.aliases + skill.weakAliases).enumerated() {
                let words = tokenizer.words(in: written)
                guard !words.isEmpty, seen.insert(words).inserted else { continue }
                var node: Int32 = 0
                for word in words {
                    let id = wordID(word)
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
                let weak = n >= strongCount
                let entry = AliasEntry(skill: index, written: written, tokenCount: words.count, rules: [], weak: weak)
                terminal[Int(node)] = Int32(aliases.count)
                aliases.append(AliasEntry(skill: index, written: written, tokenCount: words.count,
                                          rules: rules.filter { $0.applies(to: entry) }, weak: weak))
            }
        }
        // Context words get ids too (so the rule compares ids), but start no alias.
        var contextWords: [[Int32]] = []
        for skill in taxonomy.skills {
            contextWords.append(skill.contextTerms.compactMap { tokenizer.words(in: $0).first.map(wordID) })
        }
        self.contextWords = contextWords
        self.vocabulary = WordTable(vocabulary)
        var rootChild = [Int32](repeating: -1, count: vocabulary.count)
        for (word, next) in children[0] { rootChild[Int(word)] = next }
        var edgeStart: [Int32] = [0]
        var edgeWord: [Int32] = []
        var edgeNext: [Int32] = []
        for (node, edges) in children.enumerated() {
            if node > 0 {
                for (word, next) in edges.sorted(by: { $0.key < $1.key }) {
                    edgeWord.append(word)
                    edgeNext.append(next)
                }
            }
            edgeStart.append(Int32(edgeWord.count))
        }
        self.rootChild = rootChild
        self.edgeStart = edgeStart
        self.edgeWord = edgeWord
        self.edgeNext = edgeNext
        self.terminal = terminal
        self.aliases = aliases
        self.contextCategory = taxonomy.skills.map {
            [.programmingLanguage, .mlFramework, .dataTooling, .cloud, .mathStatistics, .softwareEngineering]
                .contains($0.category)
        }
        self.organisationWordApplies = taxonomy.skills.map { ![.programmingLanguage, .softSkill].contains($0.category) }
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
        let named = namedMentions(in: posting, body: body)
        return named + titleInference.mentions(title: posting.title, found: named)
    }

    /// The skills the posting's text (body and listed skills) spells.
    func namedMentions(in posting: Posting, body: AnalyzedText) -> [SkillMention] {
        var found = matches(in: body, skillList: false)
        var listed: AnalyzedText?
        if !posting.listedSkills.isEmpty {
            let list = AnalyzedText(posting.listedSkills.joined(separator: ", "), sections: false)
            var extra = matches(in: list, skillList: true)
            for i in extra.indices {
                extra[i].level = .required
                extra[i].listed = true
            }
            found += extra
            listed = list
        }
        guard !found.isEmpty else { return [] }
        var bodyOffsets = UTF16Offsets(text: body.text, bytes: body.bytes)
        var listOffsets = UTF16Offsets(text: listed?.text ?? "", bytes: listed?.bytes ?? [])
        return Self.group(found, taxonomy: taxonomy) { match in
            if match.listed, let listed {
                var e = Self.evidence(match, in: listed, offsets: &listOffsets)
                e.snippet = "skills: " + e.snippet
                return e
            }
            return Self.evidence(match, in: body, offsets: &bodyOffsets)
        }
    }

    /// The skills in a bare text (no listed skills, no sections beyond what the text itself has).
    public func mentions(inText text: String) -> [SkillMention] {
        let analyzed = AnalyzedText(text)
        let found = matches(in: analyzed, skillList: false)
        guard !found.isEmpty else { return [] }
        var offsets = UTF16Offsets(text: analyzed.text, bytes: analyzed.bytes)
        return Self.group(found, taxonomy: taxonomy) { Self.evidence($0, in: analyzed, offsets: &offsets) }
    }

    /// One accepted match, as byte offsets in the text it was found in; its evidence is made only for the first
    /// few of each skill.
    struct Match {
        var skill: Int
        /// Index into `aliases` of the spelling that matched.
        var alias: Int = -1
        var level: RequirementLevel
        var lo: Int
        var hi: Int
        /// Found in the posting's listed skills rather than its body.
        var listed = false
    }

    /// A word of the searched text as the matcher reads it: a token, or a part of one split below.
    struct Piece {
        var lo: Int
        var hi: Int
        /// Id in `vocabulary` of the lowercased text (-1: no alias word).
        var id: Int32
    }

    func matches(in text: String, skillList: Bool) -> [Match] {
        matches(in: AnalyzedText(text), skillList: skillList)
    }

    /// The trie node reached from `node` by word `word`, or -1.
    @inline(__always)
    func child(_ node: Int32, _ word: Int32) -> Int32 {
        if node == 0 { return rootChild[Int(word)] }
        var k = Int(edgeStart[Int(node)])
        let end = Int(edgeStart[Int(node) + 1])
        while k < end {
            if edgeWord[k] == word { return edgeNext[k] }
            k += 1
        }
        return -1
    }

    func matches(in analyzed: AnalyzedText, skillList: Bool) -> [Match] {
        let text = analyzed.text
        let bytes = analyzed.bytes
        let tokens = pieces(of: analyzed)
        guard !tokens.isEmpty else { return [] }

        // Candidates: at each token, every alias the trie reaches, longest last.
        var candidates: [(alias: Int, first: Int, end: Int)] = []
        var i = 0
        var pending: [Int] = []  // start tokens whose best candidates need rules
        var accepted: [(alias: Int, first: Int, end: Int)] = []
        var skillAt = [Bool](repeating: false, count: tokens.count)
        var claimed = [Bool](repeating: false, count: tokens.count)
        while i < tokens.count {
            guard tokens[i].id >= 0 else { i += 1; continue }
            var node: Int32 = 0
            var j = i
            let before = candidates.count
            while j < tokens.count, tokens[j].id >= 0 {
                let next = child(node, tokens[j].id)
                guard next >= 0 else { break }
                if j > i && !Self.gapJoinsAlias(bytes, tokens[j - 1].hi, tokens[j].lo) {
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
                            alias: alias, matchedText: Self.slice(text, bytes, tokens[c.first].lo, tokens[c.end - 1].hi),
                            text: text, bytes: bytes, tokens: tokens, first: c.first, end: c.end, skillAt: skillAt,
                            isSkillList: skillList, postingHasMLContext: mlContext,
                            ownTerms: alias.weak ? contextWords[alias.skill] : [], sections: analyzed.sections)
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
        // "cybersecurity companies", "the machine learning team": no skill asked (languages, soft skills excepted).
        if !skillList, !accepted.isEmpty {
            accepted.removeAll { c in
                let alias = aliases[c.alias]
                guard organisationWordApplies[alias.skill] else { return false }
                return MatchContext(
                    alias: alias, matchedText: "", text: text, bytes: bytes, tokens: tokens, first: c.first, end: c.end,
                    skillAt: skillAt, isSkillList: false, postingHasMLContext: false
                ).isOrganisationModifier
            }
        }
        // Skills named where the employer describes itself are not asked of the candidate.
        if !skillList, !accepted.isEmpty {
            let boilerplate = CompanyBoilerplate.ranges(bytes)
            if !boilerplate.isEmpty {
                accepted.removeAll { c in boilerplate.contains { $0.contains(tokens[c.first].lo) } }
            }
        }
        let sections = analyzed.sections
        var cueCache: [Int: RequirementLevel?] = [:]
        return accepted.map { c in
            let lo = tokens[c.first].lo
            let hi = tokens[c.end - 1].hi
            return Match(skill: aliases[c.alias].skill, alias: c.alias,
                         level: skillList ? .required : sections.level(at: lo, cache: &cueCache), lo: lo, hi: hi)
        }
    }

    /// One accepted match of one spelling, for the alias audit.
    public struct AliasMatch: Sendable, Hashable {
        public var skillID: String
        /// The alias as the taxonomy writes it.
        public var alias: String
        public var weak: Bool
        /// UTF-8 offset of the match in the posting's body.
        public var offset: Int
        public var snippet: String
    }

    /// Every accepted match in a posting's body, by the spelling that matched (no grouping by skill).
    public func aliasMatches(in posting: Posting) -> [AliasMatch] {
        let body = AnalyzedText(posting.body)
        return matches(in: body, skillList: false).map { m in
            let alias = aliases[m.alias]
            return AliasMatch(skillID: taxonomy.skills[m.skill].id, alias: alias.written, weak: alias.weak, offset: m.lo,
                              snippet: Self.snippet(body.bytes, m.lo, m.hi))
        }
    }

    /// The evidence of a match in the text it was found in.
    static func evidence(_ match: Match, in analyzed: AnalyzedText, offsets: inout UTF16Offsets) -> Evidence {
        let start = offsets.offset(match.lo)
        return Evidence(matched: slice(analyzed.text, analyzed.bytes, match.lo, match.hi).description,
                        start: start, end: offsets.offset(match.hi), snippet: snippet(analyzed.bytes, match.lo, match.hi))
    }

    /// The end of one start position's candidate run (candidates of one start are contiguous).
    func pendingEnd(_ candidates: [(alias: Int, first: Int, end: Int)], from start: Int, limit: Int) -> Int {
        var k = start
        while k < limit, candidates[k].first == candidates[start].first { k += 1 }
        return k
    }

    /// The words the matcher reads: the text's tokens, split where sentences were glued together and where a
    /// hyphenated word is no alias (below), each with its vocabulary id.
    func pieces(of analyzed: AnalyzedText) -> [Piece] {
        let ids = analyzed.ids(in: vocabulary)
        let text = analyzed.text
        return analyzed.bytes.withUnsafeBufferPointer { b in
            var result: [Piece] = []
            result.reserveCapacity(ids.count + 8)
            for (k, span) in analyzed.spans.enumerated() {
                let lo = Int(span.lo)
                let hi = Int(span.hi)
                let dot = span.flags.contains(.dot)
                guard dot || span.flags.contains(.hyphen) else {
                    result.append(Piece(lo: lo, hi: hi, id: ids[k]))
                    continue
                }
                // Scraped text often lost the space after a period ("in Tableau.Qualifications"); the shared
                // tokenizer keeps such a run whole (as it must for "node.js"), so split it where a lowercase
                // letter, a period and a capital meet.
                var start = lo
                if dot {
                    var i = lo + 1
                    while i + 1 < hi {
                        if b[i] == UInt8(ascii: "."), b[i - 1] >= 97, b[i - 1] <= 122,
                           b[i + 1] >= 65, b[i + 1] <= 90, i - start >= 2 {
                            appendSplittingCompound(Piece(lo: start, hi: i, id: id(b, text, start, i)), b, text, &result)
                            start = i + 1
                        }
                        i += 1
                    }
                }
                let last = start == lo ? Piece(lo: lo, hi: hi, id: ids[k]) : Piece(lo: start, hi: hi, id: id(b, text, start, hi))
                appendSplittingCompound(last, b, text, &result)
            }
            return result
        }
    }

    /// "LLM-powered", "Python-based", "C-suite": a hyphenated word that is no alias is read as its parts, so
    /// "LLM" counts and "C" must still pass its rules on its own ("suite" gives it no context).
    func appendSplittingCompound(_ piece: Piece, _ b: UnsafeBufferPointer<UInt8>, _ text: String, _ result: inout [Piece]) {
        guard piece.id < 0, b[piece.lo..<piece.hi].contains(UInt8(ascii: "-")) else {
            result.append(piece)
            return
        }
        var start = piece.lo
        for i in piece.lo..<piece.hi where b[i] == UInt8(ascii: "-") {
            if i > start { result.append(Piece(lo: start, hi: i, id: id(b, text, start, i))) }
            start = i + 1
        }
        if start < piece.hi { result.append(Piece(lo: start, hi: piece.hi, id: id(b, text, start, piece.hi))) }
    }

    /// The vocabulary id of the lowercased bytes `lo..<hi` of `text`.
    func id(_ b: UnsafeBufferPointer<UInt8>, _ text: String, _ lo: Int, _ hi: Int) -> Int32 {
        let base = b.baseAddress!
        for i in lo..<hi where b[i] >= 0x80 {
            return vocabulary.value(of: Self.slice(text, [], lo, hi).lowercased())
        }
        return vocabulary.value(hash: WordTable.hash(base, lo, hi, lowercasing: true), base, lo, hi)
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
    static func group(_ matches: [Match], taxonomy: Taxonomy, evidence: (Match) -> Evidence) -> [SkillMention] {
        var slot = [Int32](repeating: -1, count: taxonomy.skills.count)
        var result: [SkillMention] = []
        for m in matches {
            let s = Int(slot[m.skill])
            if s >= 0 {
                result[s].count += 1
                if m.level.strength > result[s].requirement.strength { result[s].requirement = m.level }
                if result[s].evidence.count < maxEvidence { result[s].evidence.append(evidence(m)) }
            } else {
                let skill = taxonomy.skills[m.skill]
                slot[m.skill] = Int32(result.count)
                result.append(SkillMention(skillID: skill.id, name: skill.name, category: skill.category,
                                           requirement: m.level, count: 1, evidence: [evidence(m)]))
            }
        }
        return result
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
