import Foundation

/// Where a posting's body names the job it is for ("As a Product Manager, you will…", "We are looking for a
/// Data Engineer to…"), each named title read by the title parser: evidence of the role that the body itself
/// gives, so it holds when the title is hidden or names nothing. Patterns are data
/// (`Corpus/title-parse-rules.yaml`, `bodyStatements`); capture group 1 of each is the title.
public struct BodyRoleStatements: Sendable {
    public let parser: TitleParser
    private let patterns: [CompiledPattern]
    /// The same patterns over the body's bytes, group 1 captured (nil when one is outside `BytePattern`'s subset).
    private let bytePatterns: [BytePattern]?
    /// Only this much of a body (UTF-16 units) is read: the job is named near the top.
    public static let readLength = 12_000
    /// The stated titles parsed already (shared by copies).
    private let parses = ParsedTitleCache()

    /// Nil when the parser's rules carry no body-statement patterns; throws naming a pattern that is not valid.
    public init?(parser: TitleParser) throws {
        guard let rules = parser.rules.bodyStatements, !rules.patterns.isEmpty else { return nil }
        self.parser = parser
        patterns = try rules.patterns.enumerated().map { k, pattern in
            do {
                return CompiledPattern(try NSRegularExpression(pattern: pattern, options: [.caseInsensitive]))
            } catch {
                throw TitleRuleError.badPattern(rule: "bodyStatements.\(k + 1)", pattern: pattern)
            }
        }
        let bytePatterns = rules.patterns.compactMap {
            BytePattern($0, options: .caseInsensitive, captureGroups: 1, nonASCIISteps: true)
        }
        self.bytePatterns = bytePatterns.count == rules.patterns.count ? bytePatterns : nil
    }

    /// The parses of the titles the body names, in order of appearance: those naming a role, and those an
    /// explicit rule makes Other ("As a Registered Nurse" names no role word, so it is not counted: "as a
    /// result" would be Other by the same reading).
    public func statements(in body: String) -> [ParsedTitle] {
        statementsByBytes(in: body) ?? statementsByICU(in: body)
    }

    /// `statementsByICU` over the body's UTF-8 bytes: the same statements in the same order (offsets in bytes
    /// and in UTF-16 units order the matches alike); nil when a pattern or the text needs ICU
    /// (`BytePattern.answersLikeICU`), or when the read length ends inside a character of two UTF-16 units.
    func statementsByBytes(in body: String) -> [ParsedTitle]? {
        guard let bytePatterns else { return nil }
        var body = body
        return body.withUTF8 { whole -> [ParsedTitle]? in
            guard let end = UTF8Scalar.end(ofUTF16Units: Self.readLength, in: whole, from: 0) else { return nil }
            let text = UnsafeBufferPointer(rebasing: whole[..<end])
            let traits = TextTraits(text)
            guard bytePatterns.allSatisfy({ $0.answersLikeICU(traits) }) else { return nil }
            var found: [(location: Int, parse: ParsedTitle)] = []
            var stack: [Int] = []
            for pattern in bytePatterns {
                for match in pattern.groupMatches(in: text, stack: &stack) {
                    guard let group = match.groups[0], !group.isEmpty else { continue }
                    let parse = parsed(String(decoding: UnsafeBufferPointer(rebasing: text[group]), as: UTF8.self))
                    if Self.counts(parse) { found.append((group.lowerBound, parse)) }
                }
            }
            return found.sorted { $0.location < $1.location }.map(\.parse)
        }
    }

    /// `parser.parse(phrase)`, kept for the next posting that states the same phrase.
    private func parsed(_ phrase: String) -> ParsedTitle { parses.parse(phrase, by: parser) }

    /// Whether a stated title's parse counts: it names a role, or an explicit rule makes it Other.
    private static func counts(_ parse: ParsedTitle) -> Bool {
        parse.outcome == .role || (parse.outcome == .other && parse.headRule != TitleParser.noRoleWordsRule)
    }

    /// The statements as `NSRegularExpression` finds them: what `statementsByBytes` must equal, and the answer
    /// for a text or pattern it leaves to ICU.
    func statementsByICU(in body: String) -> [ParsedTitle] {
        let ns = body as NSString
        let range = NSRange(location: 0, length: min(ns.length, Self.readLength))
        var found: [(location: Int, parse: ParsedTitle)] = []
        for pattern in patterns {
            for match in pattern.expression.matches(in: body, range: range) where match.numberOfRanges > 1 {
                let group = match.range(at: 1)
                guard group.location != NSNotFound, group.length > 0 else { continue }
                let parse = parsed(ns.substring(with: group))
                if Self.counts(parse) { found.append((group.location, parse)) }
            }
        }
        return found.sorted { $0.location < $1.location }.map(\.parse)
    }

    /// Per class of `classes`: the share of the body's statements naming it (their parses confirmed by the
    /// body's AI evidence, as a title's are); all 0 when the body names no job.
    public static func feature(_ statements: [ParsedTitle], classes: [String], parser: TitleParser,
                               evidence: AIEvidenceCounts) -> [Double] {
        var result = [Double](repeating: 0, count: classes.count)
        guard !statements.isEmpty else { return result }
        let share = 1 / Double(statements.count)
        for statement in statements {
            guard let name = parser.confirmed(statement, evidence: evidence).className,
                  let c = classes.firstIndex(of: name) else { continue }
            result[c] += share
        }
        return result
    }
}

/// The body-statement patterns and the examples the tests check.
public struct BodyStatementRules: Sendable, Codable, Equatable {
    public var patterns: [String]
    public var examples: [BodyStatementExample]

    public init(patterns: [String], examples: [BodyStatementExample] = []) {
        self.patterns = patterns
        self.examples = examples
    }
}

/// An invented sentence and the class its stated title must give (`none` when it states no job).
public struct BodyStatementExample: Sendable, Codable, Equatable {
    public var text: String
    public var role: String
}
