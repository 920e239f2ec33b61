import Foundation

/// Accuracy, per-class precision/recall/F1, macro-F1, confusion matrix and calibration figures from pooled
/// predictions.
public struct ClassificationMetrics: Sendable {
    public let classes: [String]
    public let minimumSupport: Int

    public init(classes: [String], minimumSupport: Int) {
        self.classes = classes
        self.minimumSupport = minimumSupport
    }

    /// The summary of predictions (class indices) against the truth; `probabilities` per posting per class.
    public func summarize(truth: [Int], predicted: [Int], probabilities: [[Double]], setting: EvaluationSetting,
                          method: ClassifierMethod, folds: Int) -> EvaluationSummary {
        let n = truth.count
        let k = classes.count
        var matrix = [[Int]](repeating: [Int](repeating: 0, count: k), count: k)
        for (t, p) in zip(truth, predicted) where p >= 0 { matrix[t][p] += 1 }
        let support = (0..<k).map { c in matrix[c].reduce(0, +) }
        let predictedCount = (0..<k).map { c in (0..<k).reduce(0) { $0 + matrix[$1][c] } }
        let perClass = (0..<k).filter { support[$0] > 0 || predictedCount[$0] > 0 }.map { c -> ClassMetrics in
            let tp = Double(matrix[c][c])
            let precision = predictedCount[c] == 0 ? 0 : tp / Double(predictedCount[c])
            let recall = support[c] == 0 ? 0 : tp / Double(support[c])
            let f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)
            return ClassMetrics(name: classes[c], precision: precision, recall: recall, f1: f1, support: support[c])
        }
        let evaluated = (0..<k).filter { support[$0] >= minimumSupport }
        let tooFew = (0..<k).filter { support[$0] < minimumSupport }.map { classes[$0] }
        let f1ByClass = Dictionary(uniqueKeysWithValues: perClass.map { ($0.name, $0.f1) })
        let macroF1 = evaluated.isEmpty ? 0
            : evaluated.reduce(0) { $0 + (f1ByClass[classes[$1]] ?? 0) } / Double(evaluated.count)
        let correct = zip(truth, predicted).filter { $0 == $1 }.count
        var logLoss = 0.0
        var bins = [(count: Int, confidence: Double, correct: Int)](repeating: (0, 0, 0), count: 10)
        for (i, p) in probabilities.enumerated() where !p.isEmpty {
            logLoss -= log(max(p[truth[i]], 1e-15))
            let top = p.indices.max { (p[$0], $1) < (p[$1], $0) }!
            let bin = min(9, Int(p[top] * 10))
            bins[bin].count += 1
            bins[bin].confidence += p[top]
            bins[bin].correct += top == truth[i] ? 1 : 0
        }
        let calibrationError = n == 0 ? 0 : bins.reduce(0.0) { sum, bin in
            guard bin.count > 0 else { return sum }
            let gap = abs(bin.confidence / Double(bin.count) - Double(bin.correct) / Double(bin.count))
            return sum + gap * Double(bin.count) / Double(n)
        }
        let shown = (0..<k).filter { support[$0] > 0 || predictedCount[$0] > 0 }
        return EvaluationSummary(
            setting: setting, method: method, folds: folds, postings: n,
            accuracy: n == 0 ? 0 : Double(correct) / Double(n), macroF1: macroF1,
            logLoss: n == 0 ? 0 : logLoss / Double(n), calibrationError: calibrationError,
            evaluatedClasses: evaluated.map { classes[$0] }, tooFewExamples: tooFew, perClass: perClass,
            labels: shown.map { classes[$0] }, confusion: shown.map { t in shown.map { matrix[t][$0] } })
    }
}
