import Foundation

/// What an `AmbiguityRule` sees about one candidate match: the alias, the words around it, and the posting.
public struct MatchContext {
    /// The alias that matched, as the taxonomy writes it.
    let alias: SkillMatcher.AliasEntry
    /// The matched text as the posting writes it.
    let matchedText: Substring
    /// The searched text and its UTF-8 bytes.
    let text: String
    let bytes: [UInt8]
    /// The words the matcher read (token byte ranges); their strings are made here only when a rule asks.
    let tokens: [SkillMatcher.Piece]
    /// Token range of the match.
    let first: Int
    let end: Int
    /// Whether a skill (any category but soft skills) was accepted at each token index.
    let skillAt: [Bool]
    /// The text is a list of skills (schema.org `skills`): every entry is in a skill context.
    let isSkillList: Bool
    let postingHasMLContext: Bool
    /// Vocabulary ids of the matched skill's `contextTerms` (for `own-terms-nearby`).
    var ownTerms: [Int32] = []
    /// The text's requirement sections (for `competency-nearby`); nil when the text has none mapped.
    var sections: RequirementSections? = nil

    /// The match stands under a requirements or preferences heading, or in a sentence with such a cue.
    var isInRequirementSection: Bool {
        guard let sections else { return false }
        return sections.level(at: tokens[first].lo) != .mentioned
    }

    /// Tokens that, right before an ambiguous name, show it is meant as a skill ("in R", "with Go").
    static let cuesBefore: Set<String> = [
        "in", "with", "using", "use", "like", "including", "e.g", "i.e", "eg", "ie", "languages", "language",
        "programming", "scripting", "coding", "tools", "and/or", "especially", "particularly", "e.g.", "software",
    ]
    /// Nouns that, two tokens before with "of" between, show a skill ("knowledge of C").
    static let cuesBeforeOf: Set<String> = [
        "knowledge", "proficiency", "experience", "expertise", "understanding", "command", "use", "fluency",
        "mastery", "familiarity",
    ]
    /// Tokens that, right after, show a skill ("R programming", "Go code", "C developers").
    static let cuesAfter: Set<String> = [
        "programming", "language", "languages", "scripting", "scripts", "script", "code", "coding", "packages",
        "package", "libraries", "library", "developer", "developers", "development", "shiny", "studio",
        "markdown", "skills", "experience", "proficiency", "environment", "ecosystem", "cluster", "clusters",
        "jobs", "applications",
    ]
    /// Words allowed between two skills of one list ("Python and R", "C or Go").
    static let listConnectors: Set<String> = ["and", "or", "as", "well", "plus", "and/or", "etc"]
    /// Prepositions that make "excel" a verb.
    static let verbPrepositions: Set<String> = ["at", "in", "as", "within", "on", "across", "beyond", "under", "when"]

    var isCapitalized: Bool { matchedText.first?.isUppercase ?? false }

    /// Token `k` as written.
    func written(_ k: Int) -> Substring { SkillMatcher.slice(text, bytes, tokens[k].lo, tokens[k].hi) }

    /// Token `k` lowercased (as the tokenizer lowercases: ASCII byte by byte, the rest by Unicode rules).
    func lowercased(_ k: Int) -> String { written(k).lowercased() }

    /// The match opens a sentence, a line or a bullet.
    var isSentenceStart: Bool {
        var i = tokens[first].lo - 1
        while i >= 0 {
            switch bytes[i] {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\""), UInt8(ascii: "("): i -= 1
            case UInt8(ascii: "\n"), UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "?"), UInt8(ascii: ":"),
                 UInt8(ascii: "*"), UInt8(ascii: "-"), UInt8(ascii: ";"):
                return true
            case 0xE2: return true  // a bullet or dash (U+2022, U+2013, U+2014)
            case 0x80...0xBF:
                // Continuation byte: look at the lead byte of the scalar.
                var j = i
                while j > 0, bytes[j] & 0xC0 == 0x80 { j -= 1 }
                if bytes[j] == 0xE2 { return true }
                return false
            default: return false
            }
        }
        return true
    }

    var isNotAbbreviation: Bool {
        let lo = tokens[first].lo
        let hi = tokens[end - 1].hi
        if lo > 0 {
            let before = bytes[lo - 1]
            if before == UInt8(ascii: "&") || before == UInt8(ascii: ".") || before == UInt8(ascii: "'") { return false }
        }
        if hi < bytes.count {
            let after = bytes[hi]
            if after == UInt8(ascii: "&") || after == UInt8(ascii: "'") { return false }
            // "C-suite", "C-level", "R-squared": a letter joined by a hyphen to a word is no language.
            if after == UInt8(ascii: "-"), hi + 1 < bytes.count, Self.isASCIILetter(bytes[hi + 1]) { return false }
            if hi + 2 < bytes.count, bytes[hi] == 0xE2, bytes[hi + 1] == 0x80, bytes[hi + 2] == 0x99 { return false }  // ’
            if after == UInt8(ascii: ".") {
                // "R.N", "R.D." — a letter straight after the period.
                if hi + 1 < bytes.count, Self.isASCIILetter(bytes[hi + 1]) { return false }
                // "John R. Smith": a capitalized word before that is no skill, a capitalized word after.
                if first > 0, !skillAt[first - 1], written(first - 1).first?.isUppercase == true,
                   end < tokens.count, written(end).first?.isUppercase == true,
                   !MatchContext.listConnectors.contains(lowercased(first - 1)) {
                    return false
                }
            }
        }
        return true
    }

    var isFollowedByVerbPreposition: Bool {
        end < tokens.count && gapIsSpace(end - 1, end) && Self.verbPrepositions.contains(lowercased(end))
    }

    /// Listed next to another skill, or led or followed by a cue word. The walk goes over a list's other
    /// items ("SAS, SPSS, Minitab, R"), connectors ("or", "and") and asides ("Python (preferred) or R").
    var hasSkillContext: Bool {
        if isSkillList { return true }
        // Right before: a cue word ("in R"), or "knowledge of R".
        if first > 0 {
            let word = lowercased(first - 1)
            if MatchContext.cuesBefore.contains(word) && gapIsSpace(first - 1, first) { return true }
            if word == "as" && first > 1 && lowercased(first - 2) == "such" { return true }
            if word == "of" && first > 1 && MatchContext.cuesBeforeOf.contains(lowercased(first - 2)) { return true }
        }
        // Right after: a cue word ("R programming").
        if end < tokens.count, MatchContext.cuesAfter.contains(lowercased(end)), gapIsSpace(end - 1, end) {
            return true
        }
        return listNeighbour(step: -1) || listNeighbour(step: 1)
    }

    /// Walks from the match through one list, up to five tokens, looking for a skill or a cue that opens it.
    func listNeighbour(step: Int) -> Bool {
        var inner = step < 0 ? first : end - 1  // the token next to the gap being crossed
        var k = step < 0 ? first - 1 : end
        var steps = 0
        while k >= 0, k < tokens.count, steps < 5 {
            let (a, b) = step < 0 ? (k, inner) : (inner, k)
            let listGap = gapIsList(a, b) && !gapIsSpace(a, b)
            let word = lowercased(k)
            if skillAt[k] && gapIsList(a, b) { return true }
            if step < 0 && steps > 0 && listGap == false && MatchContext.cuesBefore.contains(word) { return true }
            if MatchContext.listConnectors.contains(word) && gapIsList(a, b) {
                // "or", "and": keep walking.
            } else if !listGap {
                return false
            }
            inner = k
            k += step
            steps += 1
        }
        return false
    }

    /// Only spaces between token `a` and token `b`.
    func gapIsSpace(_ a: Int, _ b: Int) -> Bool {
        for i in tokens[a].hi..<tokens[b].lo where bytes[i] != UInt8(ascii: " ") {
            return false
        }
        return true
    }

    /// Only list punctuation (`, / ; ( ) :` and spaces) between two tokens, no sentence end or line break
    /// that would separate two unrelated words.
    func gapIsList(_ a: Int, _ b: Int) -> Bool {
        let lo = tokens[a].hi
        let hi = tokens[b].lo
        if hi - lo > 4 { return false }
        for i in lo..<hi {
            switch bytes[i] {
            case UInt8(ascii: " "), UInt8(ascii: ","), UInt8(ascii: "/"), UInt8(ascii: ";"), UInt8(ascii: "("),
                 UInt8(ascii: ")"), UInt8(ascii: "|"), UInt8(ascii: ":"), UInt8(ascii: "&"):
                continue
            default: return false
            }
        }
        return true
    }

    /// How many words on each side `own-terms-nearby` looks at.
    static let ownTermsWindow = 10

    /// One of the skill's context terms within `ownTermsWindow` words, not across a line or sentence break.
    var hasOwnTermsNearby: Bool { hasOwnTerms(within: Self.ownTermsWindow) }

    /// How many words on each side `competency-nearby` looks at ("strong collaboration skills").
    static let competencyWindow = 3

    /// One of the skill's context terms within `window` words, not across a line or sentence break.
    func hasOwnTerms(within window: Int) -> Bool {
        guard !ownTerms.isEmpty else { return false }
        var k = first - 1
        while k >= 0, first - k <= window, !gapBreaksSentence(k, k + 1) {
            if ownTerms.contains(tokens[k].id) { return true }
            k -= 1
        }
        k = end
        while k < tokens.count, k - end < window, !gapBreaksSentence(k - 1, k) {
            if ownTerms.contains(tokens[k].id) { return true }
            k += 1
        }
        return false
    }

    /// A line break, a semicolon, or a period, "!" or "?" followed by white space between tokens `a` and `b`.
    func gapBreaksSentence(_ a: Int, _ b: Int) -> Bool {
        let lo = tokens[a].hi
        let hi = tokens[b].lo
        var i = lo
        while i < hi {
            switch bytes[i] {
            case UInt8(ascii: "\n"), UInt8(ascii: ";"): return true
            case UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "?"):
                if i + 1 >= hi || bytes[i + 1] == UInt8(ascii: " ") || bytes[i + 1] == UInt8(ascii: "\n") { return true }
            default: break
            }
            i += 1
        }
        return false
    }

    /// Nouns that, right after a skill's name, make it describe a business, a market or people rather than ask
    /// for the skill ("cybersecurity companies", "a consulting firm", "Machine Learning engineers").
    static let organisationWords: Set<String> = [
        "company", "companies", "firm", "firms", "industry", "industries", "startup", "startups", "vendor", "vendors",
        "provider", "providers", "talent", "sector", "sectors", "market", "markets", "space", "leaders", "team",
        "teams", "org", "organization", "organisation", "department", "community", "communities", "conferences",
        "conference", "meetups", "product", "products", "personnel", "brand", "mission", "employees", "customers",
    ]

    /// The match is followed, in the same sentence, by an organisation word, directly or after one more name
    /// joined by a slash ("AI/ML companies").
    var isOrganisationModifier: Bool {
        if isFollowedByPossessive { return true }
        guard end < tokens.count, !gapBreaksSentence(end - 1, end) else { return false }
        if Self.organisationWords.contains(lowercased(end)) { return true }
        let gap = bytes[tokens[end - 1].hi..<tokens[end].lo]
        guard gap.elementsEqual([UInt8(ascii: "/")]), end + 1 < tokens.count, !gapBreaksSentence(end, end + 1) else {
            return false
        }
        return Self.organisationWords.contains(lowercased(end + 1))
    }

    /// The match is followed by a possessive "'s" or "’s": a company or product speaking of itself ("HubSpot’s
    /// core products", "BigCommerce's mission"), not a tool asked of the candidate.
    var isFollowedByPossessive: Bool {
        var i = tokens[end - 1].hi
        if i < bytes.count, bytes[i] == UInt8(ascii: "'") {
            i += 1
        } else if i + 2 < bytes.count, bytes[i] == 0xE2, bytes[i + 1] == 0x80, bytes[i + 2] == 0x99 {
            i += 3
        } else {
            return false
        }
        guard i < bytes.count, bytes[i] == UInt8(ascii: "s") || bytes[i] == UInt8(ascii: "S") else { return false }
        return i + 1 >= bytes.count || !Self.isASCIILetter(bytes[i + 1])
    }

    /// Words right before "pipelines" that make it a delivery or sales pipeline.
    static let deliveryWords: Set<String> = [
        "ci", "cd", "cicd", "ci/cd", "deployment", "deploy", "release", "delivery", "devops",
        "jenkins", "github", "gitlab", "actions", "azure", "sales", "hiring", "talent", "recruiting", "candidate",
        "deal", "revenue", "test", "testing", "automation",
    ]

    var followsDeliveryWord: Bool {
        guard first > 0, !gapBreaksSentence(first - 1, first) else { return false }
        if Self.deliveryWords.contains(lowercased(first - 1)) { return true }
        // "CI/CD and release pipelines": a delivery word, then a connector.
        if first > 1, ["and", "or"].contains(lowercased(first - 1)), !gapBreaksSentence(first - 2, first - 1),
           Self.deliveryWords.contains(lowercased(first - 2)) {
            return true
        }
        return false
    }

    /// What one writes when programming ("writing code", "writing tests").
    static let codeWords: Set<String> = [
        "code", "coding", "tests", "test", "software", "scripts", "script", "queries", "query", "sql", "python",
        "programs", "applications", "apps", "features", "apis", "api", "services", "functions", "backend", "frontend",
        "components", "logic", "automation", "pipelines", "infrastructure", "modules", "libraries", "algorithms",
        "programming", "unit", "integration", "automated", "terraform", "ci/cd", "smart", "contracts", "solidity",
        "extensions", "plugins", "plug-ins", "sdks", "drivers", "kernels", "shaders", "microservices",
    ]
    /// Words allowed between "writing" and what is written ("writing clean, well-tested code").
    static let codeAdjectives: Set<String> = [
        "clean", "efficient", "maintainable", "high-quality", "quality", "well-tested", "tested", "reusable", "robust",
        "scalable", "performant", "production", "production-grade", "readable", "elegant", "secure", "modular",
        "testable", "reliable", "idiomatic", "optimized", "complex", "custom", "new", "and", "well", "documented",
        "well-documented", "great", "good", "simple", "fast", "effective", "intermediate", "advanced", "basic",
        "well-structured", "structured", "production-ready",
    ]

    /// "writing" followed, after at most four adjectives or other gerunds, by something one programs ("writing
    /// clean code", "writing and reviewing code", "writing, building, and maintaining backend services").
    var isFollowedByCodeWord: Bool {
        var k = end
        var steps = 0
        while k < tokens.count, steps < 5, !gapBreaksSentence(k - 1, k) {
            let word = lowercased(k)
            if Self.codeWords.contains(word) { return true }
            // Other gerunds and participles too: "writing and reviewing code", "well-abstracted code".
            let verbForm = word.count > 4 && (word.hasSuffix("ing") || word.hasSuffix("ed"))
            guard Self.codeAdjectives.contains(word) || verbForm else { return false }
            k += 1
            steps += 1
        }
        return false
    }

    /// Words that name a degree, before "in"/"of" or after the subject ("MS in Statistics", "Statistics degree").
    static let degreeWords: Set<String> = [
        "degree", "degrees", "bachelor", "bachelors", "bachelor's", "master", "masters", "master's", "phd", "ph.d",
        "doctorate", "doctoral", "bs", "ba", "ms", "ma", "msc", "bsc", "b.s", "m.s", "b.sc", "m.sc", "mba", "diploma",
        "major", "majors", "majoring", "graduate", "undergraduate", "postgraduate", "b.a", "m.a", "beng", "meng",
        "b.tech", "m.tech", "btech", "mtech",
    ]
    /// Words allowed between a degree and its subject ("in a quantitative field such as", "or a related").
    static let degreeFillers: Set<String> = [
        "in", "of", "or", "and", "a", "an", "the", "related", "quantitative", "technical", "relevant", "such", "as",
        "like", "e.g", "eg", "i.e", "field", "fields", "discipline", "disciplines", "area", "areas", "similar",
        "equivalent", "applied", "science", "sciences", "computer", "engineering", "physics", "economics", "finance",
        "operations", "research", "data", "mathematics", "math", "maths", "statistics", "informatics", "electrical",
        "mechanical", "biology", "chemistry", "linguistics", "cognitive", "psychology", "business", "information",
        "systems", "technology", "analytics", "machine", "learning", "artificial", "intelligence", "biostatistics",
        "epidemiology", "econometrics", "actuarial", "stem", "degree", "other", "closely", "highly", "preferably",
        "ideally", "preferred", "etc", "computational", "social", "natural", "life", "s",
    ]

    /// The match names the subject of a degree: a degree word before it with only subjects and fillers between
    /// (same sentence, at most twelve words), or "degree" right after it.
    var isDegreeField: Bool {
        var k = first - 1
        var sawPreposition = false
        while k >= 0, first - k <= 12, !gapBreaksSentence(k, k + 1) {
            let word = lowercased(k)
            if Self.degreeWords.contains(word) && (sawPreposition || word == "degree" || word == "degrees") { return true }
            if word == "in" || word == "of" || word == "as" || word == "like" { sawPreposition = true }
            guard Self.degreeFillers.contains(word) || written(k).first?.isUppercase == true else { break }
            k -= 1
        }
        k = end
        while k < tokens.count, k - end < 6, !gapBreaksSentence(k - 1, k) {
            let word = lowercased(k)
            if word == "degree" || word == "degrees" || word == "major" || word == "majors" { return true }
            guard Self.degreeFillers.contains(word) || written(k).first?.isUppercase == true else { break }
            k += 1
        }
        return isInFieldList
    }

    /// Subjects a list of fields names besides the degree fillers ("social work, or related fields").
    static let fieldListWords: Set<String> = [
        "language", "processing", "vision", "robotics", "neuroscience", "communications", "marketing", "work",
        "humanities", "arts", "education", "public", "policy", "health", "sociology", "anthropology", "political",
        "philosophy", "bioinformatics", "genomics", "accounting", "journalism", "english", "history", "design",
        "studies", "management", "administration", "nursing", "medicine", "law", "geography", "astronomy",
    ]

    /// The words that close a list of subjects ("related fields"), and the qualifiers before them.
    static let fieldListEnds: Set<String> = ["field", "fields", "discipline", "disciplines"]
    static let fieldListQualifiers: Set<String> = [
        "related", "similar", "relevant", "quantitative", "technical", "adjacent", "equivalent",
    ]
    /// The words after a match that make it the name of a notice or policy.
    static let noticeWords: Set<String> = ["notice", "notices", "policy", "policies", "statement", "information"]

    /// The match is one item of a list of subjects that ends "or (a) related field" or "or similar discipline"
    /// ("statistics, computer science, or a related field"): a field of study even without a degree word.
    var isInFieldList: Bool {
        var k = end
        var sawList = false
        while k < tokens.count, k - end < 12, !gapBreaksSentence(k - 1, k) {
            if gapIsList(k - 1, k) && !gapIsSpace(k - 1, k) { sawList = true }
            let word = lowercased(k)
            if Self.fieldListEnds.contains(word), k > end, Self.fieldListQualifiers.contains(lowercased(k - 1)) {
                return sawList || lowercased(k - 2) == "or" || lowercased(k - 2) == "a"
            }
            guard Self.degreeFillers.contains(word) || Self.fieldListWords.contains(word)
                || written(k).first?.isUppercase == true || word == "etc" else { return false }
            k += 1
        }
        return false
    }

    /// The match heads the name of a notice or policy ("Data Privacy Notice", "GDPR Policy for Applicants"),
    /// not a skill asked of the candidate.
    var isNoticeName: Bool {
        guard end < tokens.count, gapIsSpace(end - 1, end), written(end).first?.isUppercase == true else { return false }
        return Self.noticeWords.contains(lowercased(end))
    }

    /// The match follows an amount ("$120,000 CAD", "95k CAD"): a currency, not a tool.
    var followsAmount: Bool {
        var i = tokens[first].lo - 1
        while i >= 0, bytes[i] == UInt8(ascii: " ") { i -= 1 }
        guard i >= 0 else { return false }
        let b = bytes[i]
        return (b >= 48 && b <= 57) || b == UInt8(ascii: "k") || b == UInt8(ascii: "K")
    }

    static func isASCIILetter(_ b: UInt8) -> Bool {
        (b >= 65 && b <= 90) || (b >= 97 && b <= 122)
    }

    /// Words right after a function's name that make it a team or its people ("Product Management team",
    /// "UX designers", "Accounting department").
    static let teamWords: Set<String> = [
        "team", "teams", "counterparts", "counterpart", "org", "orgs", "organization", "organisation", "department",
        "departments", "function", "functions", "leaders", "leadership", "partners", "colleagues", "peers", "group",
        "groups", "staff", "professionals", "specialists", "designers", "designer", "researchers", "researcher",
        "writers", "analysts", "leads", "managers", "manager", "representatives", "reps", "organizations",
        "companies", "company", "startups", "startup", "industry", "talent", "engineer", "engineers", "scientist",
        "scientists", "roles", "positions",
    ]
    /// Words before "working with" that make it an ask of the candidate ("experience working with Salesforce").
    static let askWords: Set<String> = [
        "experience", "familiarity", "comfortable", "comfort", "proficiency", "knowledge", "years", "skilled",
        "hands-on", "expertise", "background", "proven", "practical", "prior",
    ]
    /// Words before "with" that make what follows the people one works with ("work closely with Product").
    static let collaborationVerbs: Set<String> = [
        "work", "working", "works", "worked", "collaborate", "collaborating", "collaborates", "partner", "partnering",
        "partners", "closely", "together", "coordinate", "coordinating", "liaise", "liaising", "interface",
        "interfacing", "engage", "engaging", "align", "aligning", "alongside",
    ]

    /// The match names a team or function one works with, not a skill asked of the candidate: followed by a team
    /// word, a capitalized function name listed after "with"/"and", or inside "work (closely) with …".
    var isTeamName: Bool {
        if end < tokens.count, !gapBreaksSentence(end - 1, end), Self.teamWords.contains(lowercased(end)) { return true }
        let titleCase = (first..<end).allSatisfy { written($0).first?.isUppercase == true }
        if titleCase, !isSentenceStart, first > 0, !gapBreaksSentence(first - 1, first),
           ["with", "and", "or", "across", "alongside", "including", "between", "&"].contains(lowercased(first - 1))
            || (gapIsList(first - 1, first) && !gapIsSpace(first - 1, first)) {
            return true
        }
        var k = first - 1
        while k > 0, first - k <= 6, !gapBreaksSentence(k, k + 1) {
            let word = lowercased(k)
            if word == "with" || word == "alongside" {
                if k > 1, Self.askWords.contains(lowercased(k - 2)) { return false }
                return Self.collaborationVerbs.contains(lowercased(k - 1)) || word == "alongside"
            }
            k -= 1
        }
        return false
    }
}
