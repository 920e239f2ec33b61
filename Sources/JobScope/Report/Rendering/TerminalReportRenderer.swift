import Foundation

/// The report as aligned text for a terminal: tables, share bars, sparklines; colour only when asked.
public struct TerminalReportRenderer: Sendable {
    /// Add ANSI colour (the CLI asks only when writing to a terminal and `NO_COLOR` is unset).
    public var colour: Bool

    public init(colour: Bool = false) {
        self.colour = colour
    }

    /// The whole report.
    public func render(_ report: TrendReport) -> String {
        var parts = [header(report), overview(report), roleDemand(report), skillDemand(report),
                     skillsByRole(report), clusters(report)]
        parts.append(seriesTrends(report))
        if !report.aiShare.rows.isEmpty { parts.append(aiShare(report)) }
        if report.showsEndpointComparison, let trends = report.trends { parts.append(self.trends(trends, report)) }
        parts.append(seedCheck(report))
        parts.append(attributes(report))
        if !report.notes.isEmpty {
            parts.append(heading("Notes") + "\n" + report.notes.map { "  • " + $0 }.joined(separator: "\n"))
        }
        // Names come from data (the taxonomy): no escape sequence of theirs reaches the terminal, only colour.
        return TerminalText.clean(parts.joined(separator: "\n\n") + "\n", keepingColour: colour)
    }

    // MARK: sections

    private func header(_ report: TrendReport) -> String {
        let line = FigureFormat.scope(report, range: " → ").joined(separator: " · ")
        return paint("JobScope — demand for generative-AI roles and skills", { $0.bold }) + "\n" + dim(line)
    }

    private func overview(_ report: TrendReport) -> String {
        let o = report.overview
        var rows: [(String, String)] = []
        var postings = FigureFormat.count(o.postings)
        if o.counting == .active {
            postings = "\(FigureFormat.count(o.postings)) posting-\(report.granularity.rawValue)s from \(FigureFormat.count(o.distinctPostings, "posting"))"
        }
        if o.repostsExcluded > 0 { postings += " (\(FigureFormat.count(o.repostsExcluded, "repost")) left out)" }
        rows.append(("Postings", postings))
        let formats = o.formats.map { "\($0.name) \(FigureFormat.count($0.count))" }.joined(separator: " · ")
        rows.append(("Sources", "\(FigureFormat.count(o.sourceFiles)) files — \(formats)"))
        var dates = "none dated"
        if let first = o.firstDate, let last = o.lastDate { dates = "\(first) → \(last): \(FigureFormat.datedCoverage(o))" }
        dates += " · undated \(FigureFormat.count(o.undated.count)) (\(FigureFormat.percent(o.undated.share)))"
        rows.append(("Dates", dates))
        rows.append(("Roles", "documented \(FigureFormat.percent(o.documented.share)) · adjacent "
                     + "\(FigureFormat.percent(o.adjacent.share)) · other \(FigureFormat.percent(o.other.share))"
                     + " · emerging \(FigureFormat.percent(o.emerging.share))"))
        var skills = "\(FigureFormat.percent(o.withSkills.share)) ask for at least one known skill"
        if let confidence = o.meanConfidence { skills += " · mean role confidence \(String(format: "%.2f", confidence))" }
        rows.append(("Skills", skills))
        let width = rows.map(\.0.count).max() ?? 0
        return heading("Overview") + "\n"
            + rows.map { "  " + $0.0.padding(toLength: width + 2, withPad: " ", startingAt: 0) + $0.1 }
                .joined(separator: "\n")
    }

    private func roleDemand(_ report: TrendReport) -> String {
        let last = report.periods.last
        let undated = report.overview.undated.count > 0
        var table = TextTable([.init("Role"), .init("Postings", .right), .init("Share", .right), .init(""),
                               .init("Trend"), .init(last.map(FigureFormat.periodLabel) ?? "Last", .right),
                               .init("vs prev", .right)] + (undated ? [.init("Undated", .right)] : []))
        let rows = report.roleDemand.rows.filter { $0.overall.count > 0 || $0.group == .documented }
        let top = rows.map(\.overall.share).max() ?? 0
        for row in rows {
            let lastShare = row.byPeriod.last
            var name = row.name
            if row.emerging { name += " ★" }
            if row.isNew { name += " (new)" }
            table.add([name, FigureFormat.count(row.overall.count), FigureFormat.percent(row.overall.share),
                       FigureFormat.bar(row.overall.share, scale: top, width: 10),
                       FigureFormat.sparkline(FigureFormat.sparkShares(row.byPeriod)),
                       lastShare.map { $0.total > 0 ? FigureFormat.percent($0.share) : "–" } ?? "–",
                       lastShare?.change.map(FigureFormat.points) ?? "–"]
                      + (undated ? [FigureFormat.percent(row.undated.share)] : []))
        }
        table.style = { row, column, text in
            if row < 0 { return dim(text) }
            if column == 3 { return paint(text) { $0.cyan } }
            if column == 6 { return trendColour(text) }
            return text
        }
        var out = heading("Role demand by \(report.granularity.rawValue)") + "  "
            + dim("share of postings · ★ emerging role · † thin period") + "\n" + table.render()
        let callouts = emergingCallouts(report)
        if !callouts.isEmpty { out += "\n\n" + callouts.map { "  " + $0 }.joined(separator: "\n") }
        return out
    }

    private func emergingCallouts(_ report: TrendReport) -> [String] {
        report.roleDemand.emergingRows.map { row in
            let populated = row.byPeriod.filter { $0.total > 0 }
            var text = "★ \(row.name): " + (row.overall.count == 0 ? "no postings" : FigureFormat.count(row.overall.count, "posting"))
            if row.overall.count > 0, let first = populated.first, let last = populated.last, populated.count > 1 {
                text += ", \(FigureFormat.percent(first.share)) in \(first.period) → \(FigureFormat.percent(last.share)) in \(last.period)"
            }
            if let seen = row.firstSeen { text += row.isNew ? "; new since \(seen)" : "; present since \(seen)" }
            return text
        }
    }

    private func skillDemand(_ report: TrendReport) -> String {
        let demand = report.skillDemand
        let shown = demand.skills.prefix(report.options.topCount)
        var table = TextTable([.init("Skill"), .init("Category"), .init("Postings", .right), .init("Share", .right),
                               .init(""), .init("Required", .right), .init("Preferred", .right), .init("Trend")])
        let top = shown.first?.overall.share ?? 0
        for row in shown {
            let asked = row.overall.count
            table.add([row.name + (row.fromSeeds ? "" : " ◦"), row.category.displayName,
                       FigureFormat.count(asked), FigureFormat.percent(row.overall.share),
                       FigureFormat.bar(row.overall.share, scale: top, width: 10),
                       FigureFormat.percent(Proportion(count: row.required, total: asked).share),
                       FigureFormat.percent(Proportion(count: row.preferred, total: asked).share),
                       FigureFormat.sparkline(FigureFormat.sparkShares(row.byPeriod))])
        }
        table.style = { row, column, text in
            if row < 0 { return dim(text) }
            return column == 4 ? paint(text) { $0.cyan } : text
        }
        return heading("Skill demand") + "  "
            + dim("top \(shown.count) of \(demand.skills.count) skills · share of postings · required/preferred: of postings asking · ◦ not in the seeds")
            + "\n" + table.render()
    }

    /// The most-asked skills of each role with postings (most postings first, Other last).
    private func skillsByRole(_ report: TrendReport) -> String {
        let demand = report.skillDemand
        let columns = demand.roleColumnsOtherLast
        var out = heading("Top skills per role") + "  " + dim("share of each role's postings asking for the skill")
        for (index, role) in columns.enumerated() {
            let ranked = demand.skills.compactMap { row -> (String, RoleShare)? in
                guard let share = row.byRole.first(where: { $0.roleID == role }), share.count > 0 else { return nil }
                return (row.name, share)
            }.sorted { $0.1.count != $1.1.count ? $0.1.count > $1.1.count : $0.0 < $1.0 }
            guard let total = ranked.first?.1.total else { continue }
            let name = report.roleDemand.rows.first { $0.roleID == role }?.name ?? (role ?? "Other")
            let list = ranked.prefix(6).map { "\($0.0) \(FigureFormat.percent($0.1.share))" }.joined(separator: " · ")
            out += "\n  " + paint(name) { $0.bold } + dim(" (\(FigureFormat.count(total, "posting")))")
            out += "\n" + wrap(list, indent: 4, hanging: 4)
            if index >= 11 { break }
        }
        return out
    }

    private func clusters(_ report: TrendReport) -> String {
        let last = report.periods.last { $0.postings > 0 }
        let populated = report.periods.filter { $0.postings > 0 }
        // First and last populated periods; just one column when there is only one.
        let first = populated.count > 1 ? populated.first : nil
        var columns: [TextTable.Column] = [.init("Cluster"), .init("Share", .right), .init(""), .init("Trend")]
        if let first { columns.append(.init(FigureFormat.periodLabel(first), .right)) }
        columns.append(.init(last.map(FigureFormat.periodLabel) ?? "Last", .right))
        var table = TextTable(columns)
        func share(_ row: SkillDemand.CategoryRow, _ period: ReportPeriod?) -> String {
            guard let period, let cell = row.byPeriod.first(where: { $0.period == period.label }) else { return "–" }
            return FigureFormat.percent(cell.share)
        }
        for row in report.skillDemand.categories where row.overall.count > 0 {
            table.add([row.name, FigureFormat.percent(row.overall.share), FigureFormat.bar(row.overall.share, width: 10),
                       FigureFormat.sparkline(FigureFormat.sparkShares(row.byPeriod))]
                      + (first != nil ? [share(row, first)] : []) + [share(row, last)])
        }
        table.style = { row, column, text in
            if row < 0 { return dim(text) }
            return column == 2 ? paint(text) { $0.cyan } : text
        }
        return heading("Skill clusters") + "  " + dim("share of postings asking for at least one skill of the cluster")
            + "\n" + table.render()
    }

    private func trends(_ trends: TrendComparison, _ report: TrendReport) -> String {
        let a = trends.baseline, b = trends.current
        var out = heading("Rising and falling: \(a.label) → \(b.label)") + "  "
            + dim("n = \(FigureFormat.count(a.postings)) vs \(FigureFormat.count(b.postings)) · two-proportion z-test, "
                  + "significant = q < \(report.options.alpha) (Benjamini–Hochberg) with ≥ \(report.options.minimumSupport) postings")
        if let warning = trends.sourceWarning { out += "\n  " + paint("⚠ mixed sources: " + warning) { $0.yellow } }
        for list in TrendSection(trends, limit: report.options.topCount).lists {
            let title = list.title, rows = list.rows, untested = list.untested
            let hidden = untested > 0 ? "  " + dim("+ \(untested) on fewer than \(report.options.minimumSupport) postings, not tested") : ""
            guard !rows.isEmpty else {
                if untested > 0 { out += "\n\n  " + paint(title) { $0.bold } + hidden }
                continue
            }
            var table = TextTable([.init(title), .init(a.label, .right), .init(b.label, .right), .init("Change", .right),
                                   .init("p", .right), .init("q", .right), .init("")])
            for row in rows {
                table.add([row.name, FigureFormat.percent(row.baseline.share), FigureFormat.percent(row.current.share),
                           FigureFormat.points(row.change), FigureFormat.pValue(row.pValue),
                           row.qValue.map(FigureFormat.pValue) ?? "–", row.verdict])
            }
            table.style = { row, column, text in
                if row < 0 { return column == 0 ? paint(text) { $0.bold } : dim(text) }
                if column == 3 { return trendColour(text) }
                if column == 6 { return text.hasPrefix("significant") ? paint(text) { $0.bold } : dim(text) }
                return text
            }
            out += "\n\n" + table.render()
            if list.moreTested > 0 { out += "\n  " + dim("+ \(list.moreTested) more (--top, or --format csv)") }
            if untested > 0 { out += "\n" + hidden }
        }
        return out
    }

    /// Trend tests over every solid period: risers and fallers by the test, families, roles, clusters.
    private func seriesTrends(_ report: TrendReport) -> String {
        let t = report.seriesTrends
        let g = report.granularity.rawValue
        var out = heading("Trends over the whole series") + "  "
            + dim("Cochran–Armitage test over \(t.testedPeriods.count) solid \(g)s"
                  + (t.testedPeriods.count > 1 ? " (\(t.testedPeriods.first!)…\(t.testedPeriods.last!))" : "")
                  + " · rising/falling = q < \(report.options.alpha) (Benjamini–Hochberg) with ≥ \(report.options.minimumSupport) postings"
                  + " · odds ratio per \(g) with 95% interval")
        out += "\n  " + (t.sources.warning.map { paint("⚠ mixed sources: " + $0) { $0.yellow } }
            ?? dim("Sources: \(FigureFormat.count(t.sources.collectionCount, "collection")), comparable across periods (largest mix shift \(FigureFormat.percent(t.sources.largestShift)))"))
        guard t.testedPeriods.count >= 2 else {
            return out + "\n  " + dim("Fewer than two periods hold \(report.options.minimumPeriodPostings) postings: nothing tested.")
        }
        let limit = report.options.topCount
        for (title, rows) in t.tables {
            let shown = Array(rows.prefix(limit))
            var table = TextTable([.init(title), .init(t.testedPeriods.first!, .right), .init(t.testedPeriods.last!, .right),
                                   .init("Odds per \(g) [95% CI]", .right), .init("z", .right), .init("p", .right),
                                   .init("q", .right), .init("")])
            for row in shown {
                table.add([row.name, FigureFormat.percent(row.first.share), FigureFormat.percent(row.last.share),
                           FigureFormat.oddsRatio(row.test, per: report.granularity), FigureFormat.score(row.test.z),
                           FigureFormat.pValue(row.test.pValue), row.qValue.map(FigureFormat.pValue) ?? "–", row.verdict])
            }
            table.style = { r, column, text in
                if r < 0 { return column == 0 ? paint(text) { $0.bold } : dim(text) }
                if column == 7 { return text == "rising" || text == "falling" ? paint(text) { $0.bold } : dim(text) }
                return text
            }
            out += "\n\n" + table.render()
            if rows.count > shown.count { out += "\n  " + dim("+ \(rows.count - shown.count) more (--top, or --format csv)") }
        }
        let untested = t.skills.filter { !$0.supported }.count
        if untested > 0 { out += "\n  " + dim("\(untested) skills on fewer than \(report.options.minimumSupport) postings are not tested.") }
        return out
    }

    /// The share of each occupation's postings that involve AI, per period, with its trend.
    private func aiShare(_ report: TrendReport) -> String {
        let a = report.aiShare
        let tests = Dictionary(report.seriesTrends.aiShare.map { ($0.id, $0) }, uniquingKeysWith: { x, _ in x })
        var table = TextTable([.init("Occupation"), .init("AI share", .right), .init("Trend"),
                               .init("Odds per \(report.granularity.rawValue)", .right), .init("q", .right), .init("")])
        for row in a.rows {
            let test = tests[row.roleID ?? "other"]
            table.add([row.name, FigureFormat.share(row.overall), FigureFormat.sparkline(FigureFormat.sparkShares(row.byPeriod)),
                       test.map { FigureFormat.oddsRatio($0.test, per: report.granularity) } ?? "–",
                       test?.qValue.map(FigureFormat.pValue) ?? "–", test?.verdict ?? "–"])
        }
        table.style = { r, _, text in r < 0 ? dim(text) : text }
        return heading("AI share of each occupation") + "  "
            + dim("postings that use AI, build ML or build generative AI, of the role's \(FigureFormat.count(a.withSignal.count)) postings with the signal")
            + "\n" + table.render()
    }

    private func seedCheck(_ report: TrendReport) -> String {
        var out = heading("Seed check") + "  " + dim("share of each documented role's postings asking for the skills the seeds list")
        for check in report.seedCheck {
            out += "\n  " + paint(check.name) { $0.bold } + dim(" (\(FigureFormat.count(check.postings, "posting")))")
            if check.postings == 0 { out += "\n    no postings"; continue }
            let seeds = check.seedSkills.map { "\($0.name) \(FigureFormat.percent($0.share))" }.joined(separator: " · ")
            let unlisted = check.unlisted.prefix(6).map { "\($0.name) \(FigureFormat.percent($0.share))" }
                .joined(separator: " · ")
            out += "\n" + wrap("seeds list:  " + (seeds.isEmpty ? "–" : seeds), indent: 4, hanging: 17)
            out += "\n" + wrap("also asked:  " + (unlisted.isEmpty ? "–" : unlisted), indent: 4, hanging: 17)
        }
        return out
    }

    private func attributes(_ report: TrendReport) -> String {
        var table = TextTable([.init("Group"), .init("Postings", .right), .init("Remote", .right),
                               .init("Top education"), .init("Top seniority"), .init("Yrs exp", .right),
                               .init("Median salary (n)", .right)])
        for group in report.attributes.groups {
            let remote = group.workplaceStated.count > 0 ? FigureFormat.share(group.remote) : "–"
            func top(_ breakdown: AttributeSummary.Breakdown) -> String {
                guard let best = breakdown.levels.max(by: { $0.count < $1.count }) else { return "–" }
                return "\(best.name) \(FigureFormat.percent(best.share)) of \(FigureFormat.count(breakdown.stated.count))"
            }
            let salary = group.salary.map { "\(FigureFormat.money($0.median, currency: $0.currency)) (\($0.count))" } ?? "–"
            let years = group.medianYearsExperience.map { String(format: "%.0f", $0) } ?? "–"
            table.add([group.name, FigureFormat.count(group.postings), remote, top(group.education),
                       top(group.seniority), years, salary])
        }
        table.style = { row, _, text in row < 0 ? dim(text) : text }
        var out = heading("Attributes") + "  "
            + dim("remote: of postings stating a workplace · levels: of postings stating one · salary: yearly midpoint")
            + "\n" + table.render()
        if !report.attributes.domains.isEmpty {
            out += "\n\n  Domains: " + report.attributes.domains.prefix(8)
                .map { "\($0.name) \(FigureFormat.percent($0.overall.share))" }.joined(separator: " · ")
        }
        return out
    }

    /// Wraps `text` at `width` columns on " · " separators, continuing lines at column `hanging`.
    private func wrap(_ text: String, indent: Int, hanging: Int, width: Int = 110) -> String {
        var lines: [String] = []
        var line = String(repeating: " ", count: indent)
        for (index, piece) in text.components(separatedBy: " · ").enumerated() {
            let addition = index == 0 ? piece : " · " + piece
            if index > 0 && line.count + addition.count > width {
                lines.append(line + " ·")
                line = String(repeating: " ", count: hanging) + piece
            } else {
                line += addition
            }
        }
        lines.append(line)
        return lines.joined(separator: "\n")
    }

    // MARK: styling

    private func heading(_ text: String) -> String { paint(text.uppercased()) { $0.bold.underline } }

    private func dim(_ text: String) -> String { paint(text) { $0.dim } }

    private func trendColour(_ text: String) -> String {
        if text.hasPrefix("+") { return paint(text) { $0.green } }
        if text.hasPrefix("−") { return paint(text) { $0.red } }
        return text
    }

    private func paint(_ text: String, _ style: (String) -> String) -> String { colour ? style(text) : text }
}

// ANSI SGR styles written here rather than through Rainbow, whose output follows one process-wide switch set from
// whether standard output is a terminal: a renderer asked for colour gives colour (`report --colour` piped to
// `less -R`), and one not asked gives none, whatever the process's output is.
extension String {
    fileprivate func sgr(_ code: Int) -> String { "\u{1B}[\(code)m" + self + "\u{1B}[0m" }
    fileprivate var bold: String { sgr(1) }
    fileprivate var dim: String { sgr(2) }
    fileprivate var underline: String { sgr(4) }
    fileprivate var red: String { sgr(31) }
    fileprivate var green: String { sgr(32) }
    fileprivate var yellow: String { sgr(33) }
    fileprivate var cyan: String { sgr(36) }
}
