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
    /// Every word the body pass compares tokens with, and per word id what it is.
    let lexicon: AttributeLexicon
    /// Phrases (as word ids) by the id of their first word, for one pass over a text.
    let domainIndex: [[(Int, [Int32])]]
    let educationIndex: [[(Int, [Int32])]]
    /// Field-of-study phrases by the id of their first word, and the words a degree clause is read by.
    let fields: [(id: String, phrases: [[String]])]
    let fieldIndex: [[(Int, [Int32])]]
    let fieldJoin: Set<Int32>
    let fieldStop: Set<Int32>
    let degreeNoun: Set<Int32>

    public init(taxonomy: Taxonomy) {
        self.taxonomy = taxonomy
        let tokenizer = Tokenizer()
        func phrases(_ keywords: [String]) -> [[String]] {
            // Unique, in the taxonomy's order: a Set's order changes from run to run, and with it which of two
            // equally long phrases would win a tie.
            var seen = Set<[String]>()
            return keywords.map { tokenizer.words(in: $0) }.filter { !$0.isEmpty && seen.insert($0).inserted }
        }
        education = taxonomy.educationLevels.map { ($0.id, $0.rank, phrases($0.keywords + [$0.name])) }
        seniority = taxonomy.seniorityLevels.map { ($0.id, $0.rank, phrases($0.keywords)) }
        domains = taxonomy.domains.map { ($0.id, phrases($0.keywords)) }
        fields = taxonomy.fieldsOfStudy.map { ($0.id, phrases($0.keywords + [$0.name])) }
        let lexicon = AttributeLexicon(phraseWords: (education.flatMap(\.phrases) + domains.flatMap(\.phrases)
            + fields.flatMap(\.phrases)).flatMap { $0 } + Self.fieldJoinWords + Self.fieldStopWords + Self.degreeNouns)
        self.lexicon = lexicon
        var index = [[(Int, [Int32])]](repeating: [], count: lexicon.count)
        for (d, domain) in domains.enumerated() {
            for phrase in domain.phrases {
                let ids = phrase.map(lexicon.id)
                index[Int(ids[0])].append((d, ids))
            }
        }
        domainIndex = index
        var educationIndex = [[(Int, [Int32])]](repeating: [], count: lexicon.count)
        for (e, level) in education.enumerated() {
            for phrase in level.phrases {
                let ids = phrase.map(lexicon.id)
                educationIndex[Int(ids[0])].append((e, ids))
            }
        }
        self.educationIndex = educationIndex
        var fieldIndex = [[(Int, [Int32])]](repeating: [], count: lexicon.count)
        for (f, field) in fields.enumerated() {
            for phrase in field.phrases {
                let ids = phrase.map(lexicon.id)
                fieldIndex[Int(ids[0])].append((f, ids))
            }
        }
        self.fieldIndex = fieldIndex
        fieldJoin = Set(Self.fieldJoinWords.map(lexicon.id))
        fieldStop = Set(Self.fieldStopWords.map(lexicon.id))
        degreeNoun = Set(Self.degreeNouns.map(lexicon.id))
    }

    /// Words that lead from a degree to its subject ("degree in", "Master's of", "field such as").
    static let fieldJoinWords = ["in", "of", "as", "like"]
    /// Words that end a degree clause before a subject ("a degree, with experience in statistics").
    static let fieldStopWords = ["with", "experience", "years", "knowledge", "skills", "proficiency", "using",
                                 "understanding", "background", "familiarity", "expertise", "strong"]
    /// Nouns right after a subject that make it one ("Statistics degree", "a Physics major").
    static let degreeNouns = ["degree", "degrees", "major", "majors"]

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
        let ids = body.ids(in: lexicon.table)
        let years = yearsOfExperience(body: body, ids: ids)
        // Sentences that name a degree, found once for the education level and the fields of study.
        let degreeSentences = Self.sentences(spans: body.spans, bytes: body.bytes).filter { sentence in
            sentence.contains(where: { lexicon.is(ids[$0], lexicon.degreeCue) })
        }
        return PostingAttributes(
            education: educationLevel(body: body, ids: ids, sentences: degreeSentences),
            yearsExperience: years,
            seniority: seniorityLevel(posting: posting, years: years),
            workplace: workplace(posting: posting, ids: ids),
            salary: salary(posting, bytes: body.bytes),
            domains: domainIDs(posting: posting, ids: ids),
            fieldsOfStudy: fieldsOfStudy(body: body, ids: ids, sentences: degreeSentences))
    }

    // MARK: Field of study

    /// The subjects of the degrees the posting names ("BS in Computer Science or Statistics"), in taxonomy order:
    /// a field phrase after a degree word with "in"/"of"/"such as" between and no clause-ending word, or right
    /// before "degree"/"major". At most 16 words after the degree word.
    func fieldsOfStudy(body: AnalyzedText, ids: [Int32], sentences: [Range<Int>]) -> [String] {
        guard !fields.isEmpty else { return [] }
        var found = Set<Int>()
        for sentence in sentences {
            var lastDegree = -100
            var joined = false
            var k = sentence.lowerBound
            while k < sentence.upperBound {
                let id = ids[k]
                if lexicon.is(id, lexicon.degreeCue) {
                    lastDegree = k
                    joined = false
                    k += 1
                    continue
                }
                if fieldJoin.contains(id) { joined = true }
                if fieldStop.contains(id) { lastDegree = -100 }
                var best: (field: Int, length: Int)?
                if id >= 0 {
                    for (f, phrase) in fieldIndex[Int(id)] where Self.matches(phrase, ids, at: k, end: sentence.upperBound) {
                        if best == nil || phrase.count > best!.length { best = (f, phrase.count) }
                    }
                }
                guard let hit = best else { k += 1; continue }
                let afterDegree = joined && k - lastDegree <= 16
                let next = k + hit.length
                let beforeNoun = next < sentence.upperBound && degreeNoun.contains(ids[next])
                if afterDegree || beforeNoun { found.insert(hit.field) }
                k = next
            }
        }
        return found.sorted().map { fields[$0].id }
    }

    // MARK: Education

    /// The lowest level the posting requires; when it only states preferences, the lowest preferred one.
    func educationLevel(body: AnalyzedText, ids: [Int32], sentences: [Range<Int>]) -> String? {
        var required: (rank: Int, id: String)?
        var preferred: (rank: Int, id: String)?
        let sections = body.sections
        for sentence in sentences {
            var k = sentence.lowerBound
            while k < sentence.upperBound {
                var best: (rank: Int, id: String, length: Int)?
                if ids[k] >= 0 {
                    for (e, phrase) in educationIndex[Int(ids[k])]
                    where Self.matches(phrase, ids, at: k, end: sentence.upperBound) {
                        if best == nil || phrase.count > best!.length {
                            best = (education[e].rank, education[e].id, phrase.count)
                        }
                    }
                }
                guard let hit = best else { k += 1; continue }
                if k + hit.length < ids.count, lexicon.is(ids[k + hit.length], lexicon.notDegreeAfter) {
                    k += hit.length
                    continue
                }
                let isPreferred = clauseIsPreferred(ids: ids, at: k, sentence: sentence)
                    || sections.level(at: Int(body.spans[k].lo)) == .preferred
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
    func clauseIsPreferred(ids: [Int32], at k: Int, sentence: Range<Int>) -> Bool {
        let hi = min(sentence.upperBound, k + 12)
        return (max(sentence.lowerBound, k - 6)..<hi).contains { lexicon.is(ids[$0], lexicon.clauseCue) }
    }

    // MARK: Experience

    static let numberWords: [String: Int] = [
        "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
        "ten": 10, "twelve": 12, "fifteen": 15,
    ]

    /// The smallest number of years of experience the posting requires ("3+ years of experience" → 3);
    /// preferences ("5 years preferred") count only when nothing is required.
    func yearsOfExperience(body: AnalyzedText, ids: [Int32]) -> Int? {
        var required: Int?
        var preferred: Int?
        let w = lexicon
        let count = ids.count
        for k in 0..<count where w.is(ids[k], w.yearWord) {
            // The figure: "3", "3+", "3-5", "three", or "3 to 5" / "3 - 5" (take the lower bound).
            var figure: Int?
            var back = k - 1
            if back >= 0, ids[back] == w.plusSign || ids[back] == w.plus { back -= 1 }
            if back >= 0, let n = Self.figure(body.word(back)) {
                figure = n
                if back >= 2, [w.to, w.hyphen, w.enDash].contains(ids[back - 1]), let lower = Self.figure(body.word(back - 2)) {
                    figure = lower
                }
            }
            guard let years = figure, (0...30).contains(years) else { continue }
            // Experience must be what the years are about: "of experience" after, or "experience" just before.
            let after = ((k + 1)..<min(count, k + 9)).map(body.word)
            let before = (max(0, k - 7)..<k).map(body.word)
            let about = after.contains { $0.hasPrefix("experience") || $0 == "exp" || $0 == "working" || $0 == "work" }
                || before.contains { $0.hasPrefix("experience") }
            let notHistory = !(k + 1 < count && [w.old, w.ago, w.history, w.anniversary].contains(ids[k + 1]))
                && !before.suffix(3).contains("over") && !before.suffix(3).contains("past")
            guard about && notHistory else { continue }
            if body.sections.level(at: Int(body.spans[k].lo)) == .preferred {
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

    func workplace(posting: Posting, ids: [Int32]) -> Workplace? {
        let location = (posting.location ?? "").lowercased() + " " + (posting.extra["remote"] ?? "").lowercased()
        if location.contains("hybrid") { return .hybrid }
        if location.contains("remote") { return .remote }
        var remote = false
        var notRemote = false
        var onsite = false
        let w = lexicon
        let count = ids.count
        for k in 0..<count {
            let word = ids[k]
            guard word >= 0 else { continue }
            let next = k + 1 < count ? ids[k + 1] : WordTable.missing
            let prev = k > 0 ? ids[k - 1] : WordTable.missing
            if word == w.hybrid {
                if w.is(next, w.hybridNext) { return .hybrid }
            } else if word == w.remote || word == w.remotely {
                if w.is(prev, w.remoteNotPrev) || (next == w.work && k + 3 < count && ids[k + 3] == w.not) {
                    notRemote = true
                } else if w.is(prev, w.remotePrev) || w.is(next, w.remoteNext) {
                    remote = true
                }
            } else if w.is(word, w.onsiteWord) {
                if w.is(next, w.onsiteNext) || w.is(prev, w.onsitePrev) { onsite = true }
            } else if word == w.home, prev == w.from, k >= 2, ids[k - 2] == w.work {
                remote = true
            }
        }
        if remote && !notRemote { return .remote }
        if onsite || notRemote { return .onsite }
        return nil
    }

    // MARK: Salary

    /// From the source's salary field first, then from the body.
    func salary(_ posting: Posting, bytes: [UInt8]) -> SalaryRange? {
        if let text = posting.salaryText, let range = salaryParser.parse(text) { return range }
        let body = posting.body
        // "$", "£", "€" (their UTF-8 lead bytes) or an ISO code: otherwise skip the regular expression.
        let all = 0..<bytes.count
        guard bytes.contains(UInt8(ascii: "$")) || Self.moneyMarks.contains(where: { ByteSearch.contains(bytes, all, $0) })
        else { return nil }
        guard Self.mayHoldAmount(bytes) else { return nil }
        return salaryParser.parse(body, strict: true)
    }

    /// Whether some currency mark of `SalaryParser`'s pattern is followed, after at most two white-space
    /// characters, by a digit: every match of the pattern starts so. Any non-ASCII byte in those places counts
    /// as a possible white space or digit (the pattern's `\s` and `\d` are Unicode classes), so this never says
    /// no where the pattern could match; it spares the regular expression (and its UTF-16 copy of the body) for
    /// the many bodies whose "$" is no salary.
    static func mayHoldAmount(_ bytes: [UInt8]) -> Bool {
        let n = bytes.count
        var i = 0
        while i < n {
            let c = bytes[i]
            var end = -1  // the byte after a currency mark starting at i
            if c == UInt8(ascii: "$") {
                end = i + 1
            } else if c == 0xC2, i + 1 < n, bytes[i + 1] == 0xA3 {  // £
                end = i + 2
            } else if c == 0xE2, i + 2 < n, bytes[i + 1] == 0x82, bytes[i + 2] == 0xAC || bytes[i + 2] == 0xB9 {  // € ₹
                end = i + 3
            } else if c >= 65, c <= 85, i + 2 < n {
                let code = (bytes[i], bytes[i + 1], bytes[i + 2])
                switch code {
                case (85, 83, 68), (71, 66, 80), (69, 85, 82), (67, 65, 68), (65, 85, 68), (73, 78, 82): end = i + 3
                default: break
                }
            }
            if end >= 0 {
                var p = end
                var spaces = 0
                while p < n, spaces < 2, bytes[p] == 32 || (bytes[p] >= 9 && bytes[p] <= 13) || bytes[p] >= 0x80 {
                    if bytes[p] >= 0x80 { return true }
                    p += 1
                    spaces += 1
                }
                if p < n, bytes[p] >= 48 && bytes[p] <= 57 || bytes[p] >= 0x80 { return true }
            }
            i += 1
        }
        return false
    }

    /// "£", "€", "₹" and ISO codes that make a body worth a salary search.
    static let moneyMarks: [[UInt8]] = ["£", "€", "₹", "USD", "GBP", "EUR"].map { Array($0.utf8) }

    // MARK: Domains

    /// Domains named in the industry fields, or at least twice in the text; most mentions first.
    func domainIDs(posting: Posting, ids: [Int32]) -> [String] {
        let industry = [posting.extra["industry"], posting.extra["sector"]].compactMap { $0 }.joined(separator: " ")
        let industryIDs = tokenizer.words(in: industry).map(lexicon.table.value(of:))
        var counts = [Int](repeating: 0, count: domains.count)
        var inIndustry = [Bool](repeating: false, count: domains.count)
        // One pass over the words, looking up phrases by their first word.
        for k in ids.indices where ids[k] >= 0 {
            for (domain, phrase) in domainIndex[Int(ids[k])] where Self.matches(phrase, ids, at: k, end: ids.count) {
                counts[domain] += 1
            }
        }
        for k in industryIDs.indices where industryIDs[k] >= 0 {
            for (domain, phrase) in domainIndex[Int(industryIDs[k])]
            where Self.matches(phrase, industryIDs, at: k, end: industryIDs.count) {
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

    /// The same over word ids (every phrase word has an id, so an unknown word never matches).
    static func matches(_ phrase: [Int32], _ ids: [Int32], at k: Int, end: Int) -> Bool {
        guard k + phrase.count <= end, ids[k] == phrase[0] else { return false }
        for j in 1..<phrase.count where ids[k + j] != phrase[j] { return false }
        return true
    }

    /// Token ranges of sentences and lines.
    static func sentences(spans: [WordSpan], bytes: [UInt8]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var start = 0
        for k in 1..<max(1, spans.count) {
            let lo = Int(spans[k - 1].hi)
            let hi = Int(spans[k].lo)
            var breaks = hi - lo > 1 && bytes[lo] == UInt8(ascii: ".")
            if !breaks {
                for i in lo..<hi where bytes[i] == UInt8(ascii: "\n") || bytes[i] == UInt8(ascii: ";") {
                    breaks = true
                    break
                }
            }
            if breaks {
                result.append(start..<k)
                start = k
            }
        }
        if start < spans.count { result.append(start..<spans.count) }
        return result
    }
}
