import ArgumentParser
import Foundation
import JobScope

/// `jobscope taxonomy suggest`: skill-like terms the taxonomy does not know, most frequent and fastest-rising.
struct TaxonomySuggestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "suggest",
        abstract: "List skill-like terms in requirement sections and tool lists that the taxonomy does not know.",
        discussion: """
        Over an analyzed store (--store FILE: the postings' source files are read again, dates from the store) or \
        over posting files. Candidates are tool-like tokens (CamelCase, Three.js, Vue3), the object of \
        "experience with X", and short capitalized items of requirement lists, that match no alias. Each is printed \
        with its posting count, its rise between the earlier and the later half of the dated postings, examples, \
        and the one line of YAML that adds it under skills:.
        """
    )

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable { case text, json }

    @OptionGroup var model: ModelOptions

    @Option(name: .long, help: "An analyzed store (jobscope analyze --store) whose postings to read again.")
    var store: String?

    @Option(name: .long, help: "Only terms in at least this many postings.")
    var minPostings: Int = 3

    @Option(name: .long, help: "Only terms named by at least this many employers.")
    var minEmployers: Int = 2

    @Option(name: .long, help: "Terms listed in each ranking.")
    var top: Int = 30

    @Option(name: .long, help: "Output: text or json.")
    var format: OutputFormat = .text

    @Argument(help: "Posting files or folders (instead of, or besides, --store).")
    var paths: [String] = []

    func validate() throws {
        if store == nil && paths.isEmpty { throw ValidationError("give --store FILE or posting files") }
    }

    func run() async throws {
        let suggester = TermSuggester(matcher: SkillMatcher(taxonomy: try model.loadTaxonomy()))
        let reader = PostingReader()
        var perPosting: [[TermSuggester.Candidate]] = []
        var dates: [String?] = []
        if let store {
            let sources = try await StoreLocation(parsing: store).open().postingSources()
            var byPath: [String: [PostingStore.StoredSource]] = [:]
            for s in sources { byPath[s.path, default: []].append(s) }
            for (path, wanted) in byPath.sorted(by: { $0.key < $1.key }) {
                guard let postings = try? reader.read(path: path).postings else { continue }
                for source in wanted {
                    let posting = postings.first {
                        ($0.source.row ?? 0) == source.row && ($0.source.line ?? 0) == source.line
                    } ?? (postings.count == 1 ? postings.first : nil)
                    guard let posting else { continue }
                    perPosting.append(suggester.candidates(in: posting))
                    dates.append(source.datePosted)
                }
            }
        }
        if !paths.isEmpty {
            for file in PostingFileWalker(paths: paths).collect().files {
                guard let postings = try? reader.read(path: file).postings else { continue }
                for posting in postings {
                    perPosting.append(suggester.candidates(in: posting))
                    dates.append(posting.datePosted.map { String(format: "%04d-%02d", $0.year, $0.month) })
                }
            }
        }
        let result = TermSuggestions.rank(perPosting, dates: dates, minPostings: minPostings,
                                           minEmployers: minEmployers, top: top)
        switch format {
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(result), as: UTF8.self))
        case .text:
            printText(result)
        }
    }

    func printText(_ r: TermSuggestions) {
        print("Candidate skill terms in \(r.postings) postings (\(r.datedPostings) dated"
              + (r.splitDate.map { "; later half from \($0)" } ?? "") + ")")
        func show(_ t: TermSuggestions.Term) {
            print(String(format: "  %5d postings %4d employers  %+5.1f pts  ", t.postings, t.employers, t.rise) + t.term)
            for e in t.examples { print("        e.g. \(e)") }
            print("        add: \(t.yaml)")
        }
        print("\nMOST FREQUENT")
        r.frequent.forEach(show)
        if !r.rising.isEmpty {
            print("\nFASTEST RISING (later-half share minus earlier-half share)")
            r.rising.forEach(show)
        }
    }
}
