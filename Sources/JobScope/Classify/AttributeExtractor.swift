import Foundation

/// Reads education, experience, seniority, workplace, salary and domains from a posting.
public struct AttributeExtractor: Sendable {
    public let taxonomy: Taxonomy
    let tokenizer = Tokenizer()
    let salaryParser = SalaryParser()
    /// Keyword token sequences for each level, built once.
    let education: [(id: String, rank: Int, phrases: [[String]])]
    let seniority: [(id: String, rank: Int, phrases: [[String]])]
    let domains: [(id: String, phrases: [[String]])]
    /// Phrases by their first word, for one pass over a text.
    let domainIndex: [String: [(Int, [String])]]
    let educationIndex: [String: [(Int, [String])]]

    public init(taxonomy: Taxonomy) {
        self.taxonomy = taxonomy
        let tokenizer = Tokenizer()
        func phrases(_ keywords: [String]) -> [[String]] {
            Array(Set(keywords.map { tokenizer.words(in: $0) }.filter { !$0.isEmpty }))
        }
        education = taxonomy.educationLevels.map { ($0.id, $0.rank, phrases($0.keywords + [$0.name])) }
        seniority = taxonomy.seniorityLevels.map { ($0.id, $0.rank, phrases($0.keywords)) }
        domains = taxonomy.domains.map { ($0.id, phrases($0.keywords)) }
        var index: [String: [(Int, [String])]] = [:]
        for (d, domain) in domains.enumerated() {
            for phrase in domain.phrases { index[phrase[0], default: []].append((d, phrase)) }
        }
        domainIndex = index
        var educationIndex: [String: [(Int, [String])]] = [:]
        for (e, level) in education.enumerated() {
            for phrase in level.phrases { educationIndex[phrase[0], default: []].append((e, phrase)) }
        }
        self.educationIndex = educationIndex
    }

    /// Words in a sentence that make it about a degree (so "MS" there is a master's, not MS Excel).
    static let degreeCues: Set<String> = [
        "degree", "degrees", "diploma", "bachelor", "bachelors", "master", "masters", "phd", "ph.d", "doctorate",
        "doctoral", "b.s", "m.s", "bs", "ms", "ba", "ma", "mba", "bsc", "msc", "graduate", "certification",
        "certificate", "education", "ged",
    ]
    /// Words after "MS" or "master" that show it is no degree.
    static let notDegreeAfter: Set<String> = [
        "excel", "office", "word", "access", "sql", "project", "teams", "powerpoint", "visio", "azure", "data",
        "dynamics", "scrum", "file", "files", "plan", "agreement", "service", "services", "sharepoint", "outlook",
    ]

    /// The posting's attributes.
    public func attributes(of posting: Posting) -> PostingAttributes {
        attributes(of: posting, body: AnalyzedText(posting.body))
    }

    /// The same, with the posting's body already read (`PostingAnalyzer` shares one `AnalyzedText`).
    public func attributes(of posting: Posting, body: AnalyzedText) -> PostingAttributes {
        let bytes = body.bytes
        let tokens = body.tokens
        let words = body.words
        let sections = body.sections
        let years = yearsOfExperience(tokens: tokens, words: words, sections: sections)
        return PostingAttributes(
            education: educationLevel(tokens: tokens, words: words, bytes: bytes, sections: sections),
            yearsExperience: years,
            seniority: seniorityLevel(posting: posting, years: years),
            workplace: workplace(posting: posting, words: words),
            salary: salary(posting),
            domains: domainIDs(posting: posting, words: words))
    }

    // MARK: Education

    /// The lowest level the posting requires; when it only states preferences, the lowest preferred one.
    func educationLevel(tokens: [Token], words: [String], bytes: [UInt8], sections: RequirementSections) -> String? {
        var required: (rank: Int, id: String)?
        var preferred: (rank: Int, id: String)?
        for sentence in Self.sentences(tokens: tokens, bytes: bytes) {
            guard sentence.contains(where: { Self.degreeCues.contains(words[$0]) }) else { continue }
            var k = sentence.lowerBound
            while k < sentence.upperBound {
                var best: (rank: Int, id: String, length: Int)?
                for (e, phrase) in educationIndex[words[k]] ?? []
                where Self.matches(phrase, words, at: k, end: sentence.upperBound) {
                    if best == nil || phrase.count > best!.length {
                        best = (education[e].rank, education[e].id, phrase.count)
                    }
                }
                guard let hit = best else { k += 1; continue }
                let after = k + hit.length < words.count ? words[k + hit.length] : ""
                if Self.notDegreeAfter.contains(after) { k += hit.length; continue }
                let isPreferred = Self.clauseIsPreferred(tokens: tokens, words: words, at: k, sentence: sentence)
                    || sections.level(at: tokens[k].utf8Range.lowerBound) == .preferred
                if isPreferred {
                    if preferred == nil || hit.rank < preferred!.rank { preferred = (hit.rank, hit.id) }
                } else if required == nil || hit.rank < required!.rank {
                    required = (hit.rank, hit.id)
                }
                k += hit.length
            }
        }
        return (required ?? preferred)?.id
    }

    /// "PhD preferred", "a Master's is a plus": a preference cue in the clause (up to a comma or semicolon
    /// that starts a new clause) around token `k`.
    static func clauseIsPreferred(tokens: [Token], words: [String], at k: Int, sentence: Range<Int>) -> Bool {
        let cues: Set<String> = ["preferred", "plus", "desired", "desirable", "ideally", "bonus", "advantage",
                                 "preferably", "ideal", "helpful"]
        let hi = min(sentence.upperBound, k + 12)
        return (max(sentence.lowerBound, k - 6)..<hi).contains { cues.contains(words[$0]) }
    }

    // MARK: Experience

    static let numberWords: [String: Int] = [
        "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
        "ten": 10, "twelve": 12, "fifteen": 15,
    ]

    /// The smallest number of years of experience the posting requires ("3+ years of experience" → 3);
    /// preferences ("5 years preferred") count only when nothing is required.
    func yearsOfExperience(tokens: [Token], words: [String], sections: RequirementSections) -> Int? {
        var required: Int?
        var preferred: Int?
        for k in words.indices where ["years", "year", "yrs", "yr"].contains(words[k]) {
            // The figure: "3", "3+", "3-5", "three", or "3 to 5" / "3 - 5" (take the lower bound).
            var figure: Int?
            var back = k - 1
            if back >= 0, ["+", "plus"].contains(words[back]) { back -= 1 }
            if back >= 0, let n = Self.figure(words[back]) {
                figure = n
                if back >= 2, ["to", "-", "–"].contains(words[back - 1]), let lower = Self.figure(words[back - 2]) {
                    figure = lower
                }
            }
            guard let years = figure, (0...30).contains(years) else { continue }
            // Experience must be what the years are about: "of experience" after, or "experience" just before.
            let after = words[(k + 1)..<min(words.count, k + 9)]
            let before = words[max(0, k - 7)..<k]
            let about = after.contains { $0.hasPrefix("experience") || $0 == "exp" || $0 == "working" || $0 == "work" }
                || before.contains { $0.hasPrefix("experience") }
            let notHistory = !["old", "ago", "history", "anniversary"].contains(k + 1 < words.count ? words[k + 1] : "")
                && !before.suffix(3).contains("over") && !before.suffix(3).contains("past")
            guard about && notHistory else { continue }
            if sections.level(at: tokens[k].utf8Range.lowerBound) == .preferred {
                preferred = min(preferred ?? years, years)
            } else {
                required = min(required ?? years, years)
            }
        }
        return required ?? preferred
    }

    /// "3", "3+", "3-5" (lower bound), "three".
    static func figure(_ word: String) -> Int? {
        var w = Substring(word)
        while w.hasSuffix("+") { w = w.dropLast() }
        if let dash = w.firstIndex(where: { $0 == "-" || $0 == "–" }) { w = w[..<dash] }
        return Int(w) ?? numberWords[String(w)]
    }

    // MARK: Seniority

    /// From the title, else a source's own seniority field, else the years of experience asked for.
    func seniorityLevel(posting: Posting, years: Int?) -> String? {
        if let title = posting.title, let level = seniorityIn(title, isTitle: true) { return level }
        if let field = posting.extra["seniority"] ?? posting.extra["seniority_level"], let level = seniorityIn(field, isTitle: false) {
            return level
        }
        guard let years else { return nil }
        let rank: Int = years < 2 ? 1 : years < 5 ? 2 : years < 8 ? 3 : 4
        return taxonomy.seniorityLevels.first { $0.rank == rank }?.id
    }

    /// The highest-ranked seniority keyword in a title; roman numerals count only at its end.
    func seniorityIn(_ text: String, isTitle: Bool) -> String? {
        let words = tokenizer.words(in: text)
        var best: (rank: Int, id: String)?
        for k in words.indices {
            for level in seniority {
                for phrase in level.phrases where Self.matches(phrase, words, at: k, end: words.count) {
                    if phrase.count == 1, ["i", "ii", "iii", "iv"].contains(phrase[0]), isTitle && k != words.count - 1 {
                        continue
                    }
                    if best == nil || level.rank > best!.rank { best = (level.rank, level.id) }
                }
            }
        }
        return best?.id
    }

    // MARK: Workplace

    func workplace(posting: Posting, words: [String]) -> Workplace? {
        let location = (posting.location ?? "").lowercased() + " " + (posting.extra["remote"] ?? "").lowercased()
        if location.contains("hybrid") { return .hybrid }
        if location.contains("remote") { return .remote }
        var remote = false
        var notRemote = false
        var onsite = false
        for k in words.indices {
            let w = words[k]
            let next = k + 1 < words.count ? words[k + 1] : ""
            let prev = k > 0 ? words[k - 1] : ""
            switch w {
            case "hybrid":
                if ["work", "working", "role", "position", "schedule", "model", "arrangement", "environment",
                    "remote", "office", "opportunity", "setup", "workplace", "policy", "basis"].contains(next) {
                    return .hybrid
                }
            case "remote", "remotely":
                if ["not", "no", "non"].contains(prev) || (next == "work" && k + 3 < words.count && words[k + 3] == "not") {
                    notRemote = true
                } else if ["fully", "100", "work", "working", "is", "a", "this", "be"].contains(prev)
                            || ["position", "role", "opportunity", "first", "friendly", "eligible", "ok", "work", "job"].contains(next) {
                    remote = true
                }
            case "on-site", "onsite", "in-office", "in-person":
                if ["role", "position", "only", "work", "required", "presence", "basis", "schedule"].contains(next)
                    || ["be", "work", "fully", "100", "an", "is", "requires"].contains(prev) {
                    onsite = true
                }
            case "home" where prev == "from" && k >= 2 && words[k - 2] == "work":
                remote = true
            default: break
            }
        }
        if remote && !notRemote { return .remote }
        if onsite || notRemote { return .onsite }
        return nil
    }

    // MARK: Salary

    /// From the source's salary field first, then from the body.
    func salary(_ posting: Posting) -> SalaryRange? {
        if let text = posting.salaryText, let range = salaryParser.parse(text) { return range }
        let body = posting.body
        // "$", "£", "€" (their UTF-8 lead bytes) or an ISO code: otherwise skip the regular expression.
        let bytes = Array(body.utf8)
        let all = 0..<bytes.count
        guard bytes.contains(UInt8(ascii: "$")) || Self.moneyMarks.contains(where: { ByteSearch.contains(bytes, all, $0) })
        else { return nil }
        return salaryParser.parse(body, strict: true)
    }

    /// "£", "€", "₹" and ISO codes that make a body worth a salary search.
    static let moneyMarks: [[UInt8]] = ["£", "€", "₹", "USD", "GBP", "EUR"].map { Array($0.utf8) }

    // MARK: Domains

    /// Domains named in the industry fields, or at least twice in the text; most mentions first.
    func domainIDs(posting: Posting, words: [String]) -> [String] {
        let industry = [posting.extra["industry"], posting.extra["sector"]].compactMap { $0 }.joined(separator: " ")
        let industryWords = tokenizer.words(in: industry)
        var counts = [Int](repeating: 0, count: domains.count)
        var inIndustry = [Bool](repeating: false, count: domains.count)
        // One pass over the words, looking up phrases by their first word.
        for k in words.indices {
            for (domain, phrase) in domainIndex[words[k]] ?? [] where Self.matches(phrase, words, at: k, end: words.count) {
                counts[domain] += 1
            }
        }
        for k in industryWords.indices {
            for (domain, phrase) in domainIndex[industryWords[k]] ?? []
            where Self.matches(phrase, industryWords, at: k, end: industryWords.count) {
                inIndustry[domain] = true
            }
        }
        return domains.indices.filter { inIndustry[$0] || counts[$0] >= 2 }
            .sorted { (counts[$0] + (inIndustry[$0] ? 100 : 0), $1) > (counts[$1] + (inIndustry[$1] ? 100 : 0), $0) }
            .map { domains[$0].id }
    }

    // MARK: Helpers

    static func matches(_ phrase: [String], _ words: [String], at k: Int, end: Int) -> Bool {
        guard k + phrase.count <= end, words[k] == phrase[0] else { return false }
        for j in 1..<phrase.count where words[k + j] != phrase[j] { return false }
        return true
    }

    /// Token ranges of sentences and lines.
    static func sentences(tokens: [Token], bytes: [UInt8]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var start = 0
        for k in 1..<max(1, tokens.count) {
            let gap = bytes[tokens[k - 1].utf8Range.upperBound..<tokens[k].utf8Range.lowerBound]
            if gap.contains(UInt8(ascii: "\n")) || gap.contains(UInt8(ascii: ";"))
                || (gap.first == UInt8(ascii: ".") && gap.count > 1) {
                result.append(start..<k)
                start = k
            }
        }
        if start < tokens.count { result.append(start..<tokens.count) }
        return result
    }
}
