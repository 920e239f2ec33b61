import ArgumentParser
import Foundation
import JobScope

/// `jobscope evaluate-skills`: scores skill extraction against the hand-checked gold set.
struct EvaluateSkillsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate-skills",
        abstract: "Score skill extraction against the hand-checked gold set (precision, recall, F1).",
        discussion: """
        The gold set (Corpus/gold/skills-gold.yaml) names real postings in the shared corpus by file and row or \
        line, with the skills each truly asks for. Every false positive is listed with its evidence and every \
        false negative by skill id.
        """
    )

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable { case text, json }

    @OptionGroup var model: ModelOptions

    @Option(name: .long, help: "Gold file (default: Corpus/gold/skills-gold.yaml beside the models folder).")
    var gold: String?

    @Option(name: .long, help: "Folder of the shared corpus (default: ../shared/corpus from the repository root).")
    var corpus: String?

    @Option(name: .long, help: "Output: text or json.")
    var format: OutputFormat = .text

    @Option(name: .long, help: "Judge only the skills of this (older) taxonomy file, the one the gold set was annotated against: newer skills count as their nearest broader skill there, or not at all.")
    var judgeWith: String?

    @Flag(name: .long, help: "List every posting's false positives and negatives, not only the totals by skill.")
    var details = false

    func run() throws {
        let taxonomy = try model.loadTaxonomy()
        let root = try model.directory().deletingLastPathComponent()
        let goldURL = gold.map { URL(fileURLWithPath: $0) }
            ?? root.appendingPathComponent("Corpus/gold/skills-gold.yaml")
        let corpusURL = corpus.map { URL(fileURLWithPath: $0, isDirectory: true) }
            ?? root.deletingLastPathComponent().appendingPathComponent("shared/corpus", isDirectory: true)
        let set = try SkillGoldSet.load(from: goldURL)
        let judged = try judgeWith.map { Set(try TaxonomyLoader.load(from: URL(fileURLWithPath: $0)).skills.map(\.id)) }
        let evaluation = try SkillEvaluation.run(gold: set, corpus: corpusURL, matcher: SkillMatcher(taxonomy: taxonomy),
                                                 judged: judged)
        if let judgeWith { print("judging only the \(judged?.count ?? 0) skills of \(judgeWith)") }

        switch format {
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            print(String(decoding: try encoder.encode(evaluation), as: UTF8.self))
        case .text:
            printText(evaluation, postings: set.postings.count)
        }
    }

    func printText(_ e: SkillEvaluation, postings: Int) {
        func row(_ name: String, _ s: SkillEvaluation.Score) -> String {
            name.padding(toLength: 22, withPad: " ", startingAt: 0)
                + String(format: "%5d %5d %5d   %.3f  %.3f  %.3f", s.truePositives, s.falsePositives,
                         s.falseNegatives, s.precision, s.recall, s.f1)
        }
        print("Skill extraction against \(e.postings.count) of \(postings) gold postings")
        print("(a found narrower skill counts for a broader gold skill: mysql for relational-databases)")
        print("category                  TP    FP    FN   precision recall  F1")
        for (name, score) in e.byCategory.sorted(by: { $0.key < $1.key }) { print(row(name, score)) }
        print(row("micro (all skills)", e.overall))
        print("\nStrict (exact skill ids only)")
        print("category                  TP    FP    FN   precision recall  F1")
        for (name, score) in e.strictByCategory.sorted(by: { $0.key < $1.key }) { print(row(name, score)) }
        print(row("micro (all skills)", e.strict))
        if let agreement = e.levelAgreement {
            print(String(format: "\nrequired/preferred agreement: %.3f over %d found gold skills with a level",
                         agreement, e.levelComparisons))
        }
        let unresolved = e.postings.flatMap(\.unresolved)
        if !unresolved.isEmpty {
            print("gold skills not in the taxonomy (counted as misses): \(unresolved.count) — "
                  + Dictionary(grouping: unresolved, by: { $0 }).sorted { $0.value.count > $1.value.count }
                  .prefix(30).map { "\($0.key) \($0.value.count)" }.joined(separator: ", "))
        }
        print("false R/C/Go matches: \(e.falseShortNameMatches)")
        for problem in e.unreadable { print("unreadable: \(problem)") }
        let mismatched = e.postings.filter(\.idMismatch).map(\.place)
        if !mismatched.isEmpty { print("id changed (reader reads another posting?): \(mismatched.joined(separator: ", "))") }
        print("\nfalse positives by skill: " + e.falsePositivesBySkill.map { "\($0.skill) \($0.count)" }.joined(separator: ", "))
        print("false negatives by skill: " + e.falseNegativesBySkill.map { "\($0.skill) \($0.count)" }.joined(separator: ", "))
        guard details else { return }
        for p in e.postings where !p.falsePositives.isEmpty || !p.falseNegatives.isEmpty {
            print("\n\(p.place) — \(p.title ?? "(no title)")")
            for m in p.falsePositives {
                print("  FP \(m.skillID): \(m.evidence.first?.snippet ?? "")")
            }
            if !p.falseNegatives.isEmpty { print("  FN " + p.falseNegatives.joined(separator: ", ")) }
        }
    }
}
