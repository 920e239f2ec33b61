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

    enum OutputFormat: String, ExpressibleByArgument { case text, json }

    func run() async throws {
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
