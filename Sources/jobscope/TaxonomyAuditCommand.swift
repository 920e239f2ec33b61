import ArgumentParser
import Foundation
import JobScope

/// `jobscope taxonomy audit`: what each alias matches in the real 2023–2026 postings, and what its rules rejected.
struct TaxonomyAuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Count what every skill alias matches in real postings, with samples, and what its rules rejected.",
        discussion: """
        Reads the 2023–2026 sets of the shared corpus (remotewlb-2024 README.md files by explicit path, the \
        Anthropic description pages, LinkedIn 2024, LinkedIn teaching, AI education) or the files given. For each \
        alias: accepted matches and postings, what it would match with no rules ("open"), and sample snippets of \
        accepted and rejected matches.
        """
    )

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable { case text, json }

    @OptionGroup var model: ModelOptions

    @Option(name: .long, help: "Folder of the shared corpus (default: ../shared/corpus from the repository root).")
    var corpus: String?

    @Option(name: .long, help: "At most this many remotewlb-2024 postings, evenly spread (default 3000; 0: all).")
    var remotewlb: Int = 3000

    @Option(name: .long, help: "Snippets kept per alias.")
    var samples: Int = 3

    @Option(name: .long, help: "Only aliases of these skill ids (comma-separated).")
    var skill: String?

    @Option(name: .long, help: "Rows printed in each list (text output).")
    var top: Int = 60

    @Option(name: .long, help: "Output: text or json.")
    var format: OutputFormat = .text

    @Argument(help: "Posting files to audit instead of the corpus's 2023–2026 sets.")
    var files: [String] = []

    func run() throws {
        let taxonomy = try model.loadTaxonomy()
        let root = try ModelDirectory.locate(explicit: model.models).deletingLastPathComponent()
        let corpusURL = corpus.map { URL(fileURLWithPath: $0, isDirectory: true) }
            ?? root.deletingLastPathComponent().appendingPathComponent("shared/corpus", isDirectory: true)
        let paths = files.isEmpty
            ? AliasAudit.recentCorpusFiles(corpus: corpusURL, remotewlbLimit: remotewlb == 0 ? nil : remotewlb)
            : files
        guard !paths.isEmpty else {
            throw ValidationError("no posting files found under \(corpusURL.path); pass --corpus DIR or files")
        }
        var audit = AliasAudit.run(paths: paths, matcher: SkillMatcher(taxonomy: taxonomy), samples: samples)
        if let skill {
            let wanted = Set(skill.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
            audit.rows = audit.rows.filter { wanted.contains($0.skillID) }
        }
        switch format {
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(audit), as: UTF8.self))
        case .text:
            printText(audit)
        }
    }

    func printText(_ audit: AliasAudit) {
        print("Alias audit: \(audit.postings) postings in \(audit.files) files"
              + (audit.unreadable.isEmpty ? "" : ", \(audit.unreadable.count) files unreadable"))
        func share(_ n: Int) -> String { String(format: "%5.1f%%", 100 * Double(n) / Double(max(1, audit.postings))) }
        func line(_ r: AliasAudit.Row) -> String {
            let kind = r.weak ? " (weak)" : ""
            let rules = r.rules.isEmpty ? "" : " [" + r.rules.joined(separator: ", ") + "]"
            return "  \(share(r.postings)) \(String(format: "%6d", r.matches)) matches  open \(r.unconstrained)  "
                + "\(r.skillID) ← \"\(r.alias)\"\(kind)\(rules)"
        }
        print("\nMOST FREQUENT ALIASES (share of postings, accepted matches, matches with no rules)")
        for r in audit.byPostings.prefix(top) where r.matches > 0 {
            print(line(r))
            for s in r.samples { print("        + \(s)") }
        }
        print("\nMOST CONSTRAINED ALIASES (matches the rules or weakness rejected)")
        for r in audit.mostConstrained.prefix(top) {
            print(line(r) + "  rejected \(r.rejected)")
            for s in r.rejectedSamples { print("        - \(s)") }
        }
        let silent = audit.rows.filter { $0.unconstrained == 0 }.count
        print("\n\(silent) of \(audit.rows.count) spellings matched nothing in these postings.")
        for problem in audit.unreadable.prefix(10) { print("unreadable: \(problem)") }
    }
}
