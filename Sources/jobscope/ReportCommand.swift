import ArgumentParser
import Foundation
import JobScope

extension ReportFormat: ExpressibleByArgument {}

/// `jobscope report`: the demand trend report from the store `jobscope analyze` filled.
struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Report which AI roles and skills postings ask for, and how demand changes over time.",
        discussion: """
        Reads the store written by `jobscope analyze` and reports role demand per period, skill demand \
        overall and per role, skill clusters, rising and falling skills and roles (with a significance \
        test), a check against the seed articles, and attributes (education, seniority, remote, salary).

        Dates and periods are written 2024, 2024-Q2, 2024-03, 2024-03-15, or as a range 2023-01..2023-06.

        Examples:
          jobscope report
          jobscope report --period quarter --since 2024 --role generative-ai-engineer
          jobscope report --compare 2023 2025 --format markdown
          jobscope report --format html --output report.html
          jobscope report --format csv --section skills
        """
    )

    @OptionGroup var model: ModelOptions

    @Option(help: "The store written by `jobscope analyze`.")
    var store = "jobscope.sqlite"

    @Option(help: ArgumentHelp("Report on a folder of result files (jobscope stream, analyze --output *.jsonl, Spark part-* files) instead of a store, merged and deduplicated as one store would hold them.",
                               valueName: "folder"))
    var from: String?

    @Option(help: "Group postings by month, quarter or year (default: the finest that keeps a typical period above --min-period-postings).")
    var period: ReportGranularity?

    @Option(help: "Only postings dated from the start of this date or period.")
    var since: String?

    @Option(help: "Only postings dated up to the end of this date or period.")
    var until: String?

    @Option(help: "Narrow the report to one role id (see `jobscope taxonomy`).")
    var role: String?

    @Option(parsing: .upToNextOption, help: ArgumentHelp("Compare two periods instead of the first and last.", valueName: "A B"))
    var compare: [String] = []

    @Option(help: "terminal, markdown, json, csv or html.")
    var format: ReportFormat = .terminal

    @Option(help: "With --format csv: write only this table (\(CSVReportRenderer.sections.joined(separator: ", "))).")
    var section: String?

    @Option(name: [.short, .long], help: "Write to this file instead of standard output.")
    var output: String?

    @Flag(help: "Count near-duplicate reposts as postings of their own.")
    var includeReposts = false

    @Option(help: "A skill or role needs this many postings in the two compared periods to be called rising or falling.")
    var minSupport = 5

    @Option(help: "A period with fewer postings is marked thin and never yields a significant trend.")
    var minPeriodPostings = 15

    @Option(help: "False-discovery rate under which a change is called significant.")
    var alpha = 0.05

    @Option(help: "Rows in ranked lists (skills, risers, fallers).")
    var top = 15

    @Flag(help: "No colour, even on a terminal.")
    var noColor = false

    func validate() throws {
        if !compare.isEmpty && compare.count != 2 { throw ValidationError(ReportError.compareNeedsTwo(given: compare.count).localizedDescription) }
        if section != nil && format != .csv { throw ValidationError(ReportError.sectionNeedsCSV.localizedDescription) }
        if let section, !CSVReportRenderer.sections.contains(section) {
            throw ValidationError(ReportError.unknownSection(section, known: CSVReportRenderer.sections).localizedDescription)
        }
        guard (0...1).contains(alpha), minSupport >= 0, minPeriodPostings >= 0, top > 0 else {
            throw ValidationError("--alpha must lie in 0...1, --min-support and --min-period-postings must not be negative, --top must be positive")
        }
    }

    func run() async throws {
        guard from != nil || FileManager.default.fileExists(atPath: store) else { throw ReportError.storeMissing(path: store) }
        let taxonomy: Taxonomy
        if let file = model.taxonomy {
            taxonomy = try TaxonomyLoader.load(from: URL(fileURLWithPath: file))
        } else {
            taxonomy = try TaxonomyLoader.loadDefault(modelsDirectory: model.models)
        }
        if let role, taxonomy.role(role) == nil {
            throw ReportError.unknownRole(role, known: taxonomy.roles.map(\.id))
        }
        func span(_ text: String?, _ option: String) throws -> DateSpan? {
            guard let text else { return nil }
            guard let span = DateSpan(text) else { throw ReportError.badSpan(option: option, text: text) }
            return span
        }
        let options = ReportOptions(
            granularity: period, since: try span(since, "--since"), until: try span(until, "--until"), roleID: role,
            compare: compare.isEmpty ? nil : try compare.map { try span($0, "--compare")! },
            includeReposts: includeReposts, minimumSupport: minSupport, minimumPeriodPostings: minPeriodPostings,
            alpha: alpha, topCount: top)
        // Reposts always come along so the overview can say how many were left out.
        let records: [ReportRecord]
        if let from {
            let merged = try MergedResults.read(folder: from)
            for problem in merged.problems { FileHandle.standardError.write(Data("\(problem)\n".utf8)) }
            records = merged.records
        } else {
            records = try PostingStore(path: store).reportRecords(includeReposts: true)
        }
        let report = TrendReport(records: records, taxonomy: taxonomy, options: options)
        let colour = format == .terminal && output == nil && !noColor && isatty(STDOUT_FILENO) != 0
            && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
            && ProcessInfo.processInfo.environment["TERM"] != "dumb"
        let text = try format.render(report, section: section, colour: colour)
        if let output {
            do {
                try text.write(toFile: output, atomically: true, encoding: .utf8)
            } catch {
                throw ValidationError("cannot write the report to \(output): \(error.localizedDescription)")
            }
            FileHandle.standardError.write(Data("wrote the \(format.rawValue) report to \(output)\n".utf8))
        } else {
            FileHandle.standardOutput.write(Data(text.utf8))
        }
    }
}

extension ReportGranularity: ExpressibleByArgument {}
