import Foundation

/// One held-out source's figures: a model trained on every other source (and the profiles) tested on it.
public struct SourceEvaluation: Sendable, Codable, Equatable {
    public var source: String
    /// Strict: the prediction must be the title's most specific role.
    public var strict: EvaluationSummary
    /// Lenient: any role the title supports counts ("Machine Learning Engineer (LLM)": Gen AI or ML Engineer).
    public var lenient: EvaluationSummary
}

/// Leave-one-source-out evaluation: for each corpus source, train on all the others and test on it, so the
/// figures say how the model travels to a channel it never saw.
public struct SourceEvaluator: Sendable {
    public let trainer: RoleTrainer
    public let minimumSupport: Int

    public init(trainer: RoleTrainer, minimumSupport: Int = 10) {
        self.trainer = trainer
        self.minimumSupport = minimumSupport
    }

    /// The sources of `data`'s tested postings, sorted.
    public static func sources(of examples: [LabelledPosting]) -> [String] {
        Set(examples.filter { !$0.isProfile }.map(\.sourceName)).sorted()
    }

    /// One evaluation per source (sources with no labelled posting are left out), plus the pooled figures of
    /// all held-out predictions under the name `all sources`.
    public func evaluate(_ data: RoleTrainer.Prepared, only: [String]? = nil) -> [SourceEvaluation] {
        let sources = only ?? Self.sources(of: data.examples)
        let predictions = ParallelSlots<(predicted: Int, probabilities: [Double])>(count: data.examples.count)
        let trainer = self.trainer
        DispatchQueue.concurrentPerform(iterations: sources.count) { k in
            let source = sources[k]
            let train = data.examples.indices.filter { data.examples[$0].isProfile || data.examples[$0].sourceName != source }
            let test = data.examples.indices.filter { !data.examples[$0].isProfile && data.examples[$0].sourceName == source }
            guard !test.isEmpty else { return }
            let classifier = RoleClassifier(model: trainer.train(data, on: train), taxonomy: trainer.taxonomy)
            for i in test {
                let evidence = trainer.evidence(of: i, in: data, classifier: classifier)
                predictions.set(i, (classifier.predictedClass(evidence), evidence.probabilities(classifier.model.evidence)))
            }
        }
        var results: [SourceEvaluation] = []
        var pooled: [Int] = []
        for source in sources + ["all sources"] {
            let tested = source == "all sources" ? pooled
                : data.examples.indices.filter { !data.examples[$0].isProfile && data.examples[$0].sourceName == source && predictions.values[$0] != nil }
            if source != "all sources" { pooled += tested }
            guard !tested.isEmpty else { continue }
            results.append(SourceEvaluation(source: source, strict: summary(data, tested, predictions, lenient: false),
                                            lenient: summary(data, tested, predictions, lenient: true)))
        }
        return results
    }

    private func summary(_ data: RoleTrainer.Prepared, _ tested: [Int],
                         _ predictions: ParallelSlots<(predicted: Int, probabilities: [Double])>,
                         lenient: Bool) -> EvaluationSummary {
        let classes = trainer.classes
        let truth = tested.map { i -> Int in
            let predicted = predictions.values[i]!.predicted
            guard lenient, predicted >= 0, predicted < classes.count,
                  data.examples[i].acceptedLabels.contains(classes[predicted]) else { return data.labels[i] }
            return predicted
        }
        return ClassificationMetrics(classes: classes, minimumSupport: minimumSupport).summarize(
            truth: truth, predicted: tested.map { predictions.values[$0]!.predicted },
            probabilities: tested.map { predictions.values[$0]!.probabilities }, setting: data.setting,
            method: trainer.configuration.learner.method, folds: 0)
    }
}
