import Foundation

/// Reads a job title as a person does: separates the role from seniority, team, location, employment type,
/// company and noise, finds the head role and refines it by its specialisation (rules in
/// `Corpus/title-parse-rules.yaml`, see `TitleParseRules`).
public struct TitleParser: Sendable {
    public let rules: TitleParseRules
    private let seniority: [CompiledPattern]
    private let segmentKinds: [(kind: String, pattern: CompiledPattern)]
    private let roleWords: CompiledPattern?
    private let heads: [CompiledPattern]
    private let specialisations: [CompiledPattern]
    /// Per specialisation rule (by index): its `unless` pattern.
    private let specialisationsUnless: [CompiledPattern?]
    private let hasAnySegmentRules: Bool
    private let headsByID: [String: TitleHeadRule]
    private let specialisationsByID: [String: TitleSpecialisationRule]
    private let bodyOverrides: [String: CompiledPattern]
    /// Per head rule (by index): its `anySegmentUnless` pattern.
    private let anySegmentUnless: [CompiledPattern?]
    private static let separators = CompiledPattern(
        try! NSRegularExpression(pattern: #"\s+[-|/~]+\s+|\s*[|;•·]\s*|\s*[,:]\s+|\s*[()\[\]{}]\s*|\s+@\s+|\s+at\s+|\s+with\s+|\s+-$|^-\s+"#))

    /// The rule id a title gets when no head rule matched and it holds no role word.
    public static let noRoleWordsRule = "other.no-role-words"

    /// Compiles `rules`; throws naming the rule whose pattern is not a valid regular expression.
    public init(rules: TitleParseRules) throws {
        func compile(_ pattern: String, _ id: String) throws -> CompiledPattern {
            do {
                return CompiledPattern(try NSRegularExpression(pattern: pattern, options: [.caseInsensitive]))
            } catch {
                throw TitleRuleError.badPattern(rule: id, pattern: pattern)
            }
        }
        self.rules = rules
        seniority = try rules.seniority.enumerated().map { try compile($1, "seniority.\($0 + 1)") }
        segmentKinds = try rules.segments.map { ($0.kind, try compile($0.pattern, "segments." + $0.kind)) }
        roleWords = rules.roleWords.isEmpty ? nil : try compile(rules.roleWords, "roleWords")
        heads = try rules.heads.map { try compile($0.pattern, $0.id) }
        specialisations = try rules.specialisations.map { try compile($0.pattern, $0.id) }
        specialisationsUnless = try rules.specialisations.map { rule in
            try rule.unless.map { try compile($0, rule.id + ".unless") }
        }
        hasAnySegmentRules = rules.heads.contains { $0.anySegment == true }
        headsByID = Dictionary(rules.heads.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        specialisationsByID = Dictionary(rules.specialisations.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var overrides: [String: CompiledPattern] = [:]
        for rule in rules.heads {
            if let override = rule.bodyOverride { overrides[rule.id] = try compile(override.pattern, rule.id + ".bodyOverride") }
        }
        bodyOverrides = overrides
        anySegmentUnless = try rules.heads.map { rule in
            try rule.anySegmentUnless.map { try compile($0, rule.id + ".anySegmentUnless") }
        }
    }

    /// Loads and compiles a rules file.
    public static func load(from url: URL) throws -> TitleParser {
        try TitleParser(rules: try TitleParseRules.load(from: url))
    }

    /// The parse of `title`.
    public func parse(_ title: String?) -> ParsedTitle {
        let title = title ?? ""
        let segments = Self.segments(of: title)
        guard !segments.isEmpty else { return ParsedTitle(title: title, outcome: .undecided) }
        var stripped: [(text: String, seniority: [String])] = segments.map(strip)
        var kinds: [String?] = segments.map { segment in
            segmentKinds.first { $0.pattern.matches(segment) }?.kind
        }
        // The head: the first segment in which a head rule matches, rules in order; the `anySegment` rules
        // first, over all segments.
        var found: (segment: Int, rule: Int, range: Range<String.Index>, text: String)?
        search: for anySegmentPass in [true, false] where !anySegmentPass || hasAnySegmentRules {
            for (s, segment) in segments.enumerated() where kinds[s] == nil || kinds[s] == "location" {
                let variants = stripped[s].text == segment ? [segment] : [stripped[s].text, segment]
                for (r, pattern) in heads.enumerated() where !anySegmentPass || rules.heads[r].anySegment == true {
                    if anySegmentPass, let unless = anySegmentUnless[r],
                       segments.indices.contains(where: { $0 != s && unless.matches(segments[$0]) }) {
                        continue
                    }
                    for variant in variants {
                        if let range = pattern.firstRange(in: variant) {
                            found = (s, r, range, variant)
                            break search
                        }
                    }
                }
            }
        }
        guard let found else {
            let normalized = TitleRuleSet.normalize(title)
            if let roleWords, roleWords.matches(normalized) {
                return ParsedTitle(title: title, outcome: .undecided, seniority: stripped.flatMap(\.seniority),
                                   qualifiers: qualifiers(segments, kinds: kinds, after: -1))
            }
            return ParsedTitle(title: title, outcome: .other, headRule: Self.noRoleWordsRule,
                               head: stripped.first?.text, seniority: stripped.flatMap(\.seniority),
                               qualifiers: qualifiers(segments, kinds: kinds, after: -1))
        }
        kinds[found.segment] = "head"
        let head = rules.heads[found.rule]
        var role = head.role
        var second = head.second
        var specialisationRule: String?
        // The rest of the title, the head phrase blanked, is where a specialisation is looked for.
        var rest = found.text
        rest.replaceSubrange(found.range, with: " ")
        let restText = ([rest] + segments.enumerated().filter { $0.offset != found.segment }.map(\.element))
            .joined(separator: " ; ")
        for (k, rule) in rules.specialisations.enumerated()
        where rule.heads.contains(head.role) || rule.heads.contains(head.id) {
            if let unless = specialisationsUnless[k], segments.contains(where: { unless.matches($0) }) { continue }
            if specialisations[k].matches(restText) {
                specialisationRule = rule.id
                second = rule.second == "head" ? head.role : rule.second
                role = rule.role
                break
            }
        }
        if second == role || second == TitleRuleSet.skipRole || second == TitleRuleSet.otherRole { second = nil }
        // Roles named in later segments ("Data Engineer / Data Scientist").
        var others: [String] = []
        for s in segments.indices where s > found.segment && kinds[s] == nil {
            for (r, pattern) in heads.enumerated() where pattern.matches(stripped[s].text) {
                let id = rules.heads[r].role
                if id != TitleRuleSet.otherRole, id != TitleRuleSet.skipRole, id != role, id != second,
                   !others.contains(id) {
                    others.append(id)
                    kinds[s] = "head"
                }
                break
            }
        }
        let outcome: TitleOutcome = role == TitleRuleSet.skipRole ? .undecided
            : role == TitleRuleSet.otherRole ? .other : .role
        stripped[found.segment].text = WhiteSpace.trimmed(found.text[found.range])
        return ParsedTitle(
            title: title, outcome: outcome, roleID: outcome == .role ? role : nil,
            secondRoleID: outcome == .role ? second : nil, otherRoleIDs: outcome == .role ? others : [],
            headRule: head.id, specialisationRule: specialisationRule, head: stripped[found.segment].text,
            seniority: stripped.flatMap(\.seniority),
            leading: segments.prefix(found.segment).enumerated().filter { kinds[$0.offset] == nil }.map(\.element),
            qualifiers: qualifiers(segments, kinds: kinds, after: found.segment))
    }

    /// The segments of a title, each normalized as rules see it (lowercase, dashes as spaces, white space
    /// collapsed); empty ones dropped.
    static func segments(of title: String) -> [String] {
        var text = title.lowercased()
        var pieces: [String] = []
        if ASCIISearch.isASCII(text) {
            // No dash to replace, and a UTF-16 offset is a byte offset: the pieces are cut from the bytes.
            let utf8 = text.utf8
            var start = 0
            func piece(_ lo: Int, _ hi: Int) -> String {
                String(text[utf8.index(utf8.startIndex, offsetBy: lo)..<utf8.index(utf8.startIndex, offsetBy: hi)])
            }
            for range in separators.utf16Ranges(in: text) {
                pieces.append(piece(start, range.location))
                start = range.location + range.length
            }
            pieces.append(piece(start, utf8.count))
        } else {
            for dash in ["\u{2010}", "\u{2011}", "\u{2012}", "\u{2013}", "\u{2014}", "\u{2015}"] {
                text = text.replacingOccurrences(of: dash, with: "-")
            }
            let ns = text as NSString
            var start = 0
            for range in separators.utf16Ranges(in: text) {
                pieces.append(ns.substring(with: NSRange(location: start, length: range.location - start)))
                start = range.location + range.length
            }
            pieces.append(ns.substring(from: start))
        }
        return pieces.map { trimmedEnds(TitleRuleSet.normalize($0)) }.filter { !$0.isEmpty }
    }

    /// `trimmingCharacters(in: CharacterSet(charactersIn: " .,;:!*"))`, over the bytes of an ASCII segment.
    static func trimmedEnds(_ segment: String) -> String {
        guard ASCIISearch.isASCII(segment) else { return segment.trimmingCharacters(in: CharacterSet(charactersIn: " .,;:!*")) }
        func trims(_ b: UInt8) -> Bool {
            b == 0x20 || b == UInt8(ascii: ".") || b == UInt8(ascii: ",") || b == UInt8(ascii: ";") || b == UInt8(ascii: ":")
                || b == UInt8(ascii: "!") || b == UInt8(ascii: "*")
        }
        let utf8 = segment.utf8
        guard let first = utf8.first, let last = utf8.last, trims(first) || trims(last) else { return segment }
        var lo = utf8.startIndex, hi = utf8.endIndex
        while lo < hi, trims(utf8[lo]) { lo = utf8.index(after: lo) }
        while hi > lo, trims(utf8[utf8.index(before: hi)]) { hi = utf8.index(before: hi) }
        return String(segment[lo..<hi])
    }

    /// The segment with leading seniority words and trailing levels taken off, and what was taken.
    private func strip(_ segment: String) -> (text: String, seniority: [String]) {
        var text = segment
        var taken: [String] = []
        var changed = true
        while changed {
            changed = false
            for pattern in seniority {
                guard let range = pattern.firstRange(in: text), range.upperBound < text.endIndex || range.lowerBound > text.startIndex
                else { continue }
                let word = WhiteSpace.trimmed(text[range])
                let rest = WhiteSpace.trimmed(text.replacingCharacters(in: range, with: " "))
                guard !rest.isEmpty else { continue }
                taken.append(word)
                text = rest
                changed = true
            }
        }
        return (text, taken)
    }

    private func qualifiers(_ segments: [String], kinds: [String?], after head: Int) -> [String: [String]] {
        var result: [String: [String]] = [:]
        for (s, segment) in segments.enumerated() where kinds[s] != "head" {
            if let kind = kinds[s] {
                result[kind, default: []].append(segment)
            } else if s > head {
                result["qualifier", default: []].append(segment)
            }
        }
        return result
    }

    /// The parse as the body bears it out: a head or specialisation rule with `requires` keeps its role only
    /// when the body's AI evidence shows that involvement; otherwise the title is the role beneath it (the head
    /// role of a specialisation, the `second` of a head), and `unconfirmedRule` names the rule. "Senior Python
    /// Engineer - Generative AI" whose duties name no generative model is a software engineer; with them it is a
    /// Generative AI Engineer, software engineer second.
    /// With `body`, a head rule's `bodyOverride` applies too ("Solutions Architect" whose duties are pre-sales
    /// work is Other).
    public func confirmed(_ parsed: ParsedTitle, evidence: AIEvidenceCounts, body: String? = nil) -> ParsedTitle {
        guard parsed.outcome == .role, let headID = parsed.headRule, let head = headsByID[headID] else { return parsed }
        let level = evidence.involvement.rank
        var result = parsed
        if let body, let override = head.bodyOverride, let pattern = bodyOverrides[headID],
           Self.distinctMatches(of: pattern, in: body, atLeast: override.minimum) {
            result.roleID = override.role
            result.secondRoleID = nil
            result.unconfirmedRule = headID + ".bodyOverride"
        }
        if result.unconfirmedRule == nil, let id = parsed.specialisationRule, let rule = specialisationsByID[id],
           let needed = rule.requires, level < needed.rank {
            result.roleID = head.role
            result.secondRoleID = head.second
            result.unconfirmedRule = id
        }
        if result.unconfirmedRule == nil, result.roleID == head.role, let needed = head.requires,
           level < needed.rank || head.requiresShare.map({ !$0.holds(evidence) }) == true, let second = head.second {
            result.roleID = second
            result.secondRoleID = nil
            result.unconfirmedRule = headID
        }
        guard result.unconfirmedRule != nil else { return parsed }
        if result.roleID == TitleRuleSet.skipRole || result.roleID == TitleRuleSet.otherRole {
            result.outcome = result.roleID == TitleRuleSet.skipRole ? .undecided : .other
            result.roleID = nil
            result.secondRoleID = nil
            result.otherRoleIDs = []
        }
        if result.secondRoleID == result.roleID { result.secondRoleID = nil }
        let named = [result.roleID, result.secondRoleID]
        result.otherRoleIDs.removeAll { named.contains($0) }
        return result
    }

    /// True when `pattern` matches at least `minimum` different phrases (lowercased) in `text`.
    static func distinctMatches(of pattern: CompiledPattern, in text: String, atLeast minimum: Int) -> Bool {
        let ns = text as NSString
        var seen = Set<String>()
        for range in pattern.utf16Ranges(in: text) {
            seen.insert(ns.substring(with: range).lowercased())
            if seen.count >= minimum { return true }
        }
        return false
    }

    /// The role the posting is when its AI involvement is `involvement`: an AI-gated role without AI work is its
    /// non-AI neighbour (nil for Other), a non-AI role whose work builds ML or generative AI is its AI role.
    public func gate(_ roleID: String?, involvement: AIInvolvement) -> (roleID: String?, changed: Bool) {
        gate(roleID, involvement: involvement, aiTerms: Int.max)
    }

    /// The same from the AI evidence itself: an upgrade also needs `aiUpgradeMinimum` AI terms, because
    /// keeping an AI role the title names takes less than making one of a title that names none (a product
    /// manager whose posting mentions machine learning twice is still a product manager).
    public func gate(_ roleID: String?, evidence: AIEvidenceCounts) -> (roleID: String?, changed: Bool) {
        gate(roleID, involvement: evidence.involvement, aiTerms: evidence.aiTerms)
    }

    private func gate(_ roleID: String?, involvement: AIInvolvement, aiTerms: Int) -> (roleID: String?, changed: Bool) {
        guard let roleID else { return (nil, false) }
        if !involvement.buildsAI, let fallback = rules.aiGated[roleID] {
            return (fallback == TitleRuleSet.otherRole ? nil : fallback, true)
        }
        if involvement.buildsAI, aiTerms >= rules.aiUpgradeMinimum ?? 0, let upgrade = rules.aiUpgrades[roleID] {
            return (upgrade, true)
        }
        return (roleID, false)
    }

    /// True when `roleID` is an AI role only when the work is about AI.
    public func isAIGated(_ roleID: String) -> Bool { rules.aiGated[roleID] != nil }
}

/// A compiled regular expression; `NSRegularExpression` is immutable and safe to share once built. A pattern in
/// `BytePattern`'s subset is matched over the text's bytes wherever that gives ICU's answer (most titles and
/// sentences), by ICU elsewhere. A class: the title parser walks dozens of them per title, and copying one as a
/// value retained each of its parts.
final class CompiledPattern: @unchecked Sendable {
    let expression: NSRegularExpression
    let bytes: BytePattern?

    init(_ expression: NSRegularExpression) {
        self.expression = expression
        bytes = BytePattern(expression.pattern, options: expression.options)
    }

    func matches(_ text: String) -> Bool {
        if let found = firstByteRange(in: text) { return found != nil }
        return expression.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    /// `matches(String(decoding: text, as: UTF8.self))`, the string made only when ICU must answer.
    func matches(utf8 text: UnsafeBufferPointer<UInt8>) -> Bool {
        if let bytes, bytes.answersLikeICU(TextTraits(text)) {
            var stack: [Int] = []
            return bytes.firstMatch(in: text, stack: &stack) != nil
        }
        let string = String(decoding: text, as: UTF8.self)
        return expression.firstMatch(in: string, range: NSRange(string.startIndex..., in: string)) != nil
    }

    func firstRange(in text: String) -> Range<String.Index>? {
        if let found = firstByteRange(in: text) {
            // Matches are ASCII and begin and end between characters: offsets in UTF-8 name the same places.
            return found.map { text.utf8.index(text.startIndex, offsetBy: $0.lowerBound)..<text.utf8.index(text.startIndex, offsetBy: $0.upperBound) }
        }
        guard let match = expression.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) else { return nil }
        return Range(match.range, in: text)
    }

    /// Every match as UTF-16 ranges, as `NSRegularExpression.matches(in:)` gives them.
    func utf16Ranges(in text: String) -> [NSRange] {
        if let bytes {
            var text = text
            let found: [NSRange]? = text.withUTF8 { buffer in
                // In ASCII text a byte offset is a UTF-16 offset.
                guard TextTraits(buffer).isASCII else { return nil }
                var stack: [Int] = []
                return bytes.matches(in: buffer, stack: &stack).map { NSRange(location: $0.lowerBound, length: $0.count) }
            }
            if let found { return found }
        }
        return expression.matches(in: text, range: NSRange(text.startIndex..., in: text)).map(\.range)
    }

    /// `.some(first match or nil)` when the bytes answer, nil when ICU must.
    private func firstByteRange(in text: String) -> Range<Int>?? {
        guard let bytes else { return nil }
        var text = text
        return text.withUTF8 { buffer -> Range<Int>?? in
            guard bytes.answersLikeICU(TextTraits(buffer)) else { return nil }
            var stack: [Int] = []
            return .some(bytes.firstMatch(in: buffer, stack: &stack))
        }
    }
}
