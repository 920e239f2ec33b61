import Foundation

/// Cross-validates role models: k folds grouped by employer, every labelled posting tested exactly once by a
/// model that never saw its employer; role profiles are always on the training side.
public struct RoleEvaluator: Sendable {
    public let trainer: RoleTrainer
    public let folds: Int
    /// Classes with fewer labelled postings than this are listed as too few to evaluate.
    public let minimumSupport: Int

    public init(trainer: RoleTrainer, folds: Int = 5, minimumSupport: Int = 10) {
        self.trainer = trainer
        self.folds = folds
        self.minimumSupport = minimumSupport
    }

    /// The fold of every example (-1 for role profiles, which are only ever trained on).
    public func foldAssignment(_ examples: [LabelledPosting]) -> [Int] {
        let tested = examples.indices.filter { !examples[$0].isProfile }
        let assignment = EmployerGroup.assignFolds(groups: tested.map { examples[$0].group }, folds: folds)
        var result = [Int](repeating: -1, count: examples.count)
        for (i, fold) in zip(tested, assignment) { result[i] = fold }
        return result
    }

    /// One evaluation of `data` (prepared for a setting).
    public func evaluate(_ data: RoleTrainer.Prepared) -> EvaluationSummary {
        let assignment = foldAssignment(data.examples)
        let shared = Locked(FoldResults(count: data.examples.count))
        let trainer = self.trainer
        DispatchQueue.concurrentPerform(iterations: folds) { fold in
            let train = assignment.indices.filter { assignment[$0] != fold }
            let test = assignment.indices.filter { assignment[$0] == fold }
            guard !test.isEmpty else { return }
            let classifier = RoleClassifier(model: trainer.train(data, on: train), taxonomy: trainer.taxonomy)
            for i in test {
                let evidence = trainer.evidence(of: i, in: data, classifier: classifier)
                let predicted = classifier.predictedClass(evidence)
                let probabilities = evidence.probabilities(classifier.model.evidence)
                shared.withLock {
                    $0.predicted[i] = predicted
                    $0.probabilities[i] = probabilities
                }
            }
        }
        let tested = assignment.indices.filter { assignment[$0] >= 0 }
        let results = shared.value
        return ClassificationMetrics(classes: trainer.classes, minimumSupport: minimumSupport).summarize(
            truth: tested.map { data.labels[$0] }, predicted: tested.map { results.predicted[$0] },
            probabilities: tested.map { results.probabilities[$0] }, setting: data.setting,
            method: trainer.configuration.learner.method, folds: folds)
    }
}

/// Per-example results written by concurrent folds (each index by exactly one fold).
private struct FoldResults: Sendable {
    var predicted: [Int]
    var probabilities: [[Double]]

    init(count: Int) {
        predicted = [Int](repeating: -1, count: count)
        probabilities = [[Double]](repeating: [], count: count)
    }
}
