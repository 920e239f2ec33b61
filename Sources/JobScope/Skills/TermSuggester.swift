import Foundation

/// Finds terms that look like skills but match no alias of the taxonomy: in requirement sections and tool
/// lists, tool-like tokens (CamelCase, dotted names such as `Three.js`, versioned names such as `Vue3`), the
/// object of "experience with X", and short capitalized list items. `jobscope taxonomy suggest` ranks them.
public struct TermSuggester: Sendable {
    public let matcher: SkillMatcher
    let resolver: SkillResolver

    /// A term found in one posting, with the line it was found on.
    public struct Candidate: Sendable, Hashable {
        /// As first written.
        public var term: String
        /// Lowercased, white space collapsed: the key terms are counted by.
        public var key: String
        public var snippet: String
        /// The posting's employer, lowercased ("" when unknown): terms are ranked by employers, not postings,
        /// so one employer's boilerplate repeated over its postings does not lead.
        public var company: String = ""
    }

    /// Fields of study (names and keywords, lowercased): a degree subject is no skill to suggest.
    let fields: Set<String>

    public init(matcher: SkillMatcher) {
        self.matcher = matcher
        resolver = SkillResolver(taxonomy: matcher.taxonomy)
        fields = Set(matcher.taxonomy.fieldsOfStudy.flatMap { [$0.name.lowercased()] + $0.keywords.map { $0.lowercased() } })
    }

    /// Capitalized words that are no skills (sentence openers, places, degree words, boilerplate).
    static let stopWords: Set<String> = [
        "the", "a", "an", "we", "you", "our", "your", "this", "that", "these", "it", "they", "and", "or", "with", "in",
        "of", "for", "to", "on", "at", "by", "as", "is", "are", "be", "will", "can", "must", "should", "may", "all",
        "any", "some", "other", "etc", "e.g", "i.e", "experience", "strong", "knowledge", "ability", "skills",
        "understanding", "familiarity", "proficiency", "expertise", "excellent", "good", "great", "solid", "deep",
        "bachelor", "bachelors", "master", "masters", "degree", "phd", "bs", "ms", "ba", "senior", "junior", "lead",
        "remote", "hybrid", "usa", "us", "u.s", "uk", "eu", "europe", "america", "north", "south", "new", "york",
        "california", "san", "francisco", "london", "team", "teams", "company", "role", "job", "work", "working",
        "years", "year", "plus", "bonus", "nice", "have", "required", "preferred", "requirements", "qualifications",
        "responsibilities", "benefits", "about", "who", "what", "why", "how", "equal", "opportunity", "employer",
        "eeo", "salary", "compensation", "health", "dental", "vision", "insurance", "pto", "401k", "english",
        "spanish", "french", "german", "monday", "friday", "inc", "llc", "ltd", "corp", "ceo", "cto", "vp", "hr",
        "ai", "ml", "it", "i", "us-based", "full-time", "part-time", "other", "others", "also", "more", "both",
        "product", "products", "customer", "customers", "client", "clients", "business", "data", "software",
        "engineering", "engineer", "engineers", "developer", "developers", "design", "technology", "technologies",
        "tools", "platform", "platforms", "systems", "services", "solutions", "applications", "development",
    ]
    /// Words that open a sentence or a heading, found glued to the word before ("RequirementsKnowledge").
    static let gluedWords: Set<String> = [
        "requirements", "qualifications", "responsibilities", "description", "summary", "overview", "ability",
        "excellent", "strong", "proven", "demonstrated", "must", "minimum", "preferred", "benefits", "duties",
        "education", "experience", "knowledge", "skills", "proficient", "familiarity", "this", "the", "we", "you",
        "our", "job", "position", "role", "location", "salary", "pay", "schedule", "work", "working",
    ]
    /// Words before "X" that make X a skill ("experience with X").
    static let cueNouns: Set<String> = [
        "experience", "proficiency", "familiarity", "expertise", "knowledge", "fluency", "proficient", "familiar",
        "experienced", "skilled", "hands-on",
    ]
    static let cuePrepositions: Set<String> = ["with", "in", "of", "using"]
    /// Known suffixes of dotted tool names.
    static let dottedSuffixes: Set<String> = ["js", "ts", "io", "ai", "py", "rs", "net", "sh", "dev", "jl", "cpp", "so"]

    /// The candidate terms of one posting, each once (first spelling and snippet kept).
    public func candidates(in posting: Posting) -> [Candidate] {
        let body = AnalyzedText(posting.body)
        let sections = body.sections
        var cache: [Int: RequirementLevel?] = [:]
        var result: [Candidate] = []
        var seen = Set<String>()
        func add(_ words: [Substring], line: Substring) {
            let term = words.joined(separator: " ").trimmingCharacters(in: CharacterSet(charactersIn: ".,;:()[]\"'*"))
            guard term.count >= 2, term.count <= 40 else { return }
            let key = term.lowercased()
            guard !seen.contains(key), !isKnown(term, key: key) else { return }
            seen.insert(key)
            result.append(Candidate(term: term, key: key, snippet: Self.clip(line, around: term),
                                    company: posting.company?.lowercased() ?? ""))
        }
        let boilerplate = CompanyBoilerplate.ranges(Array(posting.body.utf8))
        var offset = 0
        for line in posting.body.split(separator: "\n", omittingEmptySubsequences: false) {
            defer { offset += line.utf8.count + 1 }
            let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
            guard !words.isEmpty, !boilerplate.contains(where: { $0.contains(offset) }) else { continue }
            let level = sections.level(at: min(offset, max(0, body.bytes.count - 1)), cache: &cache)
            let inRequirements = level != .mentioned
            let commas = line.filter { $0 == "," }.count
            let isList = commas >= 2 || line.hasPrefix("•") || line.hasPrefix("-") || line.hasPrefix("*")
            // "experience with X Y": up to three capitalized or tool-like words.
            for (i, word) in words.enumerated() where i + 2 <= words.count {
                let w = Self.bare(word).lowercased()
                guard Self.cueNouns.contains(w), i + 1 < words.count,
                      Self.cuePrepositions.contains(Self.bare(words[i + 1]).lowercased()) else { continue }
                var picked: [Substring] = []
                var j = i + 2
                while j < words.count, picked.count < 3 {
                    let candidate = words[j]
                    let clean = Self.bare(candidate)
                    guard !clean.isEmpty, Self.looksLikeName(clean), !Self.stopWords.contains(clean.lowercased()) else { break }
                    picked.append(clean)
                    if candidate.last.map({ ",;:.)".contains($0) }) == true { break }
                    j += 1
                }
                if !picked.isEmpty { add(picked, line: line) }
            }
            guard inRequirements || isList else { continue }
            // Tool-like tokens anywhere on a requirement or list line.
            for word in words {
                let clean = Self.bare(word)
                if Self.isToolLike(clean), !Self.stopWords.contains(clean.lowercased()) { add([clean], line: line) }
            }
            // Short list items of a requirement list line ("Tools: Foo, Bar Baz, Qux").
            let listPart = line.split(separator: ":", maxSplits: 1).last ?? line
            let items = listPart.split(whereSeparator: { ",;/()".contains($0) })
            let shortItems = items.filter { $0.split(separator: " ").count <= 3 }.count
            if inRequirements && commas >= 2 && shortItems * 3 >= items.count * 2 {
                for item in items {
                    var parts = item.split(separator: " ").map(Self.bare).filter { !$0.isEmpty }
                    if let first = parts.first, ["and", "or", "&"].contains(first.lowercased()) { parts.removeFirst() }
                    guard (1...3).contains(parts.count),
                          parts.allSatisfy({ Self.looksLikeName($0) && !Self.stopWords.contains($0.lowercased()) })
                    else { continue }
                    add(parts, line: line)
                }
            }
        }
        return result
    }

    /// The term names a skill the taxonomy knows, or contains one ("Python 3.12", "React Query").
    func isKnown(_ term: String, key: String) -> Bool {
        if resolver.resolve(term) != nil || fields.contains(key) { return true }
        return !matcher.mentions(inText: term).isEmpty
    }

    static func bare(_ word: Substring) -> Substring {
        var w = word
        while let c = w.first, "([\"'*•“‘".contains(c) { w = w.dropFirst() }
        while let c = w.last, ")]\"',;:.!?*”’".contains(c) { w = w.dropLast() }
        return w
    }

    /// Capitalized, an acronym, or tool-like: a word a product name could be.
    static func looksLikeName(_ w: Substring) -> Bool {
        guard let first = w.first, first.isLetter || first.isNumber else { return false }
        return first.isUppercase || isToolLike(w)
    }

    /// CamelCase inside the word (`PostHog`, `gRPC`-like), a dotted tool name (`Three.js`), or letters then a
    /// version (`Vue3`, `GPT-4o`).
    static func isToolLike(_ w: Substring) -> Bool {
        guard w.count >= 3, w.count <= 30, let first = w.first, first.isLetter else { return false }
        let chars = Array(w)
        var camel = false
        var parts: [String] = []
        var partStart = 0
        for k in 1..<chars.count where chars[k].isUppercase && chars[k - 1].isLowercase {
            camel = true
            parts.append(String(chars[partStart..<k]))
            partStart = k
        }
        parts.append(String(chars[partStart...]))
        // Words glued by lost spaces ("skillsAbility", "DescriptionThis") are no tool names.
        let glued = (first.isLowercase && (parts.first?.count ?? 0) >= 3)
            || parts.contains { stopWords.contains($0.lowercased()) || gluedWords.contains($0.lowercased()) }
        if camel && !glued && chars.contains(where: \.isLowercase) && !w.contains("'") { return true }
        if let dot = w.lastIndex(of: "."), dot != w.startIndex, dottedSuffixes.contains(w[w.index(after: dot)...].lowercased()) {
            return true
        }
        let letters = w.prefix { $0.isLetter }.count
        if letters >= 2, letters < chars.count, chars[letters].isNumber || (chars[letters] == "-" && letters + 1 < chars.count && chars[letters + 1].isNumber),
           first.isUppercase {
            return true
        }
        return false
    }

    static func clip(_ line: Substring, around term: String) -> String {
        let text = line.trimmingCharacters(in: .whitespaces)
        guard text.count > 120, let r = text.range(of: term) else { return String(text.prefix(120)) }
        let lo = text.index(r.lowerBound, offsetBy: -50, limitedBy: text.startIndex) ?? text.startIndex
        let hi = text.index(r.upperBound, offsetBy: 50, limitedBy: text.endIndex) ?? text.endIndex
        return (lo > text.startIndex ? "…" : "") + text[lo..<hi] + (hi < text.endIndex ? "…" : "")
    }
}

/// Candidate terms over many postings: the most frequent and the fastest-rising, each with the YAML line
/// that adds it to the taxonomy.
public struct TermSuggestions: Sendable, Codable {
    public struct Term: Sendable, Codable {
        public var term: String
        /// Postings that name it, and distinct employers among them (a posting without one counts as its own).
        public var postings: Int
        public var employers: Int = 0
        /// Postings that name it among the earlier and the later half of the dated postings.
        public var earlier: Int
        public var later: Int
        /// Later share minus earlier share, in percentage points.
        public var rise: Double
        public var examples: [String]
        /// One line to paste under `skills:`.
        public var yaml: String
    }

    public var postings = 0
    public var datedPostings = 0
    /// Dates splitting the earlier from the later half ("2024-06"), when postings had dates.
    public var splitDate: String?
    public var frequent: [Term] = []
    public var rising: [Term] = []

    /// Counts candidates over postings; `dates` (same order, "YYYY-MM..." or nil) gives the halves for the rise.
    public static func rank(_ perPosting: [[TermSuggester.Candidate]], dates: [String?], minPostings: Int = 3,
                            minEmployers: Int = 2, top: Int = 30, examples: Int = 2) -> TermSuggestions {
        var result = TermSuggestions()
        result.postings = perPosting.count
        let dated = dates.compactMap { $0 }.sorted()
        let split = dated.isEmpty ? nil : dated[dated.count / 2]
        result.datedPostings = dated.count
        result.splitDate = split
        let earlierTotal = split.map { s in dated.filter { $0 < s }.count } ?? 0
        let laterTotal = dated.count - earlierTotal
        var counts: [String: Term] = [:]
        var employers: [String: Set<String>] = [:]
        var order: [String] = []
        for (i, candidates) in perPosting.enumerated() {
            let date = i < dates.count ? dates[i] : nil
            for c in candidates {
                if counts[c.key] == nil {
                    counts[c.key] = Term(term: c.term, postings: 0, earlier: 0, later: 0, rise: 0, examples: [],
                                         yaml: yamlLine(for: c.term))
                    order.append(c.key)
                }
                counts[c.key]!.postings += 1
                employers[c.key, default: []].insert(c.company.isEmpty ? "#\(i)" : c.company)
                if let date, let split { if date < split { counts[c.key]!.earlier += 1 } else { counts[c.key]!.later += 1 } }
                if counts[c.key]!.examples.count < examples { counts[c.key]!.examples.append(c.snippet) }
            }
        }
        for key in order { counts[key]?.employers = employers[key]?.count ?? 0 }
        var terms = order.compactMap { counts[$0] }.filter { $0.postings >= minPostings && $0.employers >= minEmployers }
        for k in terms.indices where earlierTotal > 0 && laterTotal > 0 {
            terms[k].rise = 100 * (Double(terms[k].later) / Double(laterTotal) - Double(terms[k].earlier) / Double(earlierTotal))
        }
        result.frequent = Array(terms.sorted { ($0.employers, $0.postings, $1.term) > ($1.employers, $1.postings, $0.term) }
            .prefix(top))
        if earlierTotal > 0 && laterTotal > 0 {
            result.rising = Array(terms.filter { $0.rise > 0 }.sorted { ($0.rise, $1.term) > ($1.rise, $0.term) }.prefix(top))
        }
        return result
    }

    /// `- {id: three-js, name: Three.js, category: software-engineering}`: a slug id and the term as name.
    public static func yamlLine(for term: String) -> String {
        var slug = ""
        for scalar in term.lowercased().unicodeScalars {
            if CharacterSet.alphanumerics.contains(scalar) && scalar.isASCII {
                slug.unicodeScalars.append(scalar)
            } else if !slug.isEmpty && !slug.hasSuffix("-") {
                slug += "-"
            }
        }
        while slug.hasSuffix("-") { slug.removeLast() }
        let needsQuotes = term.contains(where: { ":#,[]{}&*!|>'\"%@`".contains($0) }) || term.hasPrefix("-")
        let name = needsQuotes ? "\"" + term.replacingOccurrences(of: "\"", with: "\\\"") + "\"" : term
        return "  - {id: \(slug.isEmpty ? "new-skill" : slug), name: \(name), category: software-engineering}"
    }
}
