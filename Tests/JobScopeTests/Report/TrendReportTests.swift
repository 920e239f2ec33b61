import Foundation
import Testing
@testable import JobScope

@Suite struct TrendReportTests {
    let records = ReportFixtures.trendCollection()
    let taxonomy = ReportFixtures.taxonomy

    func monthly(_ options: ReportOptions = ReportOptions(granularity: .month)) -> TrendReport {
        TrendReport(records: records, taxonomy: taxonomy, options: options)
    }

    @Test func overviewCountsPostingsAfterDuplicatesAndUndated() {
        let o = monthly().overview
        #expect(o.postings == 6 * ReportFixtures.perMonth + ReportFixtures.undatedCount)
        #expect(o.repostsExcluded == ReportFixtures.repostCount)
        #expect(o.undated.count == ReportFixtures.undatedCount)
        #expect(o.firstDate == PostingDate(year: 2025, month: 1, day: 1))
        #expect(o.lastDate == PostingDate(year: 2025, month: 6, day: 28))
        #expect(o.sourceFiles == 2)
        // Other: a quarter of the non-genAI postings.
        let other = (0..<6).reduce(0) { sum, month in
            sum + (0..<ReportFixtures.perMonth).filter { i in !(month >= 3 && i < ReportFixtures.genAIPerMonth) && i % 4 == 3 }.count
        }
        #expect(o.other.count == other)
        #expect(o.emerging.count == 3 * ReportFixtures.genAIPerMonth)
    }

    @Test func includeRepostsCountsThem() {
        let report = monthly(ReportOptions(granularity: .month, includeReposts: true))
        #expect(report.overview.postings == 6 * ReportFixtures.perMonth + ReportFixtures.undatedCount + ReportFixtures.repostCount)
        #expect(report.overview.repostsExcluded == 0)
    }

    @Test func skillSharesPerPeriodEqualTheConstructedOnes() throws {
        let report = monthly()
        #expect(report.periods.map(\.label) == ["2025-01", "2025-02", "2025-03", "2025-04", "2025-05", "2025-06"])
        let llm = try #require(report.skillDemand.skills.first { $0.skillID == "large-language-models" })
        #expect(llm.byPeriod.map(\.count) == ReportFixtures.llmCounts)
        #expect(llm.byPeriod.map(\.share) == ReportFixtures.llmCounts.map { Double($0) / 200 })
        #expect(abs(llm.byPeriod[1].change! - (24.0 - 10.0) / 200) < 1e-12)
        #expect(llm.undated.count == 0)
        let sql = try #require(report.skillDemand.skills.first { $0.skillID == "sql" })
        #expect(sql.byPeriod.allSatisfy { $0.count == ReportFixtures.sqlCount && $0.share == 0.3 })
        #expect(sql.undated == Proportion(count: ReportFixtures.undatedCount, total: ReportFixtures.undatedCount))
        #expect(sql.preferred == 6 * 20)
        #expect(sql.required == 6 * 40 + ReportFixtures.undatedCount)
        // Skills are ranked by postings asking for them.
        #expect(report.skillDemand.skills.first?.skillID == "python")
    }

    @Test func risingSkillIsSignificantAndFlatSkillIsNot() throws {
        let trends = try #require(monthly().trends)
        #expect(trends.baseline.label == "2025-01")
        #expect(trends.current.label == "2025-06")
        let llm = try #require(trends.skills.first { $0.id == "large-language-models" })
        #expect(llm.baseline == Proportion(count: 10, total: 200))
        #expect(llm.current == Proportion(count: 80, total: 200))
        #expect(abs(llm.change - 0.35) < 1e-12)
        #expect(llm.significant)
        #expect(llm.pValue < 1e-10)
        #expect(trends.risingSkills.first?.id == "large-language-models")
        let sql = try #require(trends.skills.first { $0.id == "sql" })
        #expect(sql.change == 0)
        #expect(sql.pValue == 1)
        #expect(!sql.significant)
        #expect(!trends.fallingSkills.contains { $0.id == "sql" })
    }

    @Test func roleOnlyInLastQuarterIsNewAndRises() throws {
        let report = monthly(ReportOptions(granularity: .quarter))
        #expect(report.periods.map(\.label) == ["2025-Q1", "2025-Q2"])
        let genAI = try #require(report.roleDemand.rows.first { $0.roleID == "generative-ai-engineer" })
        #expect(genAI.byPeriod.map(\.count) == [0, 60])
        #expect(genAI.byPeriod[1].share == 0.1)
        #expect(genAI.byPeriod[1].change == 0.1)
        #expect(genAI.isNew)
        #expect(genAI.firstSeen == "2025-Q2")
        #expect(genAI.emerging)
        #expect(report.roleDemand.emergingRows.map(\.roleID) == ["generative-ai-engineer"])
        let trend = try #require(report.trends?.roles.first { $0.id == "generative-ai-engineer" })
        #expect(trend.significant)
        // A role present from the start is not new.
        #expect(report.roleDemand.rows.first { $0.roleID == "data-scientist" }?.isNew == false)
    }

    @Test func smallPeriodNoiseIsNotATrend() throws {
        // Five postings in January, six in February: a skill going from 1 to 4 is a big jump in share
        // but rests on too little to call.
        var small: [ReportRecord] = []
        for i in 0..<5 {
            small.append(ReportFixtures.record("a\(i)", date: PostingDate(year: 2025, month: 1, day: 3), role: "data-scientist",
                                               skills: i == 0 ? [ReportFixtures.skill("docker")] : []))
        }
        for i in 0..<6 {
            small.append(ReportFixtures.record("b\(i)", date: PostingDate(year: 2025, month: 2, day: 3), role: "data-scientist",
                                               skills: i < 4 ? [ReportFixtures.skill("docker")] : []))
        }
        let report = TrendReport(records: small, taxonomy: taxonomy, options: ReportOptions(granularity: .month))
        #expect(report.periods.allSatisfy { $0.isThin })
        let docker = try #require(report.trends?.skills.first { $0.id == "docker" })
        #expect(docker.change > 0.4)
        #expect(!docker.supported)
        #expect(!docker.significant)
        #expect(report.notes.contains { $0.contains("thin") })
    }

    @Test func compareChosenSpans() throws {
        let options = ReportOptions(granularity: .month, compare: [DateSpan("2025-Q1")!, DateSpan("2025-04..2025-05")!])
        let trends = try #require(monthly(options).trends)
        #expect(trends.baseline.postings == 600)
        #expect(trends.current.postings == 400)
        let llm = try #require(trends.skills.first { $0.id == "large-language-models" })
        #expect(llm.baseline.count == 10 + 24 + 38)
        #expect(llm.current.count == 52 + 66)
    }

    @Test func dateRangeLeavesOutUndatedAndSaysSo() {
        let report = monthly(ReportOptions(granularity: .month, since: DateSpan("2025-03"), until: DateSpan("2025-04")))
        #expect(report.periods.map(\.label) == ["2025-03", "2025-04"])
        #expect(report.overview.postings == 400)
        #expect(report.overview.undated.count == 0)
        #expect(report.overview.undatedExcluded == ReportFixtures.undatedCount)
        #expect(report.notes.contains { $0.contains("undated postings left out") })
    }

    @Test func roleFilterNarrowsSkillsButKeepsMarketShare() throws {
        let report = monthly(ReportOptions(granularity: .quarter, roleID: "generative-ai-engineer"))
        #expect(report.overview.postings == 60)
        #expect(report.roleDemand.rows.map(\.roleID) == ["generative-ai-engineer"])
        #expect(report.roleDemand.rows[0].byPeriod[1].total == 600)
        #expect(report.seedCheck.map(\.roleID) == ["generative-ai-engineer"])
        let python = try #require(report.seedCheck[0].seedSkills.first { $0.skillID == "python" })
        #expect(python.total == 60)
        #expect(python.count == 30)
    }

    @Test func seedCheckListsSeedSkillsAndWhatElseIsAsked() throws {
        let report = monthly()
        let ds = try #require(report.seedCheck.first { $0.roleID == "data-scientist" })
        #expect(Set(ds.seedSkills.map(\.skillID)) == ["sql", "data-visualization"])
        #expect(ds.seedSkills.first { $0.skillID == "data-visualization" }?.count == 0)
        #expect(ds.unlisted.map(\.skillID) == ["large-language-models"])   // odd rows: no Python
        #expect(!report.seedCheck.contains { $0.roleID == "data-analyst" })   // adjacent roles have no seeds to check
    }

    @Test func automaticGranularityPicksTheFinestSolidGrouping() {
        #expect(monthly(ReportOptions()).granularity == .month)
        #expect(monthly(ReportOptions(minimumPeriodPostings: 500)).granularity == .quarter)
        #expect(monthly(ReportOptions(minimumPeriodPostings: 5000)).granularity == .year)
    }

    @Test func attributesGiveMedianSalaryWithItsCount() throws {
        let records = ReportFixtures.snapshotRecords()
        let report = TrendReport(records: records, taxonomy: taxonomy, options: ReportOptions(granularity: .quarter))
        let all = try #require(report.attributes.groups.first)
        #expect(all.key == "all")
        let salaries = records.filter { !$0.isRepost }.compactMap { $0.attributes.salary?.annualMidpoint }.sorted()
        #expect(all.salary?.count == salaries.count)
        #expect(all.salary?.median == AttributeSummary.quantile(salaries, 0.5))
        let stated = records.filter { !$0.isRepost && $0.attributes.workplace != nil }
        #expect(all.workplaceStated.count == stated.count)
        #expect(all.remote.count == stated.filter { $0.attributes.workplace == .remote }.count)
        #expect(report.attributes.domains.first?.id == "healthcare")
        let healthcare = try #require(report.attributes.domains.first)
        let inScope = records.filter { !$0.isRepost }
        #expect(healthcare.overall.count == inScope.filter { $0.attributes.domains.contains("healthcare") }.count)
        let ds = try #require(healthcare.byRole.first { $0.roleID == "data-scientist" })
        let dsPostings = inScope.filter { $0.roleID == "data-scientist" }
        #expect(ds.total == dsPostings.count)
        #expect(ds.count == dsPostings.filter { $0.attributes.domains.contains("healthcare") }.count)
    }

    @Test func emptyStoreGivesAReportThatSaysSo() {
        let report = TrendReport(records: [], taxonomy: taxonomy)
        #expect(report.overview.postings == 0)
        #expect(report.trends == nil)
        #expect(report.notes.contains { $0.contains("No postings") })
        #expect(!TerminalReportRenderer().render(report).isEmpty)
        #expect(!HTMLReportRenderer().render(report).isEmpty)
    }

    @Test func jsonCarriesEveryFigureAndRoundTrips() throws {
        let report = monthly()
        let text = try JSONReportRenderer().render(report)
        let decoded = try JSONDecoder().decode(TrendReport.self, from: Data(text.utf8))
        #expect(decoded == report)
    }

    @Test func csvSectionsAreTidyTables() throws {
        let report = monthly()
        let skills = try CSVReportRenderer().table("skill-periods", of: report)
        let lines = skills.split(separator: "\n")
        #expect(lines.first == "skill_id,skill,period,count,total,share,change,lower,upper")
        #expect(lines.contains("large-language-models,Large language models,2025-06,80,200,0.4,0.07,0.334606,0.469163"))
        #expect(throws: ReportError.self) { try CSVReportRenderer().table("nope", of: report) }
        // The whole report is one long table: a section column, then every section's columns.
        let all = CSVReportRenderer().render(report).split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        let header = all.first!.split(separator: ",", omittingEmptySubsequences: false)
        #expect(header.first == "section")
        let sections = Set(all.dropFirst().map { $0.split(separator: ",").first.map(String.init) ?? "" })
        for section in CSVReportRenderer.sections {
            let rows = try CSVReportRenderer().table(section, of: report).split(separator: "\n").count - 1
            #expect(sections.contains(section) == (rows > 0), "\(section)")
        }
    }
}
