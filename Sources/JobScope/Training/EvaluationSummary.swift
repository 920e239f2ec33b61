import Foundation

/// Which parts of a posting the classifier may see in an evaluation.
public enum EvaluationSetting: String, Sendable, Codable, CaseIterable {
    /// Title and body: what `classify` sees.
    case full
    /// Body only, the title hidden: what the TF-IDF and skill evidence alone can do.
    case bodyOnly = "body-only"

    /// Human-readable name.
    public var displayName: String { self == .full ? "full posting" : "body only (title hidden)" }
}

/// One class's precision, recall and F1 over the pooled out-of-fold predictions.
public struct ClassMetrics: Sendable, Codable, Equatable {
    /// Class name (role id or `other`).
    public var name: String
    public var precision: Double
    public var recall: Double
    public var f1: Double
    /// Test postings whose label is this class.
    public var support: Int

    public init(name: String, precision: Double, recall: Double, f1: Double, support: Int) {
        self.name = name
        self.precision = precision
        self.recall = recall
        self.f1 = f1
        self.support = support
    }
}

/// The figures of one cross-validated evaluation.
public struct EvaluationSummary: Sendable, Codable, Equatable {
    public var setting: EvaluationSetting
    public var method: ClassifierMethod
    public var folds: Int
    /// Test postings evaluated (each exactly once).
    public var postings: Int
    public var accuracy: Double
    /// Mean F1 over `evaluatedClasses`.
    public var macroF1: Double
    /// Mean log-loss of the calibrated probabilities (lower is better).
    public var logLoss: Double
    /// Expected calibration error over 10 confidence bins (0 is perfectly calibrated).
    public var calibrationError: Double
    /// Classes with enough labelled postings to be scored; `macroF1` averages over these.
    public var evaluatedClasses: [String]
    /// Classes with too few labelled postings to evaluate (they still train, and still count as errors).
    public var tooFewExamples: [String]
    public var perClass: [ClassMetrics]
    /// `confusion[i][j]`: postings labelled `labels[i]` predicted as `labels[j]`.
    public var labels: [String]
    public var confusion: [[Int]]

    public init(setting: EvaluationSetting, method: ClassifierMethod, folds: Int, postings: Int, accuracy: Double,
                macroF1: Double, logLoss: Double, calibrationError: Double, evaluatedClasses: [String],
                tooFewExamples: [String], perClass: [ClassMetrics], labels: [String], confusion: [[Int]]) {
        self.setting = setting
        self.method = method
        self.folds = folds
        self.postings = postings
        self.accuracy = accuracy
        self.macroF1 = macroF1
        self.logLoss = logLoss
        self.calibrationError = calibrationError
        self.evaluatedClasses = evaluatedClasses
        self.tooFewExamples = tooFewExamples
        self.perClass = perClass
        self.labels = labels
        self.confusion = confusion
    }
}
