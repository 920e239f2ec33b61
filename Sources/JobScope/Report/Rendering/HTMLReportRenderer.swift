import Foundation

/// The report as one self-contained HTML page (well-formed XHTML syntax): inline CSS and SVG charts,
/// no scripts, no external assets, laid out to print on A4 or Letter.
public struct HTMLReportRenderer: Sendable {
    /// Most lines drawn in a line chart.
    public var maxLines: Int
    /// Most roles in the skill × role heatmap.
    public var maxHeatmapRoles: Int

    public init(maxLines: Int = 8, maxHeatmapRoles: Int = 8) {
        self.maxLines = maxLines
        self.maxHeatmapRoles = maxHeatmapRoles
    }

    private func e(_ text: String) -> String { SVGChart.escape(text) }

    /// The whole page.
    public func render(_ report: TrendReport) -> String {
        var body = header(report) + keyFigures(report)
        if !report.notes.isEmpty {
            body += "<aside class=\"notes\"><h2>Read with care</h2><ul>"
                + report.notes.map { "<li>\(e($0))</li>" }.joined() + "</ul></aside>"
        }
        body += roleSection(report) + skillSection(report) + heatmapSection(report) + trendSection(report)
            + seedSection(report) + attributeSection(report) + methodSection(report)
        return "<!DOCTYPE html>\n<html lang=\"en\" xmlns=\"http://www.w3.org/1999/xhtml\"><head><meta charset=\"utf-8\"/>"
            + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>"
            + "<title>JobScope demand report</title><style>\(Self.css)</style></head><body><main>"
            + body + "</main></body></html>\n"
    }

    // MARK: sections

    private func header(_ report: TrendReport) -> String {
        let line = FigureFormat.scope(report, range: " to ").joined(separator: " · ")
        return "<header><h1>Demand for generative-AI roles and skills</h1><p class=\"sub\">\(e(line))</p></header>"
    }

    private func keyFigures(_ report: TrendReport) -> String {
        let o = report.overview
        var cards: [(String, String, String)] = [
            ("Postings", FigureFormat.count(o.postings),
             o.repostsExcluded > 0 ? "\(FigureFormat.count(o.repostsExcluded, "repost")) left out" : "after duplicates"),
            ("In documented roles", FigureFormat.percent(o.documented.share),
             "adjacent \(FigureFormat.percent(o.adjacent.share)) · other \(FigureFormat.percent(o.other.share))"),
            ("Emerging roles", FigureFormat.percent(o.emerging.share), "Generative AI Engineer, AI Model Trainer, NLP Specialist"),
            ("Undated", FigureFormat.count(o.undated.count), "\(FigureFormat.percent(o.undated.share)) of postings, own bucket"),
        ]
        if let riser = report.trends?.risingSkills.first(where: \.significant), let t = report.trends {
            cards.append(("Fastest riser", riser.name,
                          "\(FigureFormat.percent(riser.baseline.share)) → \(FigureFormat.percent(riser.current.share)), \(t.baseline.label) to \(t.current.label)"))
        }
        cards.append(("Sources", FigureFormat.count(o.sourceFiles) + " files",
                      o.formats.prefix(6).map { "\($0.name) \(FigureFormat.count($0.count))" }.joined(separator: " · ")))
        return "<section class=\"cards\">" + cards.map {
            "<div class=\"card\"><div class=\"k\">\(e($0.0))</div><div class=\"v\">\(e($0.1))</div><div class=\"d\">\(e($0.2))</div></div>"
        }.joined() + "</section>"
    }

    private func roleSection(_ report: TrendReport) -> String {
        var out = "<section><h2>Role demand by \(report.granularity.rawValue)</h2>"
        let rows = report.roleDemand.rows.filter { $0.overall.count > 0 }
        let labels = report.periods.map(\.label)
        if labels.count >= 1 && !rows.isEmpty {
            var chosen = Array(rows.filter { $0.group != .other }.sorted { $0.overall.count > $1.overall.count }.prefix(maxLines))
            for row in rows where row.emerging && !chosen.contains(row) {
                chosen.removeLast(chosen.count >= maxLines ? 1 : 0)
                chosen.append(row)
            }
            let series = chosen.map { row in
                SVGChart.Series(name: row.name + (row.emerging ? " ★" : ""),
                                values: row.byPeriod.map { $0.total > 0 ? $0.share : nil })
            }
            let shaded = Set(report.periods.indices.filter { report.periods[$0].isThin })
            out += "<figure>" + SVGChart.lines(title: "Share of postings per role", labels: labels, series: series, shaded: shaded)
                + "<figcaption>Share of each \(report.granularity.rawValue)'s postings by role (★ emerging). "
                + "Hatched: thin periods (fewer than \(report.options.minimumPeriodPostings) postings).</figcaption></figure>"
        } else {
            out += "<p class=\"empty\">No dated postings: role shares over time cannot be drawn.</p>"
        }
        let window = Array(report.periods.suffix(8))
        var table = "<table><thead><tr><th>Role</th><th class=\"n\">Postings</th><th class=\"n\">Share</th>"
            + window.map { "<th class=\"n\">\(e(FigureFormat.periodLabel($0)))</th>" }.joined()
            + "<th class=\"n\">Undated</th><th class=\"n\">Change</th></tr></thead><tbody>"
        for row in report.roleDemand.rows where row.overall.count > 0 || row.group == .documented {
            var name = e(row.name)
            if row.emerging { name += " <span class=\"tag\">emerging</span>" }
            if row.isNew { name += " <span class=\"tag new\">new since \(e(row.firstSeen ?? ""))</span>" }
            let cells = window.map { period -> String in
                guard let cell = row.byPeriod.first(where: { $0.period == period.label }), cell.total > 0 else { return "<td class=\"n\">–</td>" }
                return "<td class=\"n\">\(FigureFormat.percent(cell.share))</td>"
            }.joined()
            let change = row.byPeriod.last?.change
            table += "<tr class=\"\(row.group.rawValue)\"><td>\(name)</td><td class=\"n\">\(FigureFormat.count(row.overall.count))</td>"
                + "<td class=\"n\">\(FigureFormat.percent(row.overall.share))</td>\(cells)"
                + "<td class=\"n\">\(row.undated.total > 0 ? FigureFormat.percent(row.undated.share) : "–")</td>"
                + "<td class=\"n \(trendClass(change))\">\(change.map(FigureFormat.points) ?? "–")</td></tr>"
        }
        return out + table + "</tbody></table></section>"
    }

    private func skillSection(_ report: TrendReport) -> String {
        let skills = report.skillDemand.skills.prefix(report.options.topCount)
        var out = "<section><h2>Skill demand</h2>"
        guard !skills.isEmpty else { return out + "<p class=\"empty\">No recognised skills in these postings.</p></section>" }
        out += "<figure>" + SVGChart.bars(title: "Top skills by share of postings", bars: skills.map {
            SVGChart.Bar(label: $0.name, value: $0.overall.share,
                         text: "\(FigureFormat.percent($0.overall.share)) (\(FigureFormat.count($0.overall.count)))")
        }) + "<figcaption>Share of postings asking for each skill, top \(skills.count) of \(report.skillDemand.skills.count).</figcaption></figure>"
        let clusters = report.skillDemand.categories.filter { $0.overall.count > 0 }
        if report.periods.count >= 2 && !clusters.isEmpty {
            let series = clusters.prefix(maxLines).map {
                SVGChart.Series(name: $0.name, values: $0.byPeriod.map { $0.total > 0 ? $0.share : nil })
            }
            let shaded = Set(report.periods.indices.filter { report.periods[$0].isThin })
            out += "<figure>" + SVGChart.lines(title: "Skill clusters over time", labels: report.periods.map(\.label),
                                               series: Array(series), shaded: shaded)
                + "<figcaption>Share of postings asking for at least one skill of each cluster, per \(report.granularity.rawValue).</figcaption></figure>"
        }
        var table = "<table><thead><tr><th>Skill</th><th>Category</th><th class=\"n\">Postings</th><th class=\"n\">Share</th>"
            + "<th class=\"n\">Required</th><th class=\"n\">Preferred</th></tr></thead><tbody>"
        for row in skills {
            let asked = row.overall.count
            table += "<tr><td>\(e(row.name))\(row.fromSeeds ? "" : " <span class=\"tag\">not in seeds</span>")</td>"
                + "<td>\(e(row.category.displayName))</td><td class=\"n\">\(FigureFormat.count(asked))</td>"
                + "<td class=\"n\">\(FigureFormat.percent(row.overall.share))</td>"
                + "<td class=\"n\">\(FigureFormat.percent(Proportion(count: row.required, total: asked).share))</td>"
                + "<td class=\"n\">\(FigureFormat.percent(Proportion(count: row.preferred, total: asked).share))</td></tr>"
        }
        return out + table + "</tbody></table></section>"
    }

    private func heatmapSection(_ report: TrendReport) -> String {
        let demand = report.skillDemand
        // Roles with most postings, Other last: it is the column readers compare against, not a role.
        let hasOther = demand.roleColumns.contains(nil)
        var roles = Array(demand.roleColumnsOtherLast.dropLast(hasOther ? 1 : 0).prefix(maxHeatmapRoles - (hasOther ? 1 : 0)))
        if hasOther { roles.append(nil) }
        let skills = Array(demand.skills.prefix(report.options.topCount))
        guard !roles.isEmpty, !skills.isEmpty else { return "" }
        let names = Dictionary(report.roleDemand.rows.map { ($0.roleID ?? "", $0.name) }, uniquingKeysWith: { a, _ in a })
        let columns = roles.map { names[$0 ?? ""] ?? ($0 ?? "Other") }
        let values = skills.map { skill in roles.map { id in skill.byRole.first { $0.roleID == id }?.share ?? 0 } }
        return "<section><h2>Skills per role</h2><figure>"
            + SVGChart.heatmap(title: "Share of each role's postings asking for each skill", rows: skills.map(\.name),
                               columns: columns, values: values)
            + "<figcaption>Share of each role's postings asking for the skill (the roles with most postings; Other last).</figcaption></figure></section>"
    }

    private func trendSection(_ report: TrendReport) -> String {
        guard let t = report.trends else {
            return "<section><h2>Rising and falling</h2><p class=\"empty\">Fewer than two dated periods: nothing to compare.</p></section>"
        }
        var out = "<section><h2>Rising and falling: \(e(t.baseline.label)) → \(e(t.current.label))</h2>"
            + "<p>\(FigureFormat.count(t.baseline.postings)) postings in \(e(t.baseline.label)) against "
            + "\(FigureFormat.count(t.current.postings)) in \(e(t.current.label)). Solid bars are significant changes "
            + "(two-proportion z-test, Benjamini–Hochberg q &lt; \(report.options.alpha), at least "
            + "\(report.options.minimumSupport) postings); pale bars may be noise.</p>"
        let section = TrendSection(t, limit: max(3, report.options.topCount / 2))
        let rising = section.risingSkills.rows, falling = section.fallingSkills.rows
        let movers = rising + falling.reversed()
        if !movers.isEmpty {
            out += "<figure>" + SVGChart.diverging(title: "Skills that rose and fell", bars: movers.map {
                SVGChart.Bar(label: $0.name, value: $0.change,
                             text: FigureFormat.points($0.change) + ($0.significant ? " *" : ""), emphasised: $0.significant)
            }) + "<figcaption>Change in share of postings, percentage points; * significant.</figcaption></figure>"
        }
        out += trendTable("Skills", rising + falling, t)
        let roles = TrendSection(t, limit: .max)
        out += trendTable("Roles", roles.risingRoles.rows + roles.fallingRoles.rows, t)
        let untested = TrendComparison.tested(t.skills).untested + TrendComparison.tested(t.roles).untested
        if untested > 0 {
            out += "<p class=\"muted\">\(untested) further skills and roles appear in fewer than "
                + "\(report.options.minimumSupport) postings of the two spans and are not tested (all are in the CSV and JSON reports).</p>"
        }
        return out + "</section>"
    }

    private func trendTable(_ title: String, _ rows: [TrendComparison.Row], _ t: TrendComparison) -> String {
        guard !rows.isEmpty else { return "" }
        var table = "<h3>\(e(title))</h3><table><thead><tr><th></th><th class=\"n\">\(e(t.baseline.label))</th>"
            + "<th class=\"n\">\(e(t.current.label))</th><th class=\"n\">Change</th><th class=\"n\">p</th><th class=\"n\">q</th>"
            + "<th></th></tr></thead><tbody>"
        for row in rows {
            let verdict = row.significant ? "<strong>\(row.verdict)</strong>" : row.verdict
            table += "<tr><td>\(e(row.name))</td><td class=\"n\">\(FigureFormat.percent(row.baseline.share))</td>"
                + "<td class=\"n\">\(FigureFormat.percent(row.current.share))</td>"
                + "<td class=\"n \(trendClass(row.change))\">\(FigureFormat.points(row.change))</td>"
                + "<td class=\"n\">\(e(FigureFormat.pValue(row.pValue)))</td>"
                + "<td class=\"n\">\(e(row.qValue.map(FigureFormat.pValue) ?? "–"))</td><td>\(verdict)</td></tr>"
        }
        return table + "</tbody></table>"
    }

    private func seedSection(_ report: TrendReport) -> String {
        var out = "<section><h2>Seed check</h2><p>For each documented role, the skills the seed articles list beside "
            + "the share of its postings that ask for each, and the most-asked skills the seeds do not mention.</p>"
            + "<table><thead><tr><th>Role</th><th class=\"n\">Postings</th><th>Seeds list</th><th>Also asked</th></tr></thead><tbody>"
        for check in report.seedCheck {
            func list(_ figures: [SeedCheck.SkillFigure]) -> String {
                guard check.postings > 0, !figures.isEmpty else { return "–" }
                return figures.prefix(6).map { "\(e($0.name)) <b>\(FigureFormat.percent($0.share))</b>" }.joined(separator: " · ")
            }
            out += "<tr><td>\(e(check.name))</td><td class=\"n\">\(FigureFormat.count(check.postings))</td>"
                + "<td>\(list(check.seedSkills))</td><td>\(list(check.unlisted))</td></tr>"
        }
        return out + "</tbody></table></section>"
    }

    private func attributeSection(_ report: TrendReport) -> String {
        func levels(_ b: AttributeSummary.Breakdown) -> String {
            b.levels.isEmpty ? "–" : b.levels.map { "\(e($0.name)) \(FigureFormat.percent($0.share))" }.joined(separator: ", ")
        }
        var out = "<section><h2>Attributes</h2><table><thead><tr><th>Group</th><th class=\"n\">Postings</th>"
            + "<th class=\"n\">Remote</th><th>Education</th><th>Seniority</th><th class=\"n\">Median salary (n)</th></tr></thead><tbody>"
        for g in report.attributes.groups {
            let remote = g.workplaceStated.count > 0
                ? "\(FigureFormat.percent(g.remote.share)) <span class=\"muted\">of \(g.workplaceStated.count)</span>" : "–"
            let salary = g.salary.map { "\(e(FigureFormat.money($0.median, currency: $0.currency))) <span class=\"muted\">(\($0.count))</span>" } ?? "–"
            out += "<tr><td>\(e(g.name))</td><td class=\"n\">\(FigureFormat.count(g.postings))</td><td class=\"n\">\(remote)</td>"
                + "<td>\(levels(g.education))</td><td>\(levels(g.seniority))</td><td class=\"n\">\(salary)</td></tr>"
        }
        out += "</tbody></table><p class=\"muted\">Remote: share of postings stating a workplace. Levels: shares of postings "
            + "stating one. Salary: median yearly midpoint in the most common currency, with the postings it rests on.</p>"
        let domains = report.attributes.domains.prefix(report.options.topCount)
        if !domains.isEmpty {
            out += "<h3>Application domains</h3><figure>" + SVGChart.bars(title: "Application domains", bars: domains.map {
                SVGChart.Bar(label: $0.name, value: $0.overall.share,
                             text: "\(FigureFormat.percent($0.overall.share)) (\(FigureFormat.count($0.overall.count)))")
            }, colour: "#009E73") + "<figcaption>Share of postings naming each application domain.</figcaption></figure>"
        }
        return out + "</section>"
    }

    private func methodSection(_ report: TrendReport) -> String {
        "<footer><h2>How to read this</h2><p>Each posting counts once per role and once per skill. Shares are of the "
            + "postings in scope (after near-duplicate reposts are removed). Undated postings count in totals and appear "
            + "as their own bucket, never in a period. A change is called significant only when both compared spans hold at "
            + "least \(report.options.minimumPeriodPostings) postings, the item appears in at least "
            + "\(report.options.minimumSupport) of them, and its Benjamini–Hochberg q-value is under \(report.options.alpha). "
            + "Made by JobScope; hover a chart mark for its exact figure.</p></footer>"
    }

    private func trendClass(_ change: Double?) -> String {
        guard let change, abs(change) >= 0.0005 else { return "" }
        return change > 0 ? "up" : "down"
    }

    static let css = """
    :root{color-scheme:light}body{margin:0;background:#f6f7f9;color:#1d2330;font:15px/1.45 -apple-system,"Segoe UI",\
    Roboto,"Helvetica Neue",Arial,sans-serif}main{max-width:960px;margin:0 auto;padding:28px 28px 48px;background:#fff}\
    h1{font-size:26px;margin:0 0 4px}h2{font-size:19px;margin:28px 0 10px;padding-bottom:4px;border-bottom:2px solid #e3e6ea}\
    h3{font-size:15px;margin:18px 0 6px}.sub{color:#5b6472;margin:0 0 18px}\
    .cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(200px,1fr));gap:10px;margin:8px 0 8px}\
    .card{border:1px solid #e3e6ea;border-radius:8px;padding:10px 12px}.card .k{font-size:12px;color:#5b6472;\
    text-transform:uppercase;letter-spacing:.04em}.card .v{font-size:22px;font-weight:600;margin:2px 0}.card .d{font-size:12px;color:#5b6472}\
    .notes{background:#fff8e6;border-left:4px solid #E69F00;padding:4px 14px;margin:16px 0}.notes h2{border:0;font-size:15px;margin:8px 0 4px}\
    .notes ul{margin:4px 0 8px;padding-left:18px}figure{margin:10px 0 16px}figcaption{font-size:12px;color:#5b6472}\
    svg.chart{width:100%;height:auto;display:block}svg text{font-family:inherit}svg .axis{font-size:11px;fill:#5b6472}\
    svg .legend,svg .label{font-size:12px;fill:#1d2330}svg .value{font-size:11px;fill:#1d2330}svg .cell{font-size:11px;fill:#1d2330}svg .cell.dark{fill:#fff}\
    table{border-collapse:collapse;width:100%;font-size:13px;margin:6px 0 12px}th,td{padding:4px 8px;border-bottom:1px solid #eceef1;\
    text-align:left;vertical-align:top}th{font-weight:600;color:#5b6472;border-bottom:1px solid #cfd4da}td.n,th.n{text-align:right;\
    white-space:nowrap;font-variant-numeric:tabular-nums}tr.other td{color:#5b6472}td.up{color:#007a55}td.down{color:#b34700}\
    .tag{font-size:11px;background:#e8f1fa;color:#0b4f80;border-radius:4px;padding:1px 5px;white-space:nowrap}.tag.new{background:#e6f6ef;color:#006644}\
    .muted{color:#5b6472;font-size:12px}.empty{color:#5b6472;font-style:italic}footer{margin-top:24px;font-size:13px;color:#5b6472}\
    @media print{body{background:#fff}main{max-width:none;padding:0}figure,tr,.card{break-inside:avoid}h2{break-after:avoid}}
    """
}
