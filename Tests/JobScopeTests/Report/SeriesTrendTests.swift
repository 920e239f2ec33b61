import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import JobScope

/// Trend tests over the whole series, counting rules, comparability and filters, on constructed series.
@Suite struct SeriesTrendTests {
    let taxonomy = ReportFixtures.taxonomy
    static let months = 6

    /// `perMonth` postings a month in 2025-01...; posting i of month m asks for each skill whose count for m
    /// exceeds i (so the counts are exact), in `collection(m)`.
    static func series(perMonth: Int, skills: [String: [Int]], collection: (Int) -> String = { _ in "board" },
                       role: (Int, Int) -> String? = { _, _ in "data-scientist" }) -> [ReportRecord] {
        var records: [ReportRecord] = []
        for month in 1...months {
            for i in 0..<perMonth {
                let asked = skills.keys.sorted().filter { skills[$0]![month - 1] > i }.map { ReportFixtures.skill($0) }
                records.append(ReportRecord(
                    postingID: "m\(month)-\(i)", sourcePath: "/data/\(collection(month))/p\(month)-\(i).json",
                    datePosted: PostingDate(year: 2025, month: month, day: 1 + i % 28), roleID: role(month, i),
                    confidence: 0.9, skills: asked, attributes: PostingAttributes(), collection: collection(month)))
            }
        }
        return records
    }

    /// 1.25% rising to 5% of 160 postings a month: [2, 3, 5, 6, 8, 8].
    static let steadyRise = [2, 3, 5, 6, 8, 8]

    @Test func cochranArmitageMatchesHandComputation() {
        // z = T / sqrt(p(1-p) Σ n (t - t̄)²) for the steady rise, computed by hand: 2.4214.
        let test = TrendTest(counts: Self.steadyRise, totals: [Int](repeating: 160, count: 6), times: (0..<6).map(Double.init))
        #expect(abs(test.z - 2.4214253) < 1e-6)
        #expect(abs(test.pValue - 0.0154598) < 1e-6)
        #expect(test.periods == 6)
        // The logistic slope rises, and its interval excludes zero like the test.
        let slope = try! #require(test.slope)
        #expect(slope > 0 && test.slopeLower! > 0 && test.slopeUpper! > slope)
    }

    @Test func logisticSlopeRecoversAKnownSlope() throws {
        // Shares exactly on logit(p) = -3 + 0.4 t, a million postings each: the fit returns the slope.
        let times = (0..<6).map(Double.init)
        let n = 1_000_000
        let counts = times.map { Int((Double(n) / (1 + exp(-(-3 + 0.4 * $0)))).rounded()) }
        let test = TrendTest(counts: counts, totals: [Int](repeating: n, count: 6), times: times)
        let slope = try #require(test.slope)
        #expect(abs(slope - 0.4) < 1e-3)
        #expect(test.slopeLower! < 0.4 && 0.4 < test.slopeUpper!)
    }

    @Test func degenerateSeriesGiveNoTrend() {
        let none = TrendTest(counts: [0, 0, 0], totals: [10, 10, 10], times: [0, 1, 2])
        #expect(none.z == 0 && none.pValue == 1 && none.slope == nil)
        let one = TrendTest(counts: [3], totals: [10], times: [0])
        #expect(one.pValue == 1)
    }

    @Test func wilsonIntervalsMatchTheFormula() {
        let empty = Proportion(count: 0, total: 10).wilsonInterval()
        #expect(empty.lower == 0 && abs(empty.upper - 0.2775328) < 1e-6)
        let half = Proportion(count: 5, total: 10).wilsonInterval()
        #expect(abs(half.lower - 0.2365931) < 1e-6 && abs(half.upper - 0.7634069) < 1e-6)
        let cell = PeriodShare(period: "2025-01", proportion: Proportion(count: 3, total: 4))
        #expect(abs(cell.lower - 0.3006418) < 1e-6 && abs(cell.upper - 0.9544127) < 1e-6)
    }

    @Test func steadyRiseIsFlaggedWhileItsEndpointsAreNot() throws {
        let records = Self.series(perMonth: 160, skills: ["large-language-models": Self.steadyRise,
                                                         "python": [80, 80, 80, 80, 80, 80]])
        let report = TrendReport(records: records, taxonomy: taxonomy, options: ReportOptions(granularity: .month))
        let endpoint = try #require(report.trends?.skills.first { $0.id == "large-language-models" })
        #expect(endpoint.pValue > 0.05)
        #expect(!endpoint.significant)
        let series = try #require(report.seriesTrends.skills.first { $0.id == "large-language-models" })
        #expect(report.seriesTrends.testedPeriods.count == 6)
        #expect(series.test.pValue < 0.05)
        #expect(series.significant)
        #expect(series.verdict == "rising")
        #expect(report.seriesTrends.risingSkills.first?.id == "large-language-models")
        #expect(series.first == Proportion(count: 2, total: 160) && series.last == Proportion(count: 8, total: 160))
    }

    @Test func flatSeriesWithNoiseIsNotATrend() throws {
        let records = Self.series(perMonth: 200, skills: ["sql": [30, 36, 27, 33, 29, 35]])
        let report = TrendReport(records: records, taxonomy: taxonomy, options: ReportOptions(granularity: .month))
        let sql = try #require(report.seriesTrends.skills.first { $0.id == "sql" })
        #expect(sql.supported)
        #expect(sql.test.pValue > 0.5)
        #expect(!sql.significant)
        #expect(sql.verdict == "no clear trend")
    }

    @Test func significanceIsDecidedOnQNotP() throws {
        // The steady rise alone has p = 0.015; beside four flat skills BH multiplies it by 5: q = 0.077.
        var skills = ["large-language-models": Self.steadyRise]
        for id in ["python", "sql", "aws", "docker"] { skills[id] = [40, 40, 40, 40, 40, 40] }
        let report = TrendReport(records: Self.series(perMonth: 160, skills: skills), taxonomy: taxonomy,
                                 options: ReportOptions(granularity: .month))
        let llm = try #require(report.seriesTrends.skills.first { $0.id == "large-language-models" })
        #expect(llm.test.pValue < 0.05)
        let q = try #require(llm.qValue)
        #expect(q >= 0.05)
        #expect(abs(q - llm.test.pValue * 5) < 1e-12)
        #expect(!llm.significant)
    }

    @Test func mixedSourcesAreLabelledAndNotCalledATrend() throws {
        // The first three months come from a data-science search, the last three from an ML search, and the
        // role mix jumps with them.
        let records = Self.series(
            perMonth: 100, skills: ["pytorch": [5, 5, 5, 60, 60, 60], "sql": [30, 30, 30, 30, 30, 30]],
            collection: { $0 <= 3 ? "ds-search-2018" : "ml-search-2020" },
            role: { month, i in month <= 3 ? (i < 70 ? "data-scientist" : "machine-learning-engineer")
                                         : (i < 20 ? "data-scientist" : "machine-learning-engineer") })
        let report = TrendReport(records: records, taxonomy: taxonomy,
                                 options: ReportOptions(granularity: .month, compare: [DateSpan("2025-01")!, DateSpan("2025-06")!]))
        let sources = report.seriesTrends.sources
        #expect(!sources.comparable)
        #expect(sources.largestShift == 1)
        #expect(sources.warning?.contains("ds-search-2018") == true)
        let pytorch = try #require(report.seriesTrends.skills.first { $0.id == "pytorch" })
        #expect(pytorch.test.pValue < 1e-6)
        #expect(!pytorch.significant)
        #expect(pytorch.verdict == "mixed sources")
        // A flat skill is no trend whatever the sources: it keeps its own verdict.
        let flat = try #require(report.seriesTrends.skills.first { $0.id == "sql" })
        #expect(!flat.heldBackByMixedSources && flat.verdict == "no clear trend")
        let role = try #require(report.trends?.roles.first { $0.id == "machine-learning-engineer" })
        #expect(!role.significant && role.verdict == "mixed sources")
        #expect(report.trends?.sourceWarning != nil)
        for text in [TerminalReportRenderer().render(report), MarkdownReportRenderer().render(report),
                     HTMLReportRenderer().render(report)] {
            #expect(text.lowercased().contains("mixed sources"))
        }
        let allowed = TrendReport(records: records, taxonomy: taxonomy,
                                  options: ReportOptions(granularity: .month, allowMixedSources: true))
        #expect(allowed.seriesTrends.skills.first { $0.id == "pytorch" }?.significant == true)
    }

    @Test func oneCollectionIsComparable() {
        let report = TrendReport(records: Self.series(perMonth: 50, skills: ["sql": [10, 10, 10, 10, 10, 10]]),
                                 taxonomy: taxonomy, options: ReportOptions(granularity: .month))
        #expect(report.seriesTrends.sources.comparable)
        #expect(report.seriesTrends.sources.warning == nil)
    }

    @Test func activeCountsARepostInEveryMonthAndNewOnce() throws {
        // One posting in January, reposted in February and March (twice in March); filler keeps months solid.
        var records = (1...3).flatMap { month in
            (0..<20).map { i in
                ReportFixtures.record("f\(month)-\(i)", date: PostingDate(year: 2025, month: month, day: 10),
                                      role: "data-scientist", skills: [])
            }
        }
        let original = ReportFixtures.record("orig", date: PostingDate(year: 2025, month: 1, day: 5),
                                             role: "machine-learning-engineer", skills: [ReportFixtures.skill("pytorch")])
        records.append(original)
        for (k, date) in [PostingDate(year: 2025, month: 2, day: 3), PostingDate(year: 2025, month: 3, day: 1),
                          PostingDate(year: 2025, month: 3, day: 20)].enumerated() {
            var repost = original
            repost.postingID = "re\(k)"
            repost.datePosted = date
            repost.isRepost = true
            repost.repostOf = k == 2 ? "re1" : "orig"   // a repost of a repost still folds into the original
            records.append(repost)
        }
        let new = TrendReport(records: records, taxonomy: taxonomy, options: ReportOptions(granularity: .month))
        let active = TrendReport(records: records, taxonomy: taxonomy,
                                 options: ReportOptions(granularity: .month, counting: .active))
        let pytorchNew = try #require(new.skillDemand.skills.first { $0.skillID == "pytorch" })
        let pytorchActive = try #require(active.skillDemand.skills.first { $0.skillID == "pytorch" })
        #expect(pytorchNew.byPeriod.map(\.count) == [1, 0, 0])
        #expect(pytorchActive.byPeriod.map(\.count) == [1, 1, 1])
        #expect(pytorchNew.overall.count == 1 && pytorchActive.overall.count == 3)
        #expect(active.periods.map(\.postings) == [21, 21, 21])
        #expect(active.overview.distinctPostings == 61 && active.overview.postings == 63)
        #expect(new.overview.repostsExcluded == 3 && active.overview.repostsExcluded == 0)
        // The rule is printed in every format.
        for format in [ReportFormat.terminal, .markdown, .html] {
            #expect(try format.render(active).contains("counting active postings"))
            #expect(try format.render(new).contains("counting new postings"))
        }
        #expect(CSVReportRenderer().render(active).contains("overview,counting,active"))
        #expect(try CSVReportRenderer().table("overview", of: new).contains("counting,new"))
        #expect(try JSONReportRenderer().render(active).contains("\"counting\" : \"active\""))
    }

    @Test func aiShareOfEachOccupationHasItsTrend() throws {
        // ML engineers: AI involvement rises 20% → 70%; data scientists flat at 50%; records without the signal
        // are left out of the denominators.
        var records: [ReportRecord] = []
        for month in 1...6 {
            for i in 0..<40 {
                let ml = [8, 14, 18, 20, 24, 28][month - 1]
                var record = ReportFixtures.record("ml\(month)-\(i)", date: PostingDate(year: 2025, month: month, day: 2),
                                                   role: "machine-learning-engineer", skills: [])
                record.aiInvolvement = i < ml ? .buildsML : AIInvolvement.none
                records.append(record)
                var ds = ReportFixtures.record("ds\(month)-\(i)", date: PostingDate(year: 2025, month: month, day: 2),
                                               role: "data-scientist", skills: [])
                ds.aiInvolvement = i % 2 == 0 ? .usesAI : AIInvolvement.none
                records.append(ds)
            }
            records.append(ReportFixtures.record("x\(month)", date: PostingDate(year: 2025, month: month, day: 2),
                                                 role: "data-scientist", skills: []))
        }
        let report = TrendReport(records: records, taxonomy: taxonomy, options: ReportOptions(granularity: .month))
        #expect(report.aiShare.withSignal == Proportion(count: 480, total: 486))
        let ml = try #require(report.aiShare.rows.first { $0.roleID == "machine-learning-engineer" })
        #expect(ml.byPeriod.map(\.count) == [8, 14, 18, 20, 24, 28])
        #expect(ml.byPeriod.allSatisfy { $0.total == 40 })
        let ds = try #require(report.aiShare.rows.first { $0.roleID == "data-scientist" })
        #expect(ds.overall == Proportion(count: 120, total: 240))
        let mlTrend = try #require(report.seriesTrends.aiShare.first { $0.id == "machine-learning-engineer" })
        #expect(mlTrend.significant && mlTrend.verdict == "rising")
        let dsTrend = try #require(report.seriesTrends.aiShare.first { $0.id == "data-scientist" })
        #expect(!dsTrend.significant)
        #expect(TerminalReportRenderer().render(report).contains("AI SHARE OF EACH OCCUPATION"))
    }

    @Test func noSignalNoAIShareSection() {
        let report = TrendReport(records: ReportFixtures.snapshotRecords(), taxonomy: taxonomy)
        #expect(report.aiShare.rows.isEmpty)
        #expect(!TerminalReportRenderer().render(report).contains("AI SHARE"))
    }

    @Test func filtersCombine() {
        func record(_ id: String, company: String, location: String, workplace: Workplace?, seniority: String?) -> ReportRecord {
            ReportRecord(postingID: id, sourcePath: "/in/\(id).json", datePosted: PostingDate(year: 2025, month: 1, day: 1),
                         roleID: "data-scientist", confidence: 0.9, skills: [],
                         attributes: PostingAttributes(seniority: seniority, workplace: workplace),
                         company: company, location: location)
        }
        let records = [
            record("a", company: "Acme Corp", location: "Berlin", workplace: .remote, seniority: "senior"),
            record("b", company: "Acme Corp", location: "Paris", workplace: .onsite, seniority: "senior"),
            record("c", company: "Globex", location: "Berlin", workplace: .remote, seniority: "junior"),
        ]
        func postings(_ filter: ReportFilter) -> Int {
            TrendReport(records: records, taxonomy: taxonomy, options: ReportOptions(filter: filter)).overview.postings
        }
        #expect(postings(ReportFilter()) == 3)
        #expect(postings(ReportFilter(company: "acme")) == 2)
        #expect(postings(ReportFilter(company: "acme", workplace: .remote)) == 1)
        #expect(postings(ReportFilter(location: "berlin", seniority: "junior")) == 1)
        #expect(postings(ReportFilter(source: "/in/b")) == 1)
        let report = TrendReport(records: records, taxonomy: taxonomy, options: ReportOptions(filter: ReportFilter(company: "acme")))
        #expect(report.overview.filteredOut == 1)
        #expect(TerminalReportRenderer().render(report).contains("company \"acme\""))
    }

    @Test func collectionsComeFromTheAnalyzedInputs() {
        let collections = ReportCollections(inputs: ["/corpus", "/corpus/remotewlb-2024", "/other/file.csv"])
        #expect(collections.collection(of: "/corpus/linkedin-2024/postings.csv") == "corpus/linkedin-2024")
        #expect(collections.collection(of: "/corpus/remotewlb-2024/jobs/Java/2024-10/x/README.md") == "remotewlb-2024/jobs")
        #expect(collections.collection(of: "/other/file.csv") == "file.csv")
        #expect(collections.collection(of: "/elsewhere/a.csv") == nil)
        // Without inputs the report takes the first folder below the one all paths share.
        let derived = ReportContext.collections([
            ReportFixtures.record("1", date: nil, role: nil, skills: [], source: "/c/set-a/x/1.md"),
            ReportFixtures.record("2", date: nil, role: nil, skills: [], source: "/c/set-b/2.csv"),
        ])
        #expect(derived == ["set-a", "set-b"])
    }
}

/// The long CSV report read by Python's csv module (and pandas when installed), as analysts will read it.
@Suite struct CSVReportPythonTests {
    static let python = ["/usr/bin/python3", "/usr/local/bin/python3"].first { FileManager.default.isExecutableFile(atPath: $0) }

    @Test(.enabled(if: python != nil, "python3 is not installed"))
    func longCSVReadsAsOneRectangularTable() throws {
        var taxonomy = ReportFixtures.taxonomy
        taxonomy.roles[0].name = "R&D, \"ML\"\nEngineer"   // commas, quotes and a line break in a field
        let report = TrendReport(records: ReportFixtures.trendCollection(), taxonomy: taxonomy,
                                 options: ReportOptions(granularity: .month))
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("jobscope-long-\(UUID().uuidString).csv")
        try CSVReportRenderer().render(report).write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let script = """
            import csv, sys, collections
            rows = list(csv.reader(open(sys.argv[1], newline='')))
            header, body = rows[0], rows[1:]
            assert header[0] == 'section', header[:3]
            assert all(len(r) == len(header) for r in body), 'ragged rows'
            sections = collections.Counter(r[0] for r in body)
            names = {r[header.index('role')] for r in body if r[0] == 'roles'}
            assert 'R&D, "ML"\\nEngineer' in names, names
            try:
                import pandas
                frame = pandas.read_csv(sys.argv[1], low_memory=False)
                assert len(frame) == len(body) and list(frame.columns) == header
                llm = frame[(frame.section == 'skill-periods') & (frame.skill_id == 'large-language-models') & (frame.period == '2025-06')]
                assert float(llm['share'].iloc[0]) == 0.4
            except ImportError:
                pass
            print(len(body), len(sections))
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.python!)
        process.arguments = ["-c", script, file.path]
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        process.waitUntilExit()
        let err = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(process.terminationStatus == 0, "\(err)")
        let out = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let counts = out.split(separator: " ").compactMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        #expect(counts.count == 2 && counts[0] > 100 && counts[1] >= 8)
    }
}

/// Side-by-side comparisons, files per section and per chart, and charts that need three periods.
@Suite struct ReportOutputTests {
    let taxonomy = ReportFixtures.taxonomy

    @Test func twoStoresSideBySideWithTheTestBetween() throws {
        let left = TrendReport(records: SeriesTrendTests.series(perMonth: 100, skills: ["sql": [10, 10, 10, 10, 10, 10]]),
                               taxonomy: taxonomy, options: ReportOptions(granularity: .month))
        let right = TrendReport(records: SeriesTrendTests.series(perMonth: 100, skills: ["sql": [30, 30, 30, 30, 30, 30],
                                                                                        "python": [1, 0, 0, 0, 0, 0]]),
                                taxonomy: taxonomy, options: ReportOptions(granularity: .month))
        let comparison = StoreComparison(left: left, leftLabel: "2024.sqlite", right: right, rightLabel: "2025.sqlite")
        let sql = try #require(comparison.skills.first { $0.id == "sql" })
        #expect(sql.left == Proportion(count: 60, total: 600) && sql.right == Proportion(count: 180, total: 600))
        #expect(sql.significant && sql.verdict("2025.sqlite") == "higher in 2025.sqlite")
        let python = try #require(comparison.skills.first { $0.id == "python" })
        #expect(!python.supported && python.left == Proportion(count: 0, total: 600))
        let text = try StoreComparisonRenderer().render(comparison, format: .terminal)
        #expect(text.contains("2024.sqlite") && text.contains("10.0% of 600") && text.contains("30.0% of 600"))
        let csv = try StoreComparisonRenderer().render(comparison, format: .csv)
        #expect(csv.split(separator: "\n").allSatisfy { $0.split(separator: ",", omittingEmptySubsequences: false).count == 17 })
    }

    @Test func sectionsAndChartsAsFilesOfTheirOwn() throws {
        let report = TrendReport(records: ReportFixtures.trendCollection(), taxonomy: taxonomy,
                                 options: ReportOptions(granularity: .month))
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("jobscope-files-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let csvs = try ReportFiles.writeCSVSections(report, to: folder.appendingPathComponent("csv").path)
        #expect(csvs.count == CSVReportRenderer.sections.count)
        let skills = try String(contentsOfFile: folder.appendingPathComponent("csv/skills.csv").path, encoding: .utf8)
        #expect(skills.hasPrefix("skill_id,skill,category"))
        let svgs = try ReportFiles.writeCharts(report, to: folder.appendingPathComponent("charts").path)
        #expect(svgs.map { ($0 as NSString).lastPathComponent }.contains("rising-skills.svg"))
        for path in svgs {
            let text = try String(contentsOfFile: path, encoding: .utf8)
            #expect(text.hasPrefix("<?xml") && text.contains("<style>") && text.contains("xmlns=\"http://www.w3.org/2000/svg\""))
            #if canImport(FoundationXML) || os(macOS)
            _ = try XMLDocument(xmlString: text, options: [])
            #endif
        }
    }

    @Test func fewerThanThreePeriodsAreATableNotALine() {
        let records = (1...2).flatMap { month in
            (0..<20).map { ReportFixtures.record("p\(month)-\($0)", date: PostingDate(year: 2025, month: month, day: 1),
                                                 role: "data-scientist", skills: [ReportFixtures.skill("sql")]) }
        }
        let report = TrendReport(records: records, taxonomy: taxonomy, options: ReportOptions(granularity: .month))
        let html = HTMLReportRenderer().render(report)
        #expect(!html.contains("line-chart"))
        #expect(html.contains("too few for a line chart"))
        #expect(html.contains("<div class=\"scroll\"><table>"))
    }
}

/// Skill families read from any taxonomy-shaped value (the shape the taxonomy's `families:` takes).
@Suite struct SkillFamilyIndexTests {
    struct Family { var id: String; var name: String; var parent: String? }
    struct Container { var families: [Family] }
    struct SkillValue { var id: String; var family: String? }

    @Test func familiesAndTheirAncestorsAreFound() {
        let container = Container(families: [Family(id: "genai", name: "Generative-AI stack", parent: nil),
                                             Family(id: "llm-models", name: "LLMs", parent: "genai")])
        let skills = [SkillValue(id: "llms", family: "llm-models"), SkillValue(id: "sql", family: nil),
                      SkillValue(id: "spark", family: "data-processing")]
        let index = SkillFamilyIndex(container: container, skills: skills.map { ($0.id, $0 as Any) })
        #expect(index.familiesOfSkill["llms"] == ["llm-models", "genai"])
        #expect(index.familiesOfSkill["sql"] == nil)
        #expect(index.families.map(\.id) == ["genai", "llm-models", "data-processing"])
        #expect(index.families.first?.name == "Generative-AI stack")
    }

    @Test func aTaxonomyWithoutFamiliesHasNone() {
        struct Bare { var skills: [String] }
        #expect(SkillFamilyIndex(container: Bare(skills: []), skills: [("x", Bare(skills: []) as Any)]).isEmpty)
    }
}
