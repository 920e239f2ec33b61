import Foundation

/// The AI evidence found in a posting: counts of each kind in what is asked of the candidate.
public struct AIEvidenceCounts: Sendable, Codable, Hashable {
    public var uses: Int
    public var genai: Int
    public var ml: Int
    public var work: Int
    /// Up to a few of the matched phrases, first first, so a user can check them.
    public var matched: [String]

    public init(uses: Int = 0, genai: Int = 0, ml: Int = 0, work: Int = 0, matched: [String] = []) {
        self.uses = uses
        self.genai = genai
        self.ml = ml
        self.work = work
        self.matched = matched
    }

    /// The AI terms that say the work is about AI (generative-AI, ML and AI-work matches; tool use not counted).
    public var aiTerms: Int { genai + ml + work }

    /// The involvement these counts show: any generative-AI work; two ML or AI-work mentions; a use of AI tools.
    public var involvement: AIInvolvement {
        if genai >= 1 { return .buildsGenerativeAI }
        if ml + work >= 2 { return .buildsML }
        if uses >= 1 { return .usesAI }
        return .none
    }
}

/// Tells a posting's AI involvement from the AI evidence asked of the candidate (`AIEvidenceRules`): sentences
/// in requirement and duty sections, not the employer's boilerplate.
public struct AIInvolvementDetector: Sendable {
    public let rules: AIEvidenceRules
    private let companyHeading: CompiledPattern
    /// In the order they are applied: uses, genai, ml, work.
    private let kinds: [CompiledPattern]
    /// The same patterns over bytes (nil when one is outside `BytePattern`'s subset).
    private let byteKinds: [BytePattern]?
    private static let employerVoice = CompiledPattern(try! NSRegularExpression(pattern: #"\b(we|our|us|we're|we've)\b"#))
    private static let candidateVoice = CompiledPattern(try! NSRegularExpression(
        pattern: #"\b(you|your|you'll|you're|you've|candidate|applicant|experience (with|in)|knowledge of|ability to|responsible for|will)\b"#))

    public init(rules: AIEvidenceRules) throws {
        func compile(_ pattern: String, _ id: String) throws -> CompiledPattern {
            do {
                return CompiledPattern(try NSRegularExpression(pattern: pattern, options: [.caseInsensitive]))
            } catch {
                throw TitleRuleError.badPattern(rule: "ai-evidence." + id, pattern: pattern)
            }
        }
        self.rules = rules
        companyHeading = try compile(rules.companyHeadings, "companyHeadings")
        kinds = try [(rules.uses, "uses"), (rules.genai, "genai"), (rules.ml, "ml"), (rules.work, "work")]
            .map { try compile($0.0, $0.1) }
        // Each CompiledPattern already built its byte form: use it rather than compiling the patterns again.
        let bytePatterns = kinds.compactMap(\.bytes)
        byteKinds = bytePatterns.count == kinds.count ? bytePatterns : nil
    }

    /// Loads and compiles a rules file.
    public static func load(from url: URL) throws -> AIInvolvementDetector {
        try AIInvolvementDetector(rules: try AIEvidenceRules.load(from: url))
    }

    /// The candidate-facing text of a body: sentences outside the employer's own sections that are not in its
    /// voice alone, joined by line breaks.
    public func candidateText(_ body: String) -> String {
        String(decoding: candidateBytes(body), as: UTF8.self)
    }

    /// `candidateText` as UTF-8 bytes, which are lowercase already (every kept sentence is lowercased), so
    /// `counts(title:body:)` matches them without a `String` or a second lowercasing.
    func candidateBytes(_ body: String) -> [UInt8] {
        // Lines of ASCII, Latin-1, common punctuation and emoji (`CandidateLineScan.isSimple`) split at LF are
        // read as bytes (the same answer as Characters give them, without the per-Character cost); any other line
        // goes through `candidateSentences(ofLine:)`, and a body with other line breaks (CR, VT, FF, NEL, LS, PS)
        // goes through it whole.
        let bytes = Array(body.utf8)
        if CandidateLineScan.holdsOtherLineBreaks(bytes) { return Array(candidateTextByCharacters(body).utf8) }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var inCompanySection = false
        // Sentences are never empty: a line break goes before every one but the first.
        func keep<C: Collection<UInt8>>(_ sentence: C) {
            if !out.isEmpty { out.append(0x0A) }
            out.append(contentsOf: sentence)
        }
        // The simple lines' lowercase bytes, for the whole body at once (lowercasing keeps their length).
        let lowered = CandidateLineScan.lowercasedAsSimple(bytes)
        var start = 0
        while start < bytes.count {
            let end = ByteScan.nextIndex(of: 0x0A, in: bytes, from: start) ?? bytes.count
            defer { start = end + 1 }
            let line = bytes[start..<end]
            guard !line.isEmpty else { continue }
            guard CandidateLineScan.isSimple(line) else {
                for sentence in candidateSentences(ofLine: String(decoding: line, as: UTF8.self), inCompanySection: &inCompanySection) {
                    keep(sentence.utf8)
                }
                continue
            }
            let trimmed = CandidateLineScan.trimmed(line)
            guard !trimmed.isEmpty else { continue }
            let lower = lowered[trimmed.startIndex..<trimmed.endIndex]
            if CandidateLineScan.isHeading(trimmed) {
                // `trimmingCharacters(in: "#*: ")` of the lowered line: those are ASCII, so bytes trim alike.
                inCompanySection = lowered.withUnsafeBufferPointer { all in
                    let heading = UnsafeBufferPointer(rebasing: all[lower.startIndex..<lower.endIndex])
                    return companyHeading.matches(utf8: CandidateLineScan.trimmed(heading, of: "#*: "))
                }
                if inCompanySection { continue }
            }
            guard !inCompanySection else { continue }
            var from = lower.startIndex
            while from < lower.endIndex {
                var to = from
                while to < lower.endIndex, lower[to] != UInt8(ascii: "."), lower[to] != UInt8(ascii: "!"), lower[to] != UInt8(ascii: "?") { to += 1 }
                defer { from = to + 1 }
                guard to > from else { continue }
                let sentence = lower[from..<to]
                if CandidateLineScan.mayHoldEmployerVoice(sentence) {
                    let employers = lowered.withUnsafeBufferPointer { all in
                        let text = UnsafeBufferPointer(rebasing: all[from..<to])
                        return Self.employerVoice.matches(utf8: text) && !Self.candidateVoice.matches(utf8: text)
                    }
                    if employers { continue }
                }
                keep(sentence)
            }
        }
        return out
    }

    /// `candidateText` over Characters, line by line.
    func candidateTextByCharacters(_ body: String) -> String {
        var kept: [Substring] = []
        var inCompanySection = false
        for line in body.split(whereSeparator: \.isNewline) {
            kept.append(contentsOf: candidateSentences(ofLine: String(line), inCompanySection: &inCompanySection))
        }
        return kept.joined(separator: "\n")
    }

    /// The candidate-facing sentences of one line; a heading line sets whether the employer's section begins.
    func candidateSentences(ofLine line: String, inCompanySection: inout Bool) -> [Substring] {
        let trimmed = WhiteSpace.trimmed(line)
        guard !trimmed.isEmpty else { return [] }
        let lowered = trimmed.lowercased()
        if Self.isHeading(trimmed) {
            // A short line may be a heading or a bullet without a full stop: only the employer's
            // headings are dropped; any other short line still counts.
            let heading = lowered.trimmingCharacters(in: CharacterSet(charactersIn: "#*: "))
            inCompanySection = companyHeading.matches(heading)
            if inCompanySection { return [] }
        }
        guard !inCompanySection else { return [] }
        var kept: [Substring] = []
        for sentence in lowered.split(omittingEmptySubsequences: true, whereSeparator: { $0 == "." || $0 == "!" || $0 == "?" }) {
            let text = String(sentence)
            if Self.employerVoice.matches(text) && !Self.candidateVoice.matches(text) { continue }
            kept.append(sentence)
        }
        return kept
    }

    /// A short line without a sentence end, or a Markdown heading: it opens a section.
    static func isHeading(_ line: String) -> Bool {
        if line.hasPrefix("#") { return true }
        guard line.count <= 60, !line.hasPrefix("•"), !line.hasPrefix("-"), !line.hasPrefix("*") || line.hasSuffix("**")
        else { return false }
        guard let last = line.last else { return false }
        return last == ":" || (!".!?,;".contains(last) && line.split(separator: " ").count <= 6)
    }

    /// The evidence in `text` (already the candidate-facing part, lowercased or not).
    public func counts(in text: String) -> AIEvidenceCounts {
        countsByBytes(in: text) ?? countsByICU(in: text)
    }

    /// `countsByICU` over the lowercased text's bytes: the same counts and phrases (every match is ASCII, so
    /// blanking a match's bytes blanks its UTF-16 units); nil when a pattern or the text needs ICU
    /// (`BytePattern.answersLikeICU`).
    func countsByBytes(in text: String) -> AIEvidenceCounts? {
        guard byteKinds != nil else { return nil }
        var bytes = UTF8Lowercase.bytes(of: text)
        return counts(lowercased: &bytes)
    }

    /// The counts of text already lowercased, as UTF-8 (its matches are blanked in place); nil, the bytes
    /// untouched, when ICU must answer.
    func counts(lowercased bytes: inout [UInt8]) -> AIEvidenceCounts? {
        guard let byteKinds else { return nil }
        return bytes.withUnsafeMutableBufferPointer { buffer -> AIEvidenceCounts? in
            let traits = TextTraits(UnsafeBufferPointer(buffer))
            guard byteKinds.allSatisfy({ $0.answersLikeICU(traits) }) else { return nil }
            var counts = [0, 0, 0, 0]
            var matched: [String] = []
            var stack: [Int] = []
            for (k, pattern) in byteKinds.enumerated() {
                let found = pattern.matches(in: UnsafeBufferPointer(buffer), stack: &stack)
                counts[k] = found.count
                for range in found.prefix(3) where matched.count < 6 {
                    matched.append(String(decoding: UnsafeBufferPointer(rebasing: buffer[range]), as: UTF8.self))
                }
                // Blank what was counted so a later, broader pattern does not count it again.
                for range in found {
                    for i in range { buffer[i] = 0x20 }
                }
            }
            return AIEvidenceCounts(uses: counts[0], genai: counts[1], ml: counts[2], work: counts[3], matched: matched)
        }
    }

    /// The evidence in `text` by `NSRegularExpression`: what `countsByBytes` must equal, and the answer for a
    /// text or pattern it leaves to ICU.
    func countsByICU(in text: String) -> AIEvidenceCounts {
        let mutable = NSMutableString(string: text.lowercased())
        var counts = [0, 0, 0, 0]
        var matched: [String] = []
        for (k, pattern) in kinds.enumerated() {
            let matches = pattern.expression.matches(in: mutable as String, range: NSRange(location: 0, length: mutable.length))
            counts[k] = matches.count
            for match in matches.prefix(3) where matched.count < 6 { matched.append(mutable.substring(with: match.range)) }
            // Blank what was counted so a later, broader pattern does not count it again.
            for match in matches.reversed() {
                mutable.replaceCharacters(in: match.range, with: String(repeating: " ", count: match.range.length))
            }
        }
        return AIEvidenceCounts(uses: counts[0], genai: counts[1], ml: counts[2], work: counts[3], matched: matched)
    }

    /// The evidence of a posting: the candidate-facing body, plus the title (each title term counts twice)
    /// unless `includeTitle` is false.
    public func counts(title: String?, body: String, includeTitle: Bool = true) -> AIEvidenceCounts {
        // The candidate text is lowercase already: matched as it is (lowercasing is idempotent).
        var candidate = candidateBytes(body)
        // `counts(lowercased:)` leaves the bytes as they were when it answers nil.
        var result = counts(lowercased: &candidate) ?? countsByICU(in: String(decoding: candidate, as: UTF8.self))
        if includeTitle, let title, !title.isEmpty {
            let t = counts(in: title)
            result.uses += 2 * t.uses
            result.genai += 2 * t.genai
            result.ml += 2 * t.ml
            result.work += 2 * t.work
            result.matched = t.matched + result.matched
        }
        return result
    }

    /// The posting's AI involvement.
    public func involvement(title: String?, body: String) -> AIInvolvement {
        counts(title: title, body: body).involvement
    }
}
