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

    /// The settings the committed model is trained with (chosen by `jobscope evaluate`, see Corpus/README.md).
    public static func standard(stopWords: [String]) -> TrainingConfiguration {
        TrainingConfiguration(
            vectorizer: .init(stopWords: stopWords, minN: 1, maxN: 2, minDF: 3, maxDFFraction: 0.9,
                              maxFeatures: 6_000, sublinearTF: true),
            learner: .init(), calibrationFolds: 4, classWeightCap: 8, profileWeight: 2, pruneBelow: 0.01,
            decision: .init())
    }

    public init(vectorizer: TfidfVectorizer.Options, learner: LinearClassTrainer.Settings, calibrationFolds: Int,
                classWeightCap: Double, profileWeight: Double, pruneBelow: Double, decision: DecisionRule) {
        self.vectorizer = vectorizer
        self.learner = learner
        self.calibrationFolds = calibrationFolds
        self.classWeightCap = classWeightCap
        self.profileWeight = profileWeight
        self.pruneBelow = pruneBelow
        self.decision = decision
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

    public init(taxonomy: Taxonomy, configuration: TrainingConfiguration, titleRulesVersion: String) {
        self.taxonomy = taxonomy
        self.configuration = configuration
        self.classes = taxonomy.roles.map(\.id) + [RoleModel.otherClass]
        self.titleRulesVersion = titleRulesVersion
    }

    /// Labelled postings analyzed once for a setting, ready for many fits.
    public struct Prepared: Sendable {
        public let setting: EvaluationSetting
        public let examples: [LabelledPosting]
        let terms: [[String]]
        public let labels: [Int]
        let titles: [String?]
        let titleKeywords: [[[String]]]
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
        return Prepared(
            setting: setting, examples: examples,
            terms: zip(examples, titles).map { analyzer.analyze(RoleClassifier.document(title: $1, body: $0.posting.body)) },
            labels: labels, titles: titles, titleKeywords: titles.map { matcher.matches(in: $0) })
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
        let weights = evidence.isEmpty ? EvidenceWeights(body: 1, title: 1, titleWord: 1, skills: 1)
            : EvidenceCalibrator().fit(evidence, labels: labels)
        return makeModel(body, evidence: weights)
    }

    /// The evidence of example `i` under `classifier`'s model.
    public func evidence(of i: Int, in data: Prepared, classifier: RoleClassifier) -> RoleEvidence {
        let x = classifier.model.vectorizer.transform(analyzed: data.terms[i])
        return classifier.evidence(vector: x, title: data.titles[i], skillIDs: data.examples[i].skillIDs)
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
                  weights: body.weights, evidence: evidence, decision: configuration.decision)
    }

    private func fitBody(_ data: Prepared, on indices: [Int]) -> BodyFit {
        var vectorizer = TfidfVectorizer(options: configuration.vectorizer)
        vectorizer.fit(analyzed: indices.map { data.terms[$0] })
        let x = indices.map { vectorizer.transform(analyzed: data.terms[$0]) }
        let y = indices.map { data.labels[$0] }
        var counts = [Int](repeating: 0, count: classes.count)
        for label in y { counts[label] += 1 }
        let present = Double(counts.filter { $0 > 0 }.count)
        let classWeight = counts.map { count in
            count == 0 ? 0 : min(configuration.classWeightCap, Double(y.count) / (present * Double(count)))
        }
        let sampleWeights = indices.map { i in
            classWeight[data.labels[i]] * (data.examples[i].isProfile ? configuration.profileWeight : 1)
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
