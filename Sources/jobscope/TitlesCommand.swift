import ArgumentParser
import Foundation
import JobScope

/// `jobscope titles FILE`: the title parser over a list of titles, with counts and a sample to read.
struct TitlesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "titles",
        abstract: "Parse job titles (a CSV with a 'title' column) and count how many name a role, Other, or stay undecided.")

    @Argument(help: "CSV file with a title column.")
    var file: String

    @Option(name: .long, help: "The title column's name.")
    var column = "title"

    @Option(name: .long, help: "Title parse rules (default: Corpus/title-parse-rules.yaml beside the models folder).")
    var rules: String?

    @Option(name: .long, help: "Models folder (to find the rules).")
    var models: String?

    @Option(name: .long, help: "Size of the random sample.")
    var sample = 200

    @Option(name: .long, help: "Seed of the sample.")
    var seed: UInt64 = 11

    @Option(name: .long, help: ArgumentHelp("Write the sample's parses as JSONL here (keep it outside the repository).", valueName: "FILE"))
    var sampleOutput: String?

    func run() async throws {
        let rulesURL = try rules.map { URL(fileURLWithPath: $0) }
            ?? TrainingCorpus.Layout(modelsDirectory: try ModelDirectory.locate(explicit: models)).titleParseRules
        let parser = try TitleParser.load(from: rulesURL)
        let titles = try TitleSurvey.titles(csv: URL(fileURLWithPath: file), column: column)
        let survey = TitleSurvey(titles: titles, parser: parser, sampleSize: sample, seed: seed)
        func share(_ n: Int) -> String { pct(Double(n) / Double(max(survey.titles, 1))) }
        print("\(survey.titles) titles (rules \(parser.rules.version)): \(survey.resolvedToRole) to a role (\(share(survey.resolvedToRole))), \(survey.resolvedToOther) to Other (\(share(survey.resolvedToOther))), \(survey.undecided) undecided (\(share(survey.undecided)))")
        print("per class: " + survey.perClass.sorted { ($0.value, $1.key) > ($1.value, $0.key) }
            .map { "\($0.key) \($0.value)" }.joined(separator: ", "))
        print("per rule: " + survey.perRule.sorted { ($0.value, $1.key) > ($1.value, $0.key) }
            .map { "\($0.key) \($0.value)" }.joined(separator: ", "))
        if let sampleOutput {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            var data = Data()
            for parsed in survey.sample {
                data.append(try encoder.encode(parsed))
                data.append(0x0A)
            }
            try data.write(to: URL(fileURLWithPath: sampleOutput), options: .atomic)
            print("wrote the \(survey.sample.count)-title sample to \(sampleOutput)")
        }
    }
}
