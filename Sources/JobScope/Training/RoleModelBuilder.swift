import Foundation

/// What `jobscope train` and `jobscope evaluate` do: read the corpus, title rules and stop words, then train
/// the committed model or cross-validate one.
public struct RoleModelBuilder: Sendable {
    public let taxonomy: Taxonomy
    public let rules: TitleRuleSet
    public let corpus: TrainingCorpus
    public let configuration: TrainingConfiguration
    /// The title parser (labels and the model's title reading) and AI-evidence rules, when the layout has them.
    public let titleParseRules: TitleParseRules?
    public let aiEvidenceRules: AIEvidenceRules?
    /// The gold sets' postings, left out of training.
    public let gold: GoldExclusion

    /// Reads everything from the repository `layout` and the posting folders `corpora`.
    public init(layout: TrainingCorpus.Layout, taxonomy: Taxonomy, corpora: [URL],
                method: ClassifierMethod = .logisticRegression) throws {
        let rules = try TitleRuleSet.load(from: layout.titleRules)
        let unknown = rules.unknownRoles(in: taxonomy)
        guard unknown.isEmpty else {
            throw TitleRuleError.unreadable(path: layout.titleRules.path,
                reason: "rules \(unknown.joined(separator: ", ")) name roles the taxonomy does not have")
        }
        var configuration = TrainingConfiguration.standard(stopWords: try TrainingCorpus.stopWords(at: layout.stopWords))
        configuration.learner.method = method
        let fileManager = FileManager.default
        let parseRules = fileManager.fileExists(atPath: layout.titleParseRules.path)
            ? try TitleParseRules.load(from: layout.titleParseRules) : nil
        if let parseRules {
            let unknown = parseRules.unknownRoles(in: taxonomy)
            guard unknown.isEmpty else {
                throw TitleRuleError.unreadable(path: layout.titleParseRules.path,
                    reason: "rules \(unknown.joined(separator: ", ")) name roles the taxonomy does not have")
            }
        }
        self.titleParseRules = parseRules
        self.aiEvidenceRules = fileManager.fileExists(atPath: layout.aiEvidence.path)
            ? try AIEvidenceRules.load(from: layout.aiEvidence) : nil
        self.gold = try GoldExclusion.load(directory: layout.gold)
        self.taxonomy = taxonomy
        self.rules = rules
        self.configuration = configuration
        self.corpus = try TrainingCorpus.load(profiles: layout.profiles, otherProfiles: layout.otherProfiles, corpora: corpora, rules: rules,
                                              taxonomy: taxonomy, parser: try parseRules.map { try TitleParser(rules: $0) },
                                              detector: try aiEvidenceRules.map { try AIInvolvementDetector(rules: $0) },
                                              gold: gold, sharedCorpus: layout.sharedCorpus)
        guard !corpus.examples.isEmpty else {
            throw RoleTrainingError.noTrainingData
        }
    }

    /// The trainer for this corpus.
    public var trainer: RoleTrainer {
        RoleTrainer(taxonomy: taxonomy, configuration: configuration,
                    titleRulesVersion: titleParseRules.map { "parse-" + $0.version } ?? rules.version,
                    titleParseRules: titleParseRules, aiEvidenceRules: aiEvidenceRules)
    }

    /// Cross-validated figures for one setting.
    public func evaluate(setting: EvaluationSetting, folds: Int = 5, minimumSupport: Int = 10) throws -> EvaluationSummary {
        let trainer = self.trainer
        let data = try trainer.prepare(corpus.examples, setting: setting)
        return RoleEvaluator(trainer: trainer, folds: folds, minimumSupport: minimumSupport).evaluate(data)
    }

    /// Leave-one-source-out figures for one setting (`only`: just these sources).
    public func evaluateBySource(setting: EvaluationSetting, minimumSupport: Int = 10,
                                 only: [String]? = nil) throws -> [SourceEvaluation] {
        let trainer = self.trainer
        let data = try trainer.prepare(corpus.examples, setting: setting)
        return SourceEvaluator(trainer: trainer, minimumSupport: minimumSupport).evaluate(data, only: only)
    }

    /// The model trained on everything, with the manifest and (when `folds` is given) cross-validated figures
    /// for both settings; its version is stamped from its content.
    public func build(evaluationFolds folds: Int?) throws -> RoleModel {
        let trainer = self.trainer
        let data = try trainer.prepare(corpus.examples, setting: .full)
        var model = trainer.train(data, on: Array(corpus.examples.indices))
        model.manifest = corpus.manifest
        if let folds {
            model.evaluation = try EvaluationSetting.allCases.map { try evaluate(setting: $0, folds: folds) }
        }
        return try trainer.finalize(model)
    }

    /// One line per labelled posting: fold (-1: profile, training only), label, employer group, title, body —
    /// the exact splits and texts `evaluate` uses, for the scikit-learn baseline script. Write it outside the
    /// repository: it holds posting text.
    public func exportSplits(to url: URL, folds: Int = 5) throws {
        struct Line: Encodable {
            var id: String
            var fold: Int
            var label: String
            var group: String
            var source: String
            var title: String
            var body: String
        }
        let assignment = RoleEvaluator(trainer: trainer, folds: folds).foldAssignment(corpus.examples)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var data = Data()
        for (example, fold) in zip(corpus.examples, assignment) {
            data.append(try encoder.encode(Line(id: example.posting.id, fold: fold, label: example.label,
                                                group: example.group, source: example.posting.source.description,
                                                title: example.posting.title ?? "", body: example.posting.body)))
            data.append(0x0A)
        }
        try data.write(to: url, options: .atomic)
    }
}
