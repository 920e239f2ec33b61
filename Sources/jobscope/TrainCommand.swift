import ArgumentParser
import Foundation
import JobScope

/// `jobscope train`: builds Models/role-model.json from the role profiles and labelled real postings.
struct TrainCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Train the role model from Corpus/roles/ and labelled postings, and write Models/role-model.json.",
        discussion: """
        Postings come from --corpus folders (default: ../shared/corpus beside the repository); each is labelled by \
        its 'role' (or 'label') column when it has one, else by Corpus/title-rules.yaml from its title alone. \
        Repeated descriptions are dropped. Training is deterministic: the same input gives a byte-identical file.
        """)

    @OptionGroup var modelOptions: ModelOptions

    @Option(name: .long, help: ArgumentHelp("Folder or file of labelled postings (repeatable).", valueName: "DIR"))
    var corpus: [String] = []

    @Option(name: .long, help: "Where to write the model (default: role-model.json in the models folder).")
    var output: String?

    @Option(name: .long, help: "Learner: logistic-regression, centroid or naive-bayes.")
    var method: ClassifierMethod = .logisticRegression

    @Option(name: .long, help: "Folds of the grouped cross-validation whose figures are stored in the model.")
    var folds: Int = 5

    @Flag(name: .long, help: "Skip the cross-validation (faster; the model then carries no evaluation figures).")
    var skipEvaluation = false

    @Flag(name: .long, help: "Only rebuild role-model.bin (the compact form that starts fast) from the role-model.json and taxonomy in the models folder; no training.")
    var compactOnly = false

    func run() async throws {
        if compactOnly {
            let models = try modelOptions.directory()
            let archive = try ModelBundle.writeArchive(models: models, taxonomyURL: try modelOptions.taxonomyURL())
            print("wrote \(archive.path) from \(models.appendingPathComponent(ModelDirectory.roleModelFile).path)")
            return
        }
        // Before the (long) training: the model must not overwrite a labelled input or the taxonomy.
        if let output {
            let guardrail = OutputGuard(inputs: corpus + [modelOptions.taxonomy].compactMap { $0 })
            try guardrail.check(output: output)
            try guardrail.check(output: ModelBundle.archiveURL(besides: URL(fileURLWithPath: output)).path)
        }
        let session = try TrainingSession(modelOptions: modelOptions, corpus: corpus, method: method)
        let model = try session.builder.build(evaluationFolds: skipEvaluation ? nil : folds)
        let url = output.map { URL(fileURLWithPath: $0) }
            ?? session.models.appendingPathComponent(ModelDirectory.roleModelFile)
        let archive = try ModelBundle.write(model: model, to: url, taxonomy: session.taxonomy,
                                            taxonomyURL: session.taxonomyURL)
        session.printProblems()
        let m = model.manifest
        print("trained \(model.version) (\(model.method.rawValue)) for taxonomy \(model.taxonomyVersion), title rules \(model.titleRulesVersion)")
        print("  postings: \(m.postingsRead) read, \(m.duplicates) repeated descriptions, \(m.empty) without title or description, \(m.unlabelled) unlabelled by the title rules; \(m.postingsUsed) used from \(m.employers) employers, plus \(m.profiles) role profiles and \(m.otherProfiles) profiles of other jobs")
        print("  per class: " + m.classCounts.sorted { ($0.value, $1.key) > ($1.value, $0.key) }
            .map { "\($0.key) \($0.value)" }.joined(separator: ", "))
        print("  vocabulary: \(model.vectorizer.featureCount) terms; evidence weights: body \(fmt(model.evidence.body)), title phrase \(fmt(model.evidence.title)), title word \(fmt(model.evidence.titleWord)), skills \(fmt(model.evidence.skills)), other-without-title-match \(fmt(model.evidence.otherWithoutTitleMatch)), parsed title \(fmt(model.evidence.parsedTitle)), AI evidence \(fmt(model.evidence.aiEvidence))")
        if m.goldExcluded > 0 { print("  left out: \(m.goldExcluded) postings listed in the gold sets") }
        if m.goldExcluded == 0 && session.builder.gold.count > 0 {
            Console().warning("none of the \(session.builder.gold.count) postings listed in Corpus/gold/ was found in the training corpus, so none was left out; the gold paths are relative to ../shared/corpus beside the repository: train on that folder (or a folder inside it)")
        }
        if m.aiGatedLabels > 0 { print("  AI-gated labels changed by the body's AI evidence: \(m.aiGatedLabels)") }
        for summary in model.evaluation {
            print("  \(summary.folds)-fold grouped CV, \(summary.setting.displayName): accuracy \(pct(summary.accuracy)), macro-F1 \(pct(summary.macroF1)) over \(summary.evaluatedClasses.count) classes")
        }
        print("wrote \(url.path) and its compact form \(archive.path)")
    }
}

func fmt(_ value: Double) -> String { String(format: "%.3f", value) }
func pct(_ value: Double) -> String { String(format: "%.1f%%", value * 100) }

extension ClassifierMethod: ExpressibleByArgument {}
extension EvaluationSetting: ExpressibleByArgument {}

/// What train and evaluate share: locating models, taxonomy and corpus, and loading them.
struct TrainingSession {
    let models: URL
    let builder: RoleModelBuilder
    let taxonomy: Taxonomy
    /// The taxonomy file the model is trained for (its bytes are hashed into the model archive).
    let taxonomyURL: URL

    init(modelOptions: ModelOptions, corpus: [String], method: ClassifierMethod) throws {
        models = try modelOptions.directory()
        taxonomyURL = try modelOptions.taxonomyURL()
        taxonomy = try TaxonomyLoader.load(from: taxonomyURL)
        let layout = TrainingCorpus.Layout(modelsDirectory: models)
        let corpora = corpus.isEmpty ? [layout.sharedCorpus] : corpus.map { URL(fileURLWithPath: $0) }
        builder = try RoleModelBuilder(layout: layout, taxonomy: taxonomy, corpora: corpora, method: method)
    }

    /// Unreadable files and rows, one line each on standard error.
    func printProblems() {
        let problems = builder.corpus.problems
        let console = Console()
        for line in problems.prefix(20) { console.warning(line) }
        if problems.count > 20 { console.warning("… and \(problems.count - 20) more unreadable rows") }
    }
}
