import ArgumentParser
import Foundation
import JobScope

/// `jobscope evaluate`: grouped k-fold cross-validation of the role classifier.
struct EvaluateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate",
        abstract: "Cross-validate the role classifier, grouped by employer, on the full posting and on the body alone.",
        discussion: """
        Every labelled posting is tested once, by a model trained without its employer's postings (role profiles \
        are always on the training side). Macro-F1 averages over the classes with at least --min-support postings; \
        the others are listed as too few to evaluate.
        """)

    @OptionGroup var modelOptions: ModelOptions

    @Option(name: .long, help: ArgumentHelp("Folder or file of labelled postings (repeatable).", valueName: "DIR"))
    var corpus: [String] = []

    @Option(name: .long, help: "Number of folds.")
    var folds: Int = 5

    @Option(name: .long, help: "Learner: logistic-regression, centroid or naive-bayes.")
    var method: [ClassifierMethod] = []

    @Option(name: .long, help: "full, body-only, or both when omitted.")
    var setting: EvaluationSetting?

    @Option(name: .long, help: "Classes with fewer labelled postings are reported, not scored.")
    var minSupport: Int = 10

    @Option(name: .long, help: "text or json.")
    var format: OutputFormat = .text

    @Option(name: .long, help: ArgumentHelp("Also write the folds, labels and texts as JSONL for scripts/baseline_sklearn.py (keep it outside the repository).", valueName: "FILE"))
    var exportSplits: String?

    @Flag(name: .long, help: "Leave one source out: train on every corpus source but one, test on it, for each source.")
    var bySource = false

    @Option(name: .long, help: ArgumentHelp("With --by-source: only these held-out sources (repeatable).", valueName: "SOURCE"))
    var source: [String] = []

    @Option(name: .long, help: ArgumentHelp("Score the committed model on a person-read role gold set (file: paths relative to ../shared/corpus).", valueName: "FILE"))
    var gold: String?

    @Flag(name: .long, help: "With --gold: list every posting whose role or AI involvement is wrong, with the evidence that decided it.")
    var errors = false

    @Flag(name: .long, help: "With --gold: read the title-parse and AI-evidence rules from Corpus/ in place of those the model carries (to tune rules before retraining; the figures that count come from a retrained model).")
    var currentRules = false

    enum OutputFormat: String, ExpressibleByArgument { case text, json }

    func run() async throws {
        if let gold { return try runGold(gold) }
        if bySource { return try runBySource() }
        let methods = method.isEmpty ? [ClassifierMethod.logisticRegression] : method
        let settings = setting.map { [$0] } ?? EvaluationSetting.allCases
        var summaries: [EvaluationSummary] = []
        var session: TrainingSession?
        for method in methods {
            let current = try TrainingSession(modelOptions: modelOptions, corpus: corpus, method: method)
            session = current
            for setting in settings {
                summaries.append(try current.builder.evaluate(setting: setting, folds: folds, minimumSupport: minSupport))
            }
        }
        if let exportSplits, let session {
            try session.builder.exportSplits(to: URL(fileURLWithPath: exportSplits), folds: folds)
        }
        session?.printProblems()
        switch format {
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            print(String(decoding: try encoder.encode(summaries), as: UTF8.self))
        case .text:
            if let manifest = session?.builder.corpus.manifest {
                print("\(manifest.postingsUsed) labelled postings from \(manifest.employers) employers (+\(manifest.profiles) role profiles and \(manifest.otherProfiles) other-job profiles, training only); \(folds) folds grouped by employer")
            }
            for summary in summaries { print(EvaluationText(summary).render()) }
        }
        if let exportSplits { print("wrote the splits to \(exportSplits)") }
    }
}

extension EvaluateCommand {
    func runBySource() throws {
        let session = try TrainingSession(modelOptions: modelOptions, corpus: corpus, method: method.first ?? .logisticRegression)
        let settings = setting.map { [$0] } ?? EvaluationSetting.allCases
        var all: [String: [SourceEvaluation]] = [:]
        for setting in settings {
            all[setting.rawValue] = try session.builder.evaluateBySource(setting: setting, minimumSupport: minSupport,
                                                                          only: source.isEmpty ? nil : source)
        }
        session.printProblems()
        if format == .json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            print(String(decoding: try encoder.encode(all), as: UTF8.self))
            return
        }
        let m = session.builder.corpus.manifest
        print("leave one source out: \(m.postingsUsed) labelled postings; per source: " + m.sourceCounts.sorted { $0.key < $1.key }
            .map { "\($0.key) \($0.value)" }.joined(separator: ", "))
        let taxonomy = session.builder.taxonomy
        let generative = Set(taxonomy.roles.filter { $0.emerging || $0.id.contains("generative") }.map(\.id))
        for setting in settings {
            for evaluation in all[setting.rawValue] ?? [] {
                for (kind, summary) in [("strict", evaluation.strict), ("lenient", evaluation.lenient)] {
                    print("")
                    print("== held out: \(evaluation.source) · \(setting.displayName) · \(kind) · \(summary.postings) postings")
                    print("accuracy \(pct(summary.accuracy))   macro-F1 \(pct(summary.macroF1)) over \(summary.evaluatedClasses.count) classes with ≥ \(minSupport)")
                    print(pad("class", 27) + lpad("precision", 10) + lpad("recall", 8) + lpad("F1", 8) + lpad("support", 9))
                    let rows = summary.perClass.sorted { (generative.contains($0.name) ? 0 : 1, $0.name) < (generative.contains($1.name) ? 0 : 1, $1.name) }
                    for c in rows {
                        let mark = (generative.contains(c.name) ? " [gen-AI]" : "") + (summary.evaluatedClasses.contains(c.name) ? "" : " *")
                        print(pad(c.name + mark, 27) + lpad(pct(c.precision), 10) + lpad(pct(c.recall), 8)
                              + lpad(pct(c.f1), 8) + lpad(String(c.support), 9))
                    }
                }
            }
        }
    }

    func runGold(_ path: String) throws {
        var analyzer = try PostingAnalyzer.load(modelsDirectory: modelOptions.models, taxonomyPath: modelOptions.taxonomy)
        let models = try ModelDirectory.locate(explicit: modelOptions.models)
        if currentRules {
            analyzer = try analyzer.withRules(from: TrainingCorpus.Layout(modelsDirectory: models))
        }
        let root = corpus.first.map { URL(fileURLWithPath: $0) } ?? TrainingCorpus.Layout(modelsDirectory: models).sharedCorpus
        let gold = try RoleGoldSet.load(from: URL(fileURLWithPath: path))
        let result = GoldEvaluator(analyzer: analyzer, corpusRoot: root, minimumSupport: minSupport).evaluate(gold)
        if format == .json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            print(String(decoding: try encoder.encode(result), as: UTF8.self))
            return
        }
        print("gold \(path): \(gold.postings.count) postings, \(result.missing.count) not found in \(root.path)")
        for line in result.missing.prefix(10) { print("  not found: \(line)") }
        for (name, summary) in [("strict (primary role)", result.strict), ("lenient (any gold role)", result.lenient)] {
            print("")
            print("== \(name) · \(summary.postings) postings · accuracy \(pct(summary.accuracy)) · macro-F1 \(pct(summary.macroF1)) over \(summary.evaluatedClasses.count) classes with ≥ \(minSupport) gold postings")
            print(pad("class", 27) + lpad("precision", 10) + lpad("recall", 8) + lpad("F1", 8) + lpad("support", 9))
            for c in summary.perClass {
                let mark = summary.evaluatedClasses.contains(c.name) ? "" : " *"
                print(pad(c.name + mark, 27) + lpad(pct(c.precision), 10) + lpad(pct(c.recall), 8)
                      + lpad(pct(c.f1), 8) + lpad(String(c.support), 9))
            }
        }
        print("")
        print("Other precision \(pct(result.otherPrecision)); AI involvement accuracy \(pct(result.aiInvolvementAccuracy)) over \(result.aiInvolvementSupport) postings")
        print("AI involvement confusion (rows gold, columns predicted; " + AIInvolvement.allCases.map(\.rawValue).joined(separator: ", ") + "):")
        for (level, row) in zip(AIInvolvement.allCases, result.aiConfusion) {
            print(pad("  " + level.rawValue, 16) + row.map { lpad(String($0), 6) }.joined())
        }
        guard errors else { return }
        print("")
        print("misses (gold -> predicted; AI gold -> predicted):")
        for m in result.misses {
            let role = m.roleWrong ? m.gold.joined(separator: "+") + " -> " + m.predicted
                + (m.nearest.map { " (nearest \($0))" } ?? "") : "role ok (" + m.predicted + ")"
            let ai = (m.goldAI?.rawValue ?? "?") + " -> " + m.predictedAI.rawValue
            print("- \(m.title) | \(role) | AI \(ai)")
            print("    by \(m.decidedBy ?? "-") rule \(m.titleRule ?? "-")" + (m.aiNote.map { " | \($0)" } ?? "")
                  + " | AI terms: " + m.aiMatched.joined(separator: ", ") + " | top terms: " + m.topTerms.joined(separator: ", "))
            print("    " + m.file + (m.row.map { " row \($0)" } ?? ""))
        }
    }
}

/// An evaluation summary as a terminal table.
struct EvaluationText {
    let summary: EvaluationSummary

    init(_ summary: EvaluationSummary) { self.summary = summary }

    func render() -> String {
        var lines: [String] = []
        let s = summary
        lines.append("")
        lines.append("== \(s.setting.displayName) · \(s.method.rawValue) · \(s.postings) postings")
        lines.append("accuracy \(pct(s.accuracy))   macro-F1 \(pct(s.macroF1)) (\(s.evaluatedClasses.count) classes)   log-loss \(fmt(s.logLoss))   calibration error \(pct(s.calibrationError))")
        lines.append(pad("class", 27) + lpad("precision", 10) + lpad("recall", 8) + lpad("F1", 8) + lpad("support", 9))
        for c in s.perClass {
            let mark = s.evaluatedClasses.contains(c.name) ? "" : " *"
            lines.append(pad(c.name + mark, 27) + lpad(pct(c.precision), 10) + lpad(pct(c.recall), 8)
                         + lpad(pct(c.f1), 8) + lpad(String(c.support), 9))
        }
        if !s.tooFewExamples.isEmpty {
            lines.append("* too few examples to evaluate (< min support): " + s.tooFewExamples.joined(separator: ", "))
        }
        lines.append("confusion (rows: label, columns: predicted):")
        let short = s.labels.map { abbreviation($0) }
        lines.append(pad("", 8) + short.map { lpad($0, 6) }.joined())
        for (label, row) in zip(short, s.confusion) {
            lines.append(pad(label, 8) + row.map { lpad(String($0), 6) }.joined())
        }
        lines.append("  " + zip(short, s.labels).map { "\($0)=\($1)" }.joined(separator: " "))
        return lines.joined(separator: "\n")
    }

    private func abbreviation(_ id: String) -> String {
        String(id.split(separator: "-").map { $0.prefix(1) }.joined().prefix(5))
    }
}

func pad(_ text: String, _ width: Int) -> String {
    text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
}

func lpad(_ text: String, _ width: Int) -> String {
    text.count >= width ? " " + text : String(repeating: " ", count: width - text.count) + text
}
