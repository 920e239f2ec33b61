import Foundation

/// The report as Markdown (GitHub-flavoured tables), for a wiki page, an issue or a pull request.
public struct MarkdownReportRenderer: Sendable {
    /// At most this many periods get their own column in the per-period tables (the latest ones).
    public var maxPeriodColumns: Int

    public init(maxPeriodColumns: Int = 12) {
        self.maxPeriodColumns = maxPeriodColumns
    }

    /// The whole report.
    public func render(_ report: TrendReport) -> String {
        var parts = [header(report), overview(report), roleDemand(report), skillDemand(report), skillsByRole(report),
                     clusters(report)]
        parts.append(seriesTrends(report))
        if !report.aiShare.rows.isEmpty { parts.append(aiShare(report)) }
        if report.showsEndpointComparison, let trends = report.trends { parts.append(self.trends(trends, report)) }
        parts += [seedCheck(report), attributes(report)]
        if !report.notes.isEmpty {
            parts.append("## Notes\n\n" + report.notes.map { "- " + Self.escape($0) }.joined(separator: "\n"))
        }
        return parts.joined(separator: "\n\n") + "\n"
    }

    private func header(_ report: TrendReport) -> String {
        let line = FigureFormat.scope(report, range: " to ").joined(separator: ", ")
        return "# Demand for generative-AI roles and skills\n\n" + line + "."
    }

    private func overview(_ report: TrendReport) -> String {
        let o = report.overview
        var rows: [[String]] = []
        rows.append(["Postings", FigureFormat.count(o.postings)
                     + (o.counting == .active ? " posting-\(report.granularity.rawValue)s from \(FigureFormat.count(o.distinctPostings, "posting"))" : "")
                     + (o.repostsExcluded > 0 ? " (\(FigureFormat.count(o.repostsExcluded, "repost")) left out)" : "")])
        rows.append(["Sources", "\(FigureFormat.count(o.sourceFiles)) files: "
                     + o.formats.map { "\($0.name) \(FigureFormat.count($0.count))" }.joined(separator: ", ")])
        if let first = o.firstDate, let last = o.lastDate {
            rows.append(["Date range", "\(first) to \(last): \(FigureFormat.datedCoverage(o))"])
        }
        rows.append(["Undated", "\(FigureFormat.count(o.undated.count)) (\(FigureFormat.percent(o.undated.share)))"])
        rows.append(["Documented roles", FigureFormat.percent(o.documented.share)])
        rows.append(["Adjacent roles", FigureFormat.percent(o.adjacent.share)])
        rows.append(["Other (no role)", FigureFormat.percent(o.other.share)])
        rows.append(["Emerging roles", FigureFormat.percent(o.emerging.share)])
        rows.append(["With a known skill", FigureFormat.percent(o.withSkills.share)])
        if let c = o.meanConfidence { rows.append(["Mean role confidence", String(format: "%.2f", c)]) }
        return "## Overview\n\n" + table(["", "Value"], rows, right: [1])
    }

    /// The last `maxPeriodColumns` periods, with the rows' matching cells.
    private func periodWindow(_ report: TrendReport) -> [ReportPeriod] {
        Array(report.periods.suffix(maxPeriodColumns))
    }

    private func periodCells(_ series: [PeriodShare], _ window: [ReportPeriod]) -> [String] {
        let byLabel = Dictionary(series.map { ($0.period, $0) }, uniquingKeysWith: { a, _ in a })
        return window.map { period in
            guard let cell = byLabel[period.label], cell.total > 0 else { return "–" }
            return FigureFormat.percent(cell.share)
        }
    }

    private func roleDemand(_ report: TrendReport) -> String {
        let window = periodWindow(report)
        let hasUndated = report.roleDemand.rows.contains { $0.undated.total > 0 }
        var headers = ["Role", "Postings", "Share"] + window.map(FigureFormat.periodLabel)
        if hasUndated { headers.append("Undated") }
        headers.append("Change, last period")
        var rows: [[String]] = []
        for row in report.roleDemand.rows where row.overall.count > 0 || row.group == .documented {
            var name = row.name
            if row.emerging { name += " ★" }
            if row.isNew { name += " (new since \(row.firstSeen ?? "?"))" }
            var cells = [name, FigureFormat.count(row.overall.count), FigureFormat.percent(row.overall.share)]
            cells += periodCells(row.byPeriod, window)
            if hasUndated { cells.append(FigureFormat.percent(row.undated.share)) }
            cells.append(row.byPeriod.last?.change.map(FigureFormat.points) ?? "–")
            rows.append(cells)
        }
        let totals = ["Postings in period", FigureFormat.count(report.overview.postings), ""]
            + window.map { FigureFormat.count($0.postings) } + (hasUndated ? [FigureFormat.count(report.overview.undated.count)] : []) + [""]
        rows.append(totals)
        var out = "## Role demand by \(report.granularity.rawValue)\n\nShare of each period's postings. "
            + "★ emerging role; † thin period (fewer than \(report.options.minimumPeriodPostings) postings)."
        if report.periods.count > window.count {
            out += " Showing the last \(window.count) of \(report.periods.count) periods."
        }
        return out + "\n\n" + table(headers, rows, right: Array(1..<headers.count))
    }

    private func skillDemand(_ report: TrendReport) -> String {
        let demand = report.skillDemand
        var rows: [[String]] = []
        for row in demand.skills.prefix(report.options.topCount) {
            let asked = row.overall.count
            rows.append([row.name + (row.fromSeeds ? "" : " ◦"), row.category.displayName, FigureFormat.count(asked),
                         FigureFormat.percent(row.overall.share),
                         FigureFormat.percent(Proportion(count: row.required, total: asked).share),
                         FigureFormat.percent(Proportion(count: row.preferred, total: asked).share),
                         FigureFormat.sparkline(FigureFormat.sparkShares(row.byPeriod))])
        }
        return "## Skill demand\n\nTop \(rows.count) of \(demand.skills.count) skills by share of postings; "
            + "required and preferred are shares of the postings asking for the skill. ◦ not listed in the seeds.\n\n"
            + table(["Skill", "Category", "Postings", "Share", "Required", "Preferred", "Trend"], rows, right: [2, 3, 4, 5])
    }

    private func skillsByRole(_ report: TrendReport) -> String {
        let demand = report.skillDemand
        let hasOther = demand.roleColumns.contains(nil)
        let roles = Array(demand.roleColumnsOtherLast.dropLast(hasOther ? 1 : 0).prefix(hasOther ? 5 : 6)) + (hasOther ? [nil] : [])
        let names = Dictionary(report.roleDemand.rows.map { ($0.roleID ?? "", $0.name) }, uniquingKeysWith: { a, _ in a })
        let headers = ["Skill"] + roles.map { names[$0 ?? ""] ?? ($0 ?? "Other") }
        let rows = demand.skills.prefix(report.options.topCount).map { row in
            [row.name] + roles.map { id in
                row.byRole.first { $0.roleID == id }.map { FigureFormat.percent($0.share) } ?? "–"
            }
        }
        return "## Skills per role\n\nShare of each role's postings asking for the skill (the roles with most postings; Other last).\n\n"
            + table(headers, rows, right: Array(1..<headers.count))
    }

    private func clusters(_ report: TrendReport) -> String {
        let window = periodWindow(report)
        let rows = report.skillDemand.categories.filter { $0.overall.count > 0 }.map { row in
            [row.name, FigureFormat.percent(row.overall.share)] + periodCells(row.byPeriod, window)
        }
        let headers = ["Cluster", "Overall"] + window.map(FigureFormat.periodLabel)
        return "## Skill clusters\n\nShare of postings asking for at least one skill of the cluster.\n\n"
            + table(headers, rows, right: Array(1..<headers.count))
    }

    private func trends(_ trends: TrendComparison, _ report: TrendReport) -> String {
        let a = trends.baseline, b = trends.current
        var out = "## Rising and falling: \(a.label) → \(b.label)\n\n"
            + "\(FigureFormat.count(a.postings)) postings in \(a.label) against \(FigureFormat.count(b.postings)) in \(b.label). "
            + "Two-proportion z-test; a change is **significant** when its Benjamini–Hochberg q-value is below "
            + "\(report.options.alpha) and at least \(report.options.minimumSupport) postings of the two spans have the item."
        if let warning = trends.sourceWarning { out += "\n\n**Mixed sources:** " + warning + "." }
        for list in TrendSection(trends, limit: report.options.topCount).lists {
            let title = list.title, rows = list.rows, untested = list.untested
            let note = untested > 0
                ? "\n\n\(untested) more rest on fewer than \(report.options.minimumSupport) postings and are not tested." : ""
            guard !rows.isEmpty else {
                if untested > 0 { out += "\n\n### \(title)" + note }
                continue
            }
            let cells = rows.map { row in
                [row.name, FigureFormat.percent(row.baseline.share), FigureFormat.percent(row.current.share),
                 FigureFormat.points(row.change), FigureFormat.pValue(row.pValue),
                 row.qValue.map(FigureFormat.pValue) ?? "–",
                 row.significant ? "**\(row.verdict)**" : row.verdict]
            }
            out += "\n\n### \(title)\n\n" + table(["", a.label, b.label, "Change", "p", "q", ""], cells, right: [1, 2, 3, 4, 5]) + note
        }
        return out
    }

    private func seriesTrends(_ report: TrendReport) -> String {
        let t = report.seriesTrends
        let g = report.granularity.rawValue
        var out = "## Trends over the whole series\n\nCochran–Armitage test for trend over the \(t.testedPeriods.count) "
            + "\(g)s with at least \(report.options.minimumPeriodPostings) postings; **rising** or **falling** when the "
            + "Benjamini–Hochberg q-value is below \(report.options.alpha) and at least \(report.options.minimumSupport) "
            + "postings of those \(g)s have the item. Odds: the logistic-regression odds ratio per \(g), with its 95% interval."
        out += "\n\n" + (t.sources.warning.map { "**Mixed sources:** " + $0 + "." }
            ?? "Sources: \(FigureFormat.count(t.sources.collectionCount, "collection")), comparable across periods (largest mix shift \(FigureFormat.percent(t.sources.largestShift))).")
        guard t.testedPeriods.count >= 2, let first = t.testedPeriods.first, let last = t.testedPeriods.last else {
            return out + "\n\nFewer than two periods hold enough postings: nothing tested."
        }
        for (title, rows) in t.tables {
            let cells = rows.prefix(report.options.topCount).map { row in
                [row.name, FigureFormat.percent(row.first.share), FigureFormat.percent(row.last.share),
                 FigureFormat.oddsRatio(row.test, per: report.granularity), FigureFormat.score(row.test.z),
                 FigureFormat.pValue(row.test.pValue), row.qValue.map(FigureFormat.pValue) ?? "–",
                 row.significant ? "**\(row.verdict)**" : row.verdict]
            }
            out += "\n\n### \(title)\n\n" + table(["", first, last, "Odds per \(g) [95% CI]", "z", "p", "q", ""], cells,
                                                  right: [1, 2, 3, 4, 5, 6])
        }
        return out
    }

    private func aiShare(_ report: TrendReport) -> String {
        let tests = Dictionary(report.seriesTrends.aiShare.map { ($0.id, $0) }, uniquingKeysWith: { x, _ in x })
        let window = periodWindow(report)
        let rows = report.aiShare.rows.map { row -> [String] in
            let test = tests[row.roleID ?? "other"]
            return [row.name, FigureFormat.share(row.overall)] + periodCells(row.byPeriod, window)
                + [test?.qValue.map(FigureFormat.pValue) ?? "–", test?.verdict ?? "–"]
        }
        let headers = ["Occupation", "AI share"] + window.map(FigureFormat.periodLabel) + ["q", "Trend"]
        return "## AI share of each occupation\n\nShare of each role's postings that use AI, build ML or build generative AI "
            + "(of the \(FigureFormat.count(report.aiShare.withSignal.count, "posting")) with the AI-involvement signal).\n\n"
            + table(headers, rows, right: Array(1..<(headers.count - 1)))
    }

    private func seedCheck(_ report: TrendReport) -> String {
        var out = "## Seed check\n\nFor each documented role: the skills the seed articles list, with the share of the role's postings asking for each, and the most-asked skills the seeds do not mention."
        let rows = report.seedCheck.map { check -> [String] in
            let seeds = check.seedSkills.map { "\($0.name) \(FigureFormat.percent($0.share))" }.joined(separator: ", ")
            let unlisted = check.unlisted.prefix(6).map { "\($0.name) \(FigureFormat.percent($0.share))" }
                .joined(separator: ", ")
            return [check.name, FigureFormat.count(check.postings),
                    check.postings == 0 ? "–" : (seeds.isEmpty ? "–" : seeds),
                    check.postings == 0 ? "–" : (unlisted.isEmpty ? "–" : unlisted)]
        }
        out += "\n\n" + table(["Role", "Postings", "Seeds list", "Also asked (not in seeds)"], rows, right: [1])
        return out
    }

    private func attributes(_ report: TrendReport) -> String {
        func levels(_ b: AttributeSummary.Breakdown) -> String {
            b.levels.isEmpty ? "–" : b.levels.map { "\($0.name) \(FigureFormat.percent($0.share))" }.joined(separator: ", ")
                + " (of \(FigureFormat.count(b.stated.count)))"
        }
        let rows = report.attributes.groups.map { g -> [String] in
            [g.name, FigureFormat.count(g.postings),
             g.workplaceStated.count > 0 ? "\(FigureFormat.percent(g.remote.share)) of \(g.workplaceStated.count)" : "–",
             levels(g.education), levels(g.seniority),
             g.medianYearsExperience.map { String(format: "%.0f (%d)", $0, g.yearsExperienceStated) } ?? "–",
             g.salary.map { "\(FigureFormat.money($0.median, currency: $0.currency)) (\($0.count))" } ?? "–"]
        }
        var out = "## Attributes\n\nRemote: share of the postings that state a workplace. Education and seniority: shares of the postings stating a level. "
            + "Salary: median yearly midpoint in the most common currency, with the number of postings it rests on.\n\n"
            + table(["Group", "Postings", "Remote", "Education", "Seniority", "Median years (n)", "Median salary (n)"],
                    rows, right: [1, 2])
        if !report.attributes.domains.isEmpty {
            let domainRows = report.attributes.domains.map {
                [$0.name, FigureFormat.count($0.overall.count), FigureFormat.percent($0.overall.share)]
            }
            out += "\n\n### Application domains\n\n" + table(["Domain", "Postings", "Share"], domainRows, right: [1, 2])
        }
        return out
    }

    private func table(_ headers: [String], _ rows: [[String]], right: [Int] = []) -> String {
        func escape(_ cell: String) -> String { Self.escape(cell).replacingOccurrences(of: "|", with: "\\|") }
        var lines = ["| " + headers.map(escape).joined(separator: " | ") + " |"]
        lines.append("|" + headers.indices.map { right.contains($0) ? " ---: " : " --- " }.joined(separator: "|") + "|")
        for row in rows { lines.append("| " + row.map(escape).joined(separator: " | ") + " |") }
        return lines.joined(separator: "\n")
    }

    /// Text from the data (taxonomy names, labels) made inert in Markdown: no raw HTML (a `<` that could open a
    /// tag, `>`, and an entity's `&` as entities), no link or code syntax (backslash escapes), no control
    /// characters, one line. Emphasis is harmless and the renderer's own (a significant verdict in bold), so `*`
    /// and `_` stay.
    static func escape(_ text: String) -> String {
        var out = ""
        let characters = Array(TerminalText.clean(text))
        for (i, ch) in characters.enumerated() {
            switch ch {
            // Only an "&" that could start an entity ("&lt;", "&#60;"): "Ethics & governance" stays as it reads.
            case "&" where i + 1 < characters.count && (characters[i + 1].isLetter || characters[i + 1] == "#"):
                out += "&amp;"
            // Only a "<" that could open a tag, comment or instruction: "<0.1%" stays as it reads.
            case "<" where i + 1 < characters.count
                && (characters[i + 1].isLetter || "/!?".contains(characters[i + 1])):
                out += "&lt;"
            case ">": out += "&gt;"
            case "\\", "`", "[", "]": out += "\\" + String(ch)
            case "\n", "\t": out += " "
            default: out.append(ch)
            }
        }
        return out
    }
}
