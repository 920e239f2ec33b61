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
    }

    /// Loads and compiles a rules file.
    public static func load(from url: URL) throws -> AIInvolvementDetector {
        try AIInvolvementDetector(rules: try AIEvidenceRules.load(from: url))
    }

    /// The candidate-facing text of a body: sentences outside the employer's own sections that are not in its
    /// voice alone, joined by line breaks.
    public func candidateText(_ body: String) -> String {
        var kept: [Substring] = []
        var inCompanySection = false
        for line in body.split(whereSeparator: \.isNewline) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty else { continue }
            let lowered = trimmed.lowercased()
            if Self.isHeading(trimmed) {
                // A short line may be a heading or a bullet without a full stop: only the employer's
                // headings are dropped; any other short line still counts.
                let heading = lowered.trimmingCharacters(in: CharacterSet(charactersIn: "#*: "))
                inCompanySection = companyHeading.matches(heading)
                if inCompanySection { continue }
            }
            guard !inCompanySection else { continue }
            for sentence in lowered.split(omittingEmptySubsequences: true, whereSeparator: { $0 == "." || $0 == "!" || $0 == "?" }) {
                let text = String(sentence)
                if Self.employerVoice.matches(text) && !Self.candidateVoice.matches(text) { continue }
                kept.append(sentence)
            }
        }
        return kept.joined(separator: "\n")
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
        var result = counts(in: candidateText(body))
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
