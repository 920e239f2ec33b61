import Foundation
import Yams

/// A person-read role gold set (`Corpus/gold/roles-gold.yaml`): per posting, every role it hires for (the
/// primary first) and its AI involvement.
public struct RoleGoldSet: Sendable, Equatable {
    public struct Entry: Sendable, Codable, Equatable {
        /// Relative to `../shared/corpus`.
        public var file: String
        public var row: Int?
        public var title: String?
        /// Role ids (`other` for none of JobScope's roles), the primary first.
        public var roles: [String]
        public var aiInvolvement: AIInvolvement?

        enum CodingKeys: String, CodingKey {
            case file, row, title, roles
            case aiInvolvement = "ai_involvement"
        }
    }

    public var version: Int
    public var postings: [Entry]

    /// Reads a gold file.
    public static func load(from url: URL) throws -> RoleGoldSet {
        struct Raw: Decodable { var version: Int; var postings: [Entry] }
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw TrainingCorpusError.unreadable(path: url.path, reason: error.localizedDescription)
        }
        do {
            let raw = try YAMLDecoder().decode(Raw.self, from: text)
            return RoleGoldSet(version: raw.version, postings: raw.postings)
        } catch {
            throw TrainingCorpusError.unreadable(path: url.path,
                reason: "not a role gold file (version, postings: file, row, title, roles, ai_involvement): \(error)")
        }
    }
}

/// The figures of the classifier on a gold set.
public struct GoldEvaluation: Sendable, Codable, Equatable {
    /// Strict: the decided role against the gold primary role.
    public var strict: EvaluationSummary
    /// Lenient: the decided role counts when it is any of the gold roles.
    public var lenient: EvaluationSummary
    /// Precision of the answer Other.
    public var otherPrecision: Double
    /// AI involvement right, over the postings whose gold gives it.
    public var aiInvolvementAccuracy: Double
    public var aiInvolvementSupport: Int
    /// `aiConfusion[gold][predicted]`, in `AIInvolvement.allCases` order.
    public var aiConfusion: [[Int]]
    /// Gold postings that could not be found (file or row missing), one line each.
    public var missing: [String]
    /// Every posting whose decided role (strict) or AI involvement differs from the gold, in gold order.
    public var misses: [GoldMiss] = []
}

/// One gold posting the classifier got wrong, with the evidence that decided it (for error analysis).
public struct GoldMiss: Sendable, Codable, Equatable {
    public var file: String
    public var row: Int?
    public var title: String
    /// The gold roles, the primary first.
    public var gold: [String]
    /// The decided role (`other` for Other) and the nearest role when Other was decided.
    public var predicted: String
    public var nearest: String?
    public var goldAI: AIInvolvement?
    public var predictedAI: AIInvolvement
    public var decidedBy: String?
    public var titleRule: String?
    public var aiNote: String?
    /// The AI phrases matched in the posting (title first).
    public var aiMatched: [String]
    /// The body terms that weighed most toward the decided (or nearest) role.
    public var topTerms: [String]

    /// True when the decided role is not the gold primary role.
    public var roleWrong: Bool { gold.first != predicted }
}

/// Runs the analyzer on every gold posting (found in the shared corpus by file and row) and scores it.
public struct GoldEvaluator: Sendable {
    public let analyzer: PostingAnalyzer
    /// The folder gold `file:` paths are relative to.
    public let corpusRoot: URL
    public let minimumSupport: Int

    public init(analyzer: PostingAnalyzer, corpusRoot: URL, minimumSupport: Int = 10) {
        self.analyzer = analyzer
        self.corpusRoot = corpusRoot
        self.minimumSupport = minimumSupport
    }

    public func evaluate(_ gold: RoleGoldSet) -> GoldEvaluation {
        var cache: [String: [Posting]] = [:]
        var missing: [String] = []
        var truth: [String] = []
        var accepted: [[String]] = []
        var predicted: [String] = []
        var aiPairs: [(AIInvolvement, AIInvolvement)] = []
        var misses: [GoldMiss] = []
        let reader = PostingReader()
        for entry in gold.postings {
            let path = GoldExclusion.normalize(entry.file)
            if cache[path] == nil {
                let url = corpusRoot.appendingPathComponent(path)
                cache[path] = ((try? CorpusFileReader.read(url, reader: reader)) ?? nil)?.postings ?? []
            }
            let postings = cache[path] ?? []
            let found: Posting?
            if let row = entry.row {
                found = postings.first { ($0.source.row ?? $0.source.line) == row }
            } else {
                found = postings.count == 1 ? postings.first : nil
            }
            guard var posting = found, let primary = entry.roles.first else {
                missing.append(entry.row.map { "\(path):row \($0)" } ?? path)
                continue
            }
            // The gold's title is the source's title field; a page read alone (an AI lab's description page,
            // whose title lives in the board's jobs.json) may carry only a section heading instead.
            if let title = entry.title, !title.isEmpty { posting.title = title }
            let analysis = analyzer.analyze(posting)
            truth.append(primary)
            accepted.append(entry.roles)
            predicted.append(analysis.classification.roleID ?? RoleModel.otherClass)
            if let ai = entry.aiInvolvement { aiPairs.append((ai, analysis.aiInvolvement)) }
            let c = analysis.classification
            let decided = c.roleID ?? RoleModel.otherClass
            if decided != primary || (entry.aiInvolvement.map { $0 != analysis.aiInvolvement } ?? false) {
                let ai = analyzer.classifier.aiEvidence(title: posting.title, body: posting.body).posting
                misses.append(GoldMiss(
                    file: path, row: entry.row, title: posting.title ?? "", gold: entry.roles, predicted: decided,
                    nearest: c.nearestRoleID, goldAI: entry.aiInvolvement, predictedAI: analysis.aiInvolvement,
                    decidedBy: c.explanation.decidedBy, titleRule: c.explanation.titleRule,
                    aiNote: c.explanation.aiNote, aiMatched: ai.matched,
                    topTerms: c.explanation.topTerms.prefix(5).map(\.term)))
            }
        }
        var classes = analyzer.classifier.model.classes
        for label in truth + predicted where !classes.contains(label) { classes.append(label) }
        let index = Dictionary(uniqueKeysWithValues: classes.enumerated().map { ($1, $0) })
        let metrics = ClassificationMetrics(classes: classes, minimumSupport: minimumSupport)
        let p = predicted.map { index[$0]! }
        let strict = metrics.summarize(truth: truth.map { index[$0]! }, predicted: p,
                                       probabilities: p.map { _ in [] }, setting: .full,
                                       method: analyzer.classifier.model.method, folds: 0)
        let lenientTruth = zip(zip(truth, accepted), predicted).map { pair, guess in
            pair.1.contains(guess) ? index[guess]! : index[pair.0]!
        }
        let lenient = metrics.summarize(truth: lenientTruth, predicted: p, probabilities: p.map { _ in [] },
                                        setting: .full, method: analyzer.classifier.model.method, folds: 0)
        let otherPrecision = strict.perClass.first { $0.name == RoleModel.otherClass }?.precision ?? 0
        let levels = AIInvolvement.allCases
        var confusion = [[Int]](repeating: [Int](repeating: 0, count: levels.count), count: levels.count)
        for (g, guess) in aiPairs { confusion[levels.firstIndex(of: g)!][levels.firstIndex(of: guess)!] += 1 }
        let right = aiPairs.filter { $0.0 == $0.1 }.count
        return GoldEvaluation(strict: strict, lenient: lenient, otherPrecision: otherPrecision,
                              aiInvolvementAccuracy: aiPairs.isEmpty ? 0 : Double(right) / Double(aiPairs.count),
                              aiInvolvementSupport: aiPairs.count, aiConfusion: confusion, missing: missing, misses: misses)
    }
}
