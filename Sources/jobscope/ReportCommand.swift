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

        Rising and falling are decided by a trend test over every period (Cochran-Armitage, Benjamini-Hochberg \
        across the tests); --compare A B adds the comparison of two spans. Periods drawn from different \
        collections are labelled and not called a trend without --allow-mixed-sources. --count says whether a \
        posting counts once (new) or in every period it was posted or reposted (active).

        Examples:
          jobscope report
          jobscope report --period quarter --since 2024 --role generative-ai-engineer
          jobscope report --compare 2023 2025 --format markdown
          jobscope report --format html --output report.html
          jobscope report --format csv --section skills
          jobscope report --count active --company acme --remote --csv-dir out/ --charts out/charts
          jobscope report --compare-stores 2024.sqlite 2025.sqlite --format markdown
        """
    )

    @OptionGroup var model: ModelOptions

    @Option(help: "The store written by `jobscope analyze`: a SQLite file, or postgresql://USER@HOST:PORT/DATABASE.")
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

    @Flag(help: "With --format csv: write cells starting with = + - @ as they are (by default they get a leading ' so a spreadsheet does not run them).")
    var rawCSV = false

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

    @Option(help: "Counting rule: new (each posting once, when first seen) or active (once in every period it is posted or reposted).")
    var count: ReportCounting = .new

    @Option(help: "Only postings whose company contains this text.")
    var company: String?

    @Option(help: "Only postings whose location contains this text.")
    var location: String?

    @Option(help: "Only postings whose source path or collection contains this text.")
    var source: String?

    @Option(help: "Only postings of this seniority level id (see `jobscope taxonomy`).")
    var seniority: String?

    @Flag(help: "Only postings that state remote work.")
    var remote = false

    @Flag(help: "Call changes trends even when the periods come from different collections.")
    var allowMixedSources = false

    @Option(help: "Periods whose collection mix differs by more than this share (0-1) are not comparable.")
    var maxSourceShift = 0.2

    @Option(parsing: .upToNextOption, help: ArgumentHelp("Show two stores side by side, with a test between them.", valueName: "A B"))
    var compareStores: [String] = []

    @Option(help: "Also write one CSV file per section into this folder.")
    var csvDir: String?

    @Option(help: "Also write every chart as a standalone SVG file into this folder.")
    var charts: String?

    func validate() throws {
        if !compare.isEmpty && compare.count != 2 { throw ValidationError(ReportError.compareNeedsTwo(given: compare.count).localizedDescription) }
        if !compareStores.isEmpty && compareStores.count != 2 {
            throw ValidationError("--compare-stores takes two store files (e.g. --compare-stores 2024.sqlite 2025.sqlite), got \(compareStores.count)")
        }
        if section != nil && format != .csv { throw ValidationError(ReportError.sectionNeedsCSV.localizedDescription) }
        if let section, !CSVReportRenderer.sections.contains(section) {
            throw ValidationError(ReportError.unknownSection(section, known: CSVReportRenderer.sections).localizedDescription)
        }
        guard (0...1).contains(alpha), (0...1).contains(maxSourceShift), minSupport >= 0, minPeriodPostings >= 0, top > 0 else {
            throw ValidationError("--alpha must lie in 0...1, --min-support and --min-period-postings must not be negative, --top must be positive")
        }
    }

    func run() async throws {
        let storeLocation = try StoreLocation(parsing: store)
        let comparedLocations = try compareStores.map { try StoreLocation(parsing: $0) }
        for read in comparedLocations.isEmpty ? (from == nil ? [storeLocation] : []) : comparedLocations where !read.mayExist {
            throw ReportError.storeMissing(path: read.description)
        }
        // Before anything is written: the report must not overwrite a store or the taxonomy it reads.
        if let output {
            try OutputGuard(stores: ([storeLocation] + comparedLocations).flatMap(\.files),
                            inputs: [model.taxonomy].compactMap { $0 })
                .check(output: output)
        }
        let taxonomy = try model.loadTaxonomy()
        // Bad values of options are bad arguments (exit 64), found only once the taxonomy is loaded.
        if let role, taxonomy.role(role) == nil {
            throw ValidationError(ReportError.unknownRole(role, known: taxonomy.roles.map(\.id)).localizedDescription)
        }
        func span(_ text: String?, _ option: String) throws -> DateSpan? {
            guard let text else { return nil }
            guard let span = DateSpan(text) else {
                throw ValidationError(ReportError.badSpan(option: option, text: text).localizedDescription)
            }
            return span
        }
        let options = ReportOptions(
            granularity: period, since: try span(since, "--since"), until: try span(until, "--until"), roleID: role,
            compare: compare.isEmpty ? nil : try compare.map { try span($0, "--compare")! },
            includeReposts: includeReposts, minimumSupport: minSupport, minimumPeriodPostings: minPeriodPostings,
            alpha: alpha, topCount: top, counting: count,
            filter: ReportFilter(company: company, location: location, source: source, seniority: seniority,
                                 workplace: remote ? .remote : nil),
            allowMixedSources: allowMixedSources, maximumSourceShift: maxSourceShift)
        // Reposts always come along so the overview can say how many were left out.
        func makeReport(_ store: StoreLocation) async throws -> TrendReport {
            TrendReport(records: try await store.open().reportRecords(includeReposts: true), taxonomy: taxonomy,
                        options: options)
        }
        if comparedLocations.count == 2 {
            let comparison = StoreComparison(left: try await makeReport(comparedLocations[0]), leftLabel: (compareStores[0] as NSString).lastPathComponent,
                                             right: try await makeReport(comparedLocations[1]), rightLabel: (compareStores[1] as NSString).lastPathComponent)
            try emit(try StoreComparisonRenderer().render(comparison, format: format))
            return
        }
        let report: TrendReport
        if let from {
            // Result files of many machines or Spark partitions, merged as one store would hold them.
            let merged = try MergedResults.read(folder: from)
            for problem in merged.problems { Console().warning(problem) }
            report = TrendReport(records: merged.records, taxonomy: taxonomy, options: options)
        } else {
            report = try await makeReport(storeLocation)
        }
        let colour = format == .terminal && output == nil && !noColor && isatty(STDOUT_FILENO) != 0
            && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
            && ProcessInfo.processInfo.environment["TERM"] != "dumb"
        for (directory, write) in [(csvDir, ReportFiles.writeCSVSections), (charts, ReportFiles.writeCharts)] {
            guard let directory else { continue }
            let paths = try write(report, directory)
            Console().note("wrote \(paths.count) files to \(directory)")
        }
        try emit(try format.render(report, section: section, colour: colour, rawCSV: rawCSV))
    }

    /// Writes the report: to a temporary file renamed into place, so a failed write (a full disk) leaves an
    /// older report whole; or to standard output.
    private func emit(_ text: String) throws {
        let file = try output.map(OutputFile.init(path:)) ?? OutputFile.standardOutput()
        try file.write(text)
        try file.commit()
        if let output { Console().note("wrote the \(format.rawValue) report to \(output)") }
    }
}

extension ReportGranularity: ExpressibleByArgument {}
extension ReportCounting: ExpressibleByArgument {}
