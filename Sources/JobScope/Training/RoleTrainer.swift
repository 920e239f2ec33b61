import Crypto
import Foundation

/// Everything that decides how a role model is trained; stored in spirit in the model (vectorizer options,
/// method) so a model says how it was made.
public struct TrainingConfiguration: Sendable, Equatable {
    public var vectorizer: TfidfVectorizer.Options
    public var learner: LinearClassTrainer.Settings
    /// Folds of the inner, grouped split whose held-out predictions fit the evidence weights.
    public var calibrationFolds: Int
    /// Class weights balance rare against common classes (`n / (k · n_class)`), capped at this.
    public var classWeightCap: Double
    /// A role profile counts this many times its class weight.
    public var profileWeight: Double
    /// Body weights smaller than this (after centring across classes) are dropped to keep the model small.
    public var pruneBelow: Double
    public var decision: DecisionRule
    /// A term is a feature only when at least this many employers' training postings use it, so one employer's
    /// boilerplate, repeated over its postings, is not read as a role's wording (1: no such floor).
    public var minimumEmployers: Int
    /// The `maxFeatures` kept are those used by the most employers (ties: corpus count, then the term) rather
    /// than those of the highest corpus count, which one large source's vocabulary decides.
    public var rankFeaturesByEmployers: Bool
    /// Each training source's postings count `min(1, (mean source size / its size)^sourceBalance)` times (0: all alike),
    /// before class weights, so one large source's class sizes do not set every class's weight.
    public var sourceBalance: Double
    /// The calibration samples count by their class weight (over the calibration samples), so the evidence
    /// weights are fitted for every class alike, not for the largest class of the largest source.
    public var balancedCalibration: Bool
    /// Evidence weights (indices into `EvidenceWeights.vector`) held at 0.
    public var excludedEvidence: Set<Int>

    /// The settings the committed model is trained with (chosen by `jobscope evaluate`, see Corpus/README.md).
    /// Class-weight cap 24 and profile weight 8 (were 8 and 2): a source whose rare roles the others barely have
    /// (generative-AI, design, AI-trainer work on the remote board) is read from the profiles and the few examples
    /// there are; leave-one-source-out body-only macro-F1 on remotewlb-2024 39.9 -> 50.1.
    public static func standard(stopWords: [String]) -> TrainingConfiguration {
        TrainingConfiguration(
            vectorizer: .init(stopWords: stopWords, minN: 1, maxN: 2, minDF: 3, maxDFFraction: 0.9,
                              maxFeatures: 6_000, sublinearTF: true),
            learner: .init(), calibrationFolds: 4, classWeightCap: 24, profileWeight: 8, pruneBelow: 0.01,
            decision: .init())
    }

    public init(vectorizer: TfidfVectorizer.Options, learner: LinearClassTrainer.Settings, calibrationFolds: Int,
                classWeightCap: Double, profileWeight: Double, pruneBelow: Double, decision: DecisionRule,
                minimumEmployers: Int = 1, rankFeaturesByEmployers: Bool = false, sourceBalance: Double = 0,
                balancedCalibration: Bool = false, excludedEvidence: Set<Int> = []) {
        self.vectorizer = vectorizer
        self.learner = learner
        self.calibrationFolds = calibrationFolds
        self.classWeightCap = classWeightCap
        self.profileWeight = profileWeight
        self.pruneBelow = pruneBelow
        self.decision = decision
        self.minimumEmployers = minimumEmployers
        self.rankFeaturesByEmployers = rankFeaturesByEmployers
        self.sourceBalance = sourceBalance
        self.balancedCalibration = balancedCalibration
        self.excludedEvidence = excludedEvidence
    }
}

/// Trains `RoleModel`s from labelled postings: TF-IDF fit, per-class linear weights, and the evidence weights
/// fitted on an inner grouped split.
public struct RoleTrainer: Sendable {
    public let taxonomy: Taxonomy
    public let configuration: TrainingConfiguration
    /// The taxonomy's role ids, then `other`.
    public let classes: [String]
    public let titleRulesVersion: String
    /// The title parser and AI-evidence rules the models carry (nil: models without them, as before).
    public let titleParseRules: TitleParseRules?
    public let aiEvidenceRules: AIEvidenceRules?

    public init(taxonomy: Taxonomy, configuration: TrainingConfiguration, titleRulesVersion: String,
                titleParseRules: TitleParseRules? = nil, aiEvidenceRules: AIEvidenceRules? = nil) {
        self.taxonomy = taxonomy
        self.configuration = configuration
        self.classes = taxonomy.roles.map(\.id) + [RoleModel.otherClass]
        self.titleRulesVersion = titleRulesVersion
        self.titleParseRules = titleParseRules
        self.aiEvidenceRules = aiEvidenceRules
    }

    /// Labelled postings analyzed once for a setting, ready for many fits.
    public struct Prepared: Sendable {
        public let setting: EvaluationSetting
        public let examples: [LabelledPosting]
        let terms: [[String]]
        public let labels: [Int]
        let titles: [String?]
        let titleKeywords: [[[String]]]
        /// The parsed titles (nil where hidden or without a parser) and the AI evidence of body and posting.
        let parsed: [ParsedTitle?]
        let ai: [(body: AIEvidenceCounts, posting: AIEvidenceCounts)]
        /// The titles each body names as its job (`BodyRoleStatements`), read whatever the setting.
        let statements: [[ParsedTitle]]
    }

    /// Analyzes `examples` (labels must be class names of this trainer) for `setting`.
    public func prepare(_ examples: [LabelledPosting], setting: EvaluationSetting) throws -> Prepared {
        let analyzer = TfidfVectorizer(options: configuration.vectorizer)
        let matcher = TitleKeywordMatcher(taxonomy: taxonomy)
        let titles = examples.map { setting == .full ? $0.posting.title : nil }
        let labels = try examples.map { example -> Int in
            guard let index = classes.firstIndex(of: example.label) else {
                throw RoleTrainingError.unknownLabel(example.label, source: example.posting.source.description)
            }
            return index
        }
        let parser = try titleParseRules.map { try TitleParser(rules: $0) }
        let detector = try aiEvidenceRules.map { try AIInvolvementDetector(rules: $0) }
        let bodyStatements = try parser.flatMap { try BodyRoleStatements(parser: $0) }
        // The per-posting reading is independent: spread it over the cores, results in input order.
        let count = examples.count
        let terms = ParallelSlots<[String]>(count: count)
        let parsed = ParallelSlots<ParsedTitle?>(count: count)
        let ai = ParallelSlots<(body: AIEvidenceCounts, posting: AIEvidenceCounts)>(count: count)
        let statements = ParallelSlots<[ParsedTitle]>(count: count)
        let chunk = 64
        DispatchQueue.concurrentPerform(iterations: (count + chunk - 1) / chunk) { block in
            for i in (block * chunk)..<min(count, (block + 1) * chunk) {
                let example = examples[i]
                terms.set(i, analyzer.analyze(RoleClassifier.document(title: titles[i], body: example.posting.body)))
                parsed.set(i, titles[i].flatMap { title in title.isEmpty ? nil : parser?.parse(title) })
                let body = example.bodyAI ?? detector?.counts(title: nil, body: example.posting.body) ?? .init()
                var posting = body
                if let title = titles[i], !title.isEmpty, let detector {
                    let t = detector.counts(in: title)
                    posting.uses += 2 * t.uses
                    posting.genai += 2 * t.genai
                    posting.ml += 2 * t.ml
                    posting.work += 2 * t.work
                }
                ai.set(i, (body, posting))
                if let bodyStatements, !example.isProfile {
                    statements.set(i, bodyStatements.statements(in: example.posting.body))
                }
            }
        }
        return Prepared(
            setting: setting, examples: examples, terms: terms.values.map { $0 ?? [] },
            labels: labels, titles: titles, titleKeywords: titles.map { matcher.matches(in: $0) },
            parsed: parsed.values.map { $0 ?? nil }, ai: ai.values.map { $0 ?? (.init(), .init()) },
            statements: statements.values.map { $0 ?? [] })
    }

    /// A model trained on `data.examples[indices]`.
    public func train(_ data: Prepared, on indices: [Int]) -> RoleModel {
        let body = fitBody(data, on: indices)
        // Held-out body scores for the evidence fit: an inner split of the non-profile postings by employer.
        let tested = indices.filter { !data.examples[$0].isProfile }
        let profiles = indices.filter { data.examples[$0].isProfile }
        let folds = min(configuration.calibrationFolds, Set(tested.map { data.examples[$0].group }).count)
        var evidence: [RoleEvidence] = []
        var labels: [Int] = []
        if folds >= 2 {
            let assignment = EmployerGroup.assignFolds(groups: tested.map { data.examples[$0].group }, folds: folds)
            for fold in 0..<folds {
                let inner = zip(tested, assignment).filter { $0.1 != fold }.map(\.0) + profiles
                let held = zip(tested, assignment).filter { $0.1 == fold }.map(\.0)
                let innerModel = makeModel(fitBody(data, on: inner), evidence: .init())
                let classifier = RoleClassifier(model: innerModel, taxonomy: taxonomy)
                for i in held {
                    evidence.append(self.evidence(of: i, in: data, classifier: classifier))
                    labels.append(data.labels[i])
                }
            }
        }
        let sampleWeights = configuration.balancedCalibration
            ? balancedWeights(labels.map { (label: $0, weight: 1.0) }) : nil
        let weights = evidence.isEmpty ? EvidenceWeights(body: 1, title: 1, titleWord: 1, skills: 1,
                                                         parsedTitle: titleParseRules == nil ? 0 : 2)
            : EvidenceCalibrator().fit(evidence, labels: labels, weights: sampleWeights,
                                       excluded: configuration.excludedEvidence)
        return makeModel(body, evidence: weights)
    }

    /// The evidence of example `i` under `classifier`'s model.
    public func evidence(of i: Int, in data: Prepared, classifier: RoleClassifier) -> RoleEvidence {
        let x = classifier.model.vectorizer.transform(analyzed: data.terms[i])
        return classifier.evidence(vector: x, title: data.titles[i], skillIDs: data.examples[i].skillIDs,
                                   ai: data.ai[i], parsed: .some(data.parsed[i]), statements: data.statements[i],
                                   body: data.examples[i].posting.body)
    }

    /// The TF-IDF vector of example `i` under `model`.
    public func vector(of i: Int, in data: Prepared, model: RoleModel) -> SparseVector {
        model.vectorizer.transform(analyzed: data.terms[i])
    }

    /// Stamps the model's version from its content: the same training input gives the same version.
    public func finalize(_ model: RoleModel) throws -> RoleModel {
        var copy = model
        copy.version = ""
        let digest = SHA256.hash(data: try copy.encoded())
        copy.version = taxonomy.version + "+" + digest.prefix(6).map { String(format: "%02x", $0) }.joined()
        return copy
    }

    private struct BodyFit {
        var vectorizer: TfidfVectorizer
        var weights: [ClassWeights]
    }

    private func makeModel(_ body: BodyFit, evidence: EvidenceWeights) -> RoleModel {
        RoleModel(version: "", taxonomyVersion: taxonomy.version, titleRulesVersion: titleRulesVersion,
                  method: configuration.learner.method, classes: classes, vectorizer: body.vectorizer,
                  weights: body.weights, evidence: evidence, decision: configuration.decision,
                  titleParseRules: titleParseRules, aiEvidenceRules: aiEvidenceRules)
    }

    /// Per sample of (class, weight): its weight times its class's `W / (k · W_class)` (W: the weights' sum, k:
    /// the classes present), the class factor capped at `classWeightCap`.
    private func balancedWeights(_ samples: [(label: Int, weight: Double)]) -> [Double] {
        var totals = [Double](repeating: 0, count: classes.count)
        for sample in samples { totals[sample.label] += sample.weight }
        let present = Double(totals.filter { $0 > 0 }.count)
        let sum = totals.reduce(0, +)
        let classWeight = totals.map { total in
            total == 0 ? 0 : min(configuration.classWeightCap, sum / (present * total))
        }
        return samples.map { classWeight[$0.label] * $0.weight }
    }

    /// Per training index: `min(1, (mean source size / its source's size)^sourceBalance)` (profiles: 1).
    private func sourceWeights(_ data: Prepared, _ indices: [Int]) -> [Double] {
        guard configuration.sourceBalance != 0 else { return [Double](repeating: 1, count: indices.count) }
        var sizes: [String: Int] = [:]
        for i in indices where !data.examples[i].isProfile { sizes[data.examples[i].sourceName, default: 0] += 1 }
        let mean = Double(sizes.values.reduce(0, +)) / Double(max(sizes.count, 1))
        return indices.map { i in
            let example = data.examples[i]
            guard !example.isProfile, let size = sizes[example.sourceName] else { return 1 }
            // Only sources above the mean shrink: a source of a handful of postings is not made to outweigh others.
            return min(1, pow(mean / Double(size), configuration.sourceBalance))
        }
    }

    /// The training documents' terms, keeping only the terms `minimumEmployers` employers use and, when
    /// `rankFeaturesByEmployers`, the `maxFeatures` used by the most employers; as they are otherwise.
    private func selectedTerms(_ data: Prepared, _ indices: [Int]) -> [[String]] {
        let documents = indices.map { data.terms[$0] }
        let options = configuration.vectorizer
        guard configuration.minimumEmployers > 1 || configuration.rankFeaturesByEmployers else { return documents }
        // Employers in a fixed order, each posting's distinct terms counted once per employer.
        var groupIDs: [String: Int] = [:]
        let groups = indices.map { (i: Int) -> Int in
            let key = data.examples[i].group
            if let id = groupIDs[key] { return id }
            let id = groupIDs.count
            groupIDs[key] = id
            return id
        }
        let order = documents.indices.sorted { (groups[$0], $0) < (groups[$1], $1) }
        struct Tally { var lastGroup = -1; var employers = 0; var documents = 0; var count = 0 }
        var tally: [String: Tally] = [:]
        for d in order {
            for term in documents[d] { tally[term, default: Tally()].count += 1 }
            for term in Set(documents[d]) {
                tally[term]!.documents += 1
                if tally[term]!.lastGroup != groups[d] {
                    tally[term]!.lastGroup = groups[d]
                    tally[term]!.employers += 1
                }
            }
        }
        let n = documents.count
        let maxDF = options.maxDFFraction >= 1 ? n : Int((options.maxDFFraction * Double(n)).rounded(.down))
        var kept = tally.filter { term in
            term.value.employers >= configuration.minimumEmployers && term.value.documents >= options.minDF
                && term.value.documents <= maxDF
        }.map(\.key)
        if configuration.rankFeaturesByEmployers, let limit = options.maxFeatures, kept.count > limit {
            kept.sort { a, b in
                let x = tally[a]!, y = tally[b]!
                return (x.employers, x.count, b) > (y.employers, y.count, a)
            }
            kept = Array(kept.prefix(limit))
        }
        let allowed = Set(kept)
        return documents.map { $0.filter(allowed.contains) }
    }

    private func fitBody(_ data: Prepared, on indices: [Int]) -> BodyFit {
        var vectorizer = TfidfVectorizer(options: configuration.vectorizer)
        vectorizer.fit(analyzed: selectedTerms(data, indices))
        let x = indices.map { vectorizer.transform(analyzed: data.terms[$0]) }
        let y = indices.map { data.labels[$0] }
        let bySource = sourceWeights(data, indices)
        let balanced = balancedWeights(zip(y, bySource).map { (label: $0, weight: $1) })
        let sampleWeights = indices.indices.map { k in
            balanced[k] * (data.examples[indices[k]].isProfile ? configuration.profileWeight : 1)
        }
        let learned = LinearClassTrainer(settings: configuration.learner)
            .fit(x: x, y: y, sampleWeights: sampleWeights, classes: classes.count, features: vectorizer.featureCount)
        return BodyFit(vectorizer: vectorizer, weights: compact(learned))
    }

    /// Centres each feature's weights across classes (which shifts every class's score by the same amount, so
    /// changes no probability), then drops the small ones and rounds the rest to 4 decimals.
    private func compact(_ learned: LinearClassTrainer.Weights) -> [ClassWeights] {
        let features = learned.features
        let classCount = classes.count
        var matrix = learned.matrix
        for j in 0..<features {
            var mean = 0.0
            for c in 0..<classCount { mean += matrix[c * features + j] }
            mean /= Double(classCount)
            for c in 0..<classCount { matrix[c * features + j] -= mean }
        }
        let biasMean = learned.bias.reduce(0, +) / Double(classCount)
        return (0..<classCount).map { c in
            var kept: [Int] = []
            var values: [Double] = []
            for j in 0..<features {
                let value = matrix[c * features + j]
                if abs(value) >= configuration.pruneBelow {
                    kept.append(j)
                    values.append(Self.round4(value))
                }
            }
            return ClassWeights(bias: Self.round4(learned.bias[c] - biasMean), features: kept, values: values)
        }
    }

    static func round4(_ value: Double) -> Double { (value * 10_000).rounded() / 10_000 }
}

/// One result slot per index, written by concurrent workers (each index by exactly one).
final class ParallelSlots<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var values: [Value?]

    init(count: Int) { values = [Value?](repeating: nil, count: count) }

    func set(_ i: Int, _ value: Value) {
        lock.lock()
        defer { lock.unlock() }
        values[i] = value
    }
}

/// Why a model could not be trained.
public enum RoleTrainingError: LocalizedError, Equatable {
    case unknownLabel(String, source: String)
    case noTrainingData

    public var errorDescription: String? {
        switch self {
        case .unknownLabel(let label, let source):
            return "\(source): label '\(label)' is neither a taxonomy role id nor 'other'; fix the label or the title rules"
        case .noTrainingData:
            return "no labelled postings to train on; check --corpus and Corpus/roles/"
        }
    }
}
