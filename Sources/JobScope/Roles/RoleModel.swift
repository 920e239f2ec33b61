import Foundation

/// The trained role model as stored in `Models/role-model.json`: the TF-IDF vocabulary and IDF, one linear
/// weight vector per class over it, how body, title and skill evidence are combined (fitted on held-out folds,
/// which also calibrates the probabilities), what it was trained on, and how well it did in cross-validation.
public struct RoleModel: Sendable, Codable {
    /// The class name for postings that fit none of the taxonomy's roles.
    public static let otherClass = "other"
    /// The version of this file's layout; a reader refuses a newer one.
    public static let currentFormat = 1

    /// Identifies this model (`<taxonomy version>+<content hash>`); stored with every result.
    public var version: String
    /// The taxonomy version it was built for.
    public var taxonomyVersion: String
    public var format: Int
    /// The title-rules version that labelled its training postings.
    public var titleRulesVersion: String
    /// How the per-class body weights were learned.
    public var method: ClassifierMethod
    /// Class names: the taxonomy's role ids in taxonomy order, then `other`.
    public var classes: [String]
    public var vectorizer: TfidfVectorizer
    /// Per class (parallel to `classes`): bias and the non-zero body weights.
    public var weights: [ClassWeights]
    /// How the evidence is combined into calibrated logits.
    public var evidence: EvidenceWeights
    public var decision: DecisionRule
    public var manifest: TrainingManifest
    /// Cross-validated figures measured when the model was trained (empty when training skipped them).
    public var evaluation: [EvaluationSummary]
    /// The title parser's rules (`Corpus/title-parse-rules.yaml`) the model was trained with; nil in older models.
    public var titleParseRules: TitleParseRules?
    /// The AI-evidence rules (`Corpus/ai-evidence.yaml`); nil in older models.
    public var aiEvidenceRules: AIEvidenceRules?

    /// Dense feature × class weight matrix (a feature's weights for every class side by side, so scoring a
    /// sparse vector reads one short run per feature), rebuilt on load for fast scoring.
    let dense: [Double]

    public init(version: String, taxonomyVersion: String, titleRulesVersion: String, method: ClassifierMethod,
                classes: [String], vectorizer: TfidfVectorizer, weights: [ClassWeights], evidence: EvidenceWeights,
                decision: DecisionRule = .init(), manifest: TrainingManifest = .init(),
                evaluation: [EvaluationSummary] = [], titleParseRules: TitleParseRules? = nil,
                aiEvidenceRules: AIEvidenceRules? = nil) {
        self.version = version
        self.taxonomyVersion = taxonomyVersion
        self.format = Self.currentFormat
        self.titleRulesVersion = titleRulesVersion
        self.method = method
        self.classes = classes
        self.vectorizer = vectorizer
        self.weights = weights
        self.evidence = evidence
        self.decision = decision
        self.manifest = manifest
        self.evaluation = evaluation
        self.titleParseRules = titleParseRules
        self.aiEvidenceRules = aiEvidenceRules
        self.dense = Self.densify(weights, features: vectorizer.featureCount)
    }

    /// The model at `url`.
    public static func load(from url: URL) throws -> RoleModel {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw RoleModelError.unreadable(path: url.path, reason: error.localizedDescription)
        }
        return try load(data: data, path: url.path)
    }

    /// The model in the JSON bytes `data`; `path` names it in error messages.
    public static func load(data: Data, path: String) throws -> RoleModel {
        let model: RoleModel
        do {
            model = try JSONDecoder().decode(RoleModel.self, from: data)
        } catch {
            throw RoleModelError.unreadable(path: path, reason: "not a JobScope role model (\(error))")
        }
        guard model.format <= currentFormat else {
            throw RoleModelError.newerFormat(path: path, format: model.format)
        }
        return model
    }

    /// The model as stable JSON: sorted keys, so the same training input gives a byte-identical file.
    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        var data = try encoder.encode(self)
        data.append(0x0A)
        return data
    }

    /// Writes the model to `url`.
    public func write(to url: URL) throws {
        try encoded().write(to: url, options: .atomic)
    }

    /// Index of a class name.
    public func classIndex(_ name: String) -> Int? { classes.firstIndex(of: name) }

    /// Index of the `other` class.
    public var otherIndex: Int { classes.count - 1 }

    /// Body logits (bias + weights · x) for every class.
    public func bodyScores(_ x: SparseVector) -> [Double] {
        // Per class the products are added in the vector's order, as `x.dot(row)` adds them: the same sums.
        let stride = weights.count
        var sums = [Double](repeating: 0, count: stride)
        sums.withUnsafeMutableBufferPointer { sums in
            dense.withUnsafeBufferPointer { all in
                for (feature, value) in zip(x.indices, x.values) {
                    let base = feature * stride
                    for c in 0..<stride { sums[c] += value * all[base + c] }
                }
            }
        }
        return (0..<classes.count).map { c in weights[c].bias + sums[c] }
    }

    /// The weight of feature `feature` for class `c`.
    public func weight(class c: Int, feature: Int) -> Double {
        dense[feature * weights.count + c]
    }

    static func densify(_ weights: [ClassWeights], features: Int) -> [Double] {
        var dense = [Double](repeating: 0, count: weights.count * features)
        for (c, row) in weights.enumerated() {
            for (feature, weight) in zip(row.features, row.values) where feature >= 0 && feature < features {
                dense[feature * weights.count + c] = weight
            }
        }
        return dense
    }

    private enum CodingKeys: String, CodingKey {
        case version, taxonomyVersion, format, titleRulesVersion, method, classes, vectorizer, weights, evidence,
             decision, manifest, evaluation, titleParseRules, aiEvidenceRules
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        version = try c.decode(String.self, forKey: .version)
        taxonomyVersion = try c.decode(String.self, forKey: .taxonomyVersion)
        format = try c.decode(Int.self, forKey: .format)
        titleRulesVersion = try c.decode(String.self, forKey: .titleRulesVersion)
        method = try c.decode(ClassifierMethod.self, forKey: .method)
        classes = try c.decode([String].self, forKey: .classes)
        vectorizer = try c.decode(TfidfVectorizer.self, forKey: .vectorizer)
        weights = try c.decode([ClassWeights].self, forKey: .weights)
        evidence = try c.decode(EvidenceWeights.self, forKey: .evidence)
        decision = try c.decode(DecisionRule.self, forKey: .decision)
        manifest = try c.decode(TrainingManifest.self, forKey: .manifest)
        evaluation = try c.decode([EvaluationSummary].self, forKey: .evaluation)
        titleParseRules = try c.decodeIfPresent(TitleParseRules.self, forKey: .titleParseRules)
        aiEvidenceRules = try c.decodeIfPresent(AIEvidenceRules.self, forKey: .aiEvidenceRules)
        guard weights.count == classes.count, classes.last == Self.otherClass else {
            throw DecodingError.dataCorruptedError(forKey: .weights, in: c,
                debugDescription: "expected one weight row per class and 'other' as the last class")
        }
        dense = Self.densify(weights, features: vectorizer.featureCount)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(version, forKey: .version)
        try c.encode(taxonomyVersion, forKey: .taxonomyVersion)
        try c.encode(format, forKey: .format)
        try c.encode(titleRulesVersion, forKey: .titleRulesVersion)
        try c.encode(method, forKey: .method)
        try c.encode(classes, forKey: .classes)
        try c.encode(vectorizer, forKey: .vectorizer)
        try c.encode(weights, forKey: .weights)
        try c.encode(evidence, forKey: .evidence)
        try c.encode(decision, forKey: .decision)
        try c.encode(manifest, forKey: .manifest)
        try c.encode(evaluation, forKey: .evaluation)
        try c.encodeIfPresent(titleParseRules, forKey: .titleParseRules)
        try c.encodeIfPresent(aiEvidenceRules, forKey: .aiEvidenceRules)
    }
}

/// How the per-class body weights are learned from TF-IDF vectors.
public enum ClassifierMethod: String, Sendable, Codable, CaseIterable {
    /// Multinomial logistic regression, L2-regularized, trained by deterministic SGD.
    case logisticRegression = "logistic-regression"
    /// Rocchio: each class's weights are the normalized mean of its training vectors (cosine to the centroid).
    case centroid
    /// Multinomial naive Bayes over TF-IDF weights, Laplace smoothing, uniform class priors.
    case naiveBayes = "naive-bayes"
}

/// One class's linear weights: a bias and sparse feature weights (feature indices ascending).
///
/// Stored as `{"bias": b, "terms": "index:weight index:weight …"}`: one string per class instead of two arrays
/// of numbers, because decoding 160,000 separate JSON numbers costs more than the whole classification.
public struct ClassWeights: Sendable, Codable, Equatable {
    public var bias: Double
    public var features: [Int]
    public var values: [Double]

    public init(bias: Double, features: [Int], values: [Double]) {
        self.bias = bias
        self.features = features
        self.values = values
    }

    private enum CodingKeys: String, CodingKey { case bias, terms }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        bias = try c.decode(Double.self, forKey: .bias)
        let text = try c.decode(String.self, forKey: .terms)
        var features: [Int] = []
        var values: [Double] = []
        for pair in text.utf8.split(separator: UInt8(ascii: " ")) {
            guard let colon = pair.firstIndex(of: UInt8(ascii: ":")),
                  let feature = Int(Substring(pair[pair.startIndex..<colon])),
                  let value = Double(Substring(pair[pair.index(after: colon)...])) else {
                throw DecodingError.dataCorruptedError(forKey: .terms, in: c,
                    debugDescription: "expected 'index:weight' pairs, got '\(String(decoding: pair, as: UTF8.self))'")
            }
            features.append(feature)
            values.append(value)
        }
        self.features = features
        self.values = values
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(bias, forKey: .bias)
        try c.encode(zip(features, values).map { "\($0):\($1)" }.joined(separator: " "), forKey: .terms)
    }
}

/// The weights that combine the three kinds of evidence into one logit per class:
/// `body · bodyScore + title · phraseMatch + titleWord · wordOnlyMatch + skills · skillOverlap`, plus
/// `otherWithoutTitleMatch` on the `other` class when a title is present and names no role. Fitted by minimizing
/// log-loss on out-of-fold predictions, so the softmax probabilities are calibrated (the fit includes the
/// temperature).
public struct EvidenceWeights: Sendable, Codable, Equatable {
    public var body: Double
    /// A title keyword of two or more words ("data scientist") names the role.
    public var title: Double
    /// Only a one-word title keyword ("analyst", "scientist") names the role.
    public var titleWord: Double
    public var skills: Double
    public var otherWithoutTitleMatch: Double
    /// The title parser names the class (`TitleParser`).
    public var parsedTitle: Double
    /// The body's AI evidence is of the kind the class's work builds (`RoleEvidence.aiMatch`).
    public var aiEvidence: Double
    /// The body names the class as its job (`RoleEvidence.bodyStated`).
    public var bodyStatement: Double

    public init(body: Double = 1, title: Double = 0, titleWord: Double = 0, skills: Double = 0,
                otherWithoutTitleMatch: Double = 0, parsedTitle: Double = 0, aiEvidence: Double = 0,
                bodyStatement: Double = 0) {
        self.body = body
        self.title = title
        self.titleWord = titleWord
        self.skills = skills
        self.otherWithoutTitleMatch = otherWithoutTitleMatch
        self.parsedTitle = parsedTitle
        self.aiEvidence = aiEvidence
        self.bodyStatement = bodyStatement
    }

    /// The weights in the order of `RoleEvidence.features(of:)`.
    public var vector: [Double] {
        [body, title, titleWord, skills, otherWithoutTitleMatch, parsedTitle, aiEvidence, bodyStatement]
    }

    /// Weights from a vector in that order.
    public init(vector v: [Double]) {
        self.init(body: v[0], title: v[1], titleWord: v[2], skills: v[3], otherWithoutTitleMatch: v[4],
                  parsedTitle: v.count > 5 ? v[5] : 0, aiEvidence: v.count > 6 ? v[6] : 0,
                  bodyStatement: v.count > 7 ? v[7] : 0)
    }

    private enum CodingKeys: String, CodingKey { case body, title, titleWord, skills, otherWithoutTitleMatch, parsedTitle, aiEvidence, bodyStatement }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(body: try c.decode(Double.self, forKey: .body), title: try c.decode(Double.self, forKey: .title),
                  titleWord: try c.decode(Double.self, forKey: .titleWord),
                  skills: try c.decode(Double.self, forKey: .skills),
                  otherWithoutTitleMatch: try c.decode(Double.self, forKey: .otherWithoutTitleMatch),
                  parsedTitle: try c.decodeIfPresent(Double.self, forKey: .parsedTitle) ?? 0,
                  aiEvidence: try c.decodeIfPresent(Double.self, forKey: .aiEvidence) ?? 0,
                  bodyStatement: try c.decodeIfPresent(Double.self, forKey: .bodyStatement) ?? 0)
    }
}

/// When an answer is a role, Other, or two roles.
public struct DecisionRule: Sendable, Codable, Equatable {
    /// Below this probability the best role is not claimed: the answer is Other, naming it as nearest.
    public var minimumProbability: Double
    /// A second role is reported when its probability is at least this fraction of the first's.
    public var secondaryRatio: Double
    /// … and at least this probability.
    public var secondaryMinimum: Double

    public init(minimumProbability: Double = 0.3, secondaryRatio: Double = 0.5, secondaryMinimum: Double = 0.15) {
        self.minimumProbability = minimumProbability
        self.secondaryRatio = secondaryRatio
        self.secondaryMinimum = secondaryMinimum
    }
}

/// Why a role model could not be used.
public enum RoleModelError: LocalizedError, Equatable {
    case unreadable(path: String, reason: String)
    case newerFormat(path: String, format: Int)
    case taxonomyMismatch(model: String, taxonomy: String)

    public var errorDescription: String? {
        switch self {
        case .unreadable(let path, let reason):
            return "\(path): cannot read the role model: \(reason); run 'jobscope train' to rebuild it"
        case .newerFormat(let path, let format):
            return "\(path): role model format \(format) is newer than this jobscope understands (\(RoleModel.currentFormat)); update jobscope"
        case .taxonomyMismatch(let model, let taxonomy):
            return "the role model was trained for taxonomy \(model) but the taxonomy is \(taxonomy); run 'jobscope train'"
        }
    }
}
