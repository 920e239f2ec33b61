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
        body += roleSection(report) + skillSection(report) + heatmapSection(report) + seriesSection(report)
            + aiShareSection(report) + (report.showsEndpointComparison ? trendSection(report) : "")
            + seedSection(report) + attributeSection(report) + methodSection(report)
        // Wide tables scroll sideways on a phone instead of being cut off.
        body = body.replacingOccurrences(of: "<table>", with: "<div class=\"scroll\"><table>")
            .replacingOccurrences(of: "</table>", with: "</table></div>")
        return "<!DOCTYPE html>\n<html lang=\"en\" xmlns=\"http://www.w3.org/1999/xhtml\"><head><meta charset=\"utf-8\"/>"
            + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>"
            + "<title>JobScope demand report</title><style>\(Self.css)</style></head><body><main>"
            + body + "</main></body></html>\n"
    }

    /// The report's charts as standalone SVG files (name without extension, file text), for `--charts DIR`.
    public func charts(_ report: TrendReport) -> [(name: String, svg: String)] {
        var out: [(String, String)] = []
        if let roles = roleChart(report, compact: false) { out.append(("role-shares", roles)) }
        if let skills = skillBars(report, compact: false) { out.append(("top-skills", skills)) }
        if let clusters = clusterChart(report, compact: false) { out.append(("skill-clusters", clusters)) }
        if let risers = riserChart(report, compact: false) { out.append(("rising-skills", risers)) }
        if let ai = aiChart(report, compact: false) { out.append(("ai-share", ai)) }
        if let heatmap = heatmap(report) { out.append(("skills-by-role", heatmap)) }
        return out.map { ($0.0, SVGChart.standalone($0.1)) }
    }

    /// A chart drawn twice, for wide screens and for phones; CSS shows one.
    private func responsive(_ draw: (Bool) -> String?) -> String {
        guard let wide = draw(false), let narrow = draw(true) else { return "" }
        return "<div class=\"wide\">\(wide)</div><div class=\"narrow\">\(narrow)</div>"
    }

    private func shaded(_ report: TrendReport) -> Set<Int> {
        Set(report.periods.indices.filter { report.periods[$0].isThin })
    }

    private func band(_ name: String, _ series: [PeriodShare]) -> SVGChart.Series {
        SVGChart.Series(name: name, values: series.map { $0.total > 0 ? $0.share : nil },
                        lower: series.map { $0.total > 0 ? $0.lower : nil }, upper: series.map { $0.total > 0 ? $0.upper : nil })
    }

    /// Line charts need three periods; fewer are shown as a table only.
    private func drawsLines(_ report: TrendReport) -> Bool { report.periods.count >= 3 }

    private func roleChart(_ report: TrendReport, compact: Bool) -> String? {
        let rows = report.roleDemand.rows.filter { $0.overall.count > 0 }
        guard drawsLines(report), !rows.isEmpty else { return nil }
        var chosen = Array(rows.filter { $0.group != .other }.sorted { $0.overall.count > $1.overall.count }.prefix(maxLines))
        for row in rows where row.emerging && !chosen.contains(row) {
            chosen.removeLast(chosen.count >= maxLines ? 1 : 0)
            chosen.append(row)
        }
        return SVGChart.lines(title: "Share of postings per role", labels: report.periods.map(\.label),
                              series: chosen.map { band($0.name + ($0.emerging ? " ★" : ""), $0.byPeriod) },
                              shaded: shaded(report), compact: compact)
    }

    private func skillBars(_ report: TrendReport, compact: Bool) -> String? {
        let skills = report.skillDemand.skills.prefix(report.options.topCount)
        guard !skills.isEmpty else { return nil }
        return SVGChart.bars(title: "Top skills by share of postings", bars: skills.map {
            SVGChart.Bar(label: $0.name, value: $0.overall.share,
                         text: "\(FigureFormat.percent($0.overall.share)) (\(FigureFormat.count($0.overall.count)))")
        }, compact: compact)
    }

    private func clusterChart(_ report: TrendReport, compact: Bool) -> String? {
        let clusters = report.skillDemand.categories.filter { $0.overall.count > 0 }
        guard drawsLines(report), !clusters.isEmpty else { return nil }
        return SVGChart.lines(title: "Skill clusters over time", labels: report.periods.map(\.label),
                              series: clusters.prefix(maxLines).map { band($0.name, $0.byPeriod) },
                              shaded: shaded(report), compact: compact)
    }

    private func riserChart(_ report: TrendReport, compact: Bool) -> String? {
        let risers = report.seriesTrends.risingSkills.filter(\.significant).prefix(5)
        guard drawsLines(report), !risers.isEmpty else { return nil }
        return SVGChart.lines(title: "Skills rising over the series", labels: report.periods.map(\.label),
                              series: risers.map { band($0.name, $0.series) }, shaded: shaded(report), compact: compact)
    }

    private func aiChart(_ report: TrendReport, compact: Bool) -> String? {
        let rows = report.aiShare.rows.filter { $0.overall.total >= report.options.minimumPeriodPostings }.prefix(maxLines)
        guard drawsLines(report), !rows.isEmpty else { return nil }
        return SVGChart.lines(title: "AI share of each occupation", labels: report.periods.map(\.label),
                              series: rows.map { band($0.name, $0.byPeriod) }, shaded: shaded(report), compact: compact)
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
        if let first = o.firstDate, let last = o.lastDate {
            cards.insert(("Dates", "\(first) to \(last)", FigureFormat.datedCoverage(o)), at: 1)
        }
        let series = report.seriesTrends
        if let riser = series.risingSkills.first(where: \.significant), let a = series.testedPeriods.first,
           let b = series.testedPeriods.last {
            cards.append(("Strongest riser", riser.name,
                          "\(FigureFormat.percent(riser.first.share)) in \(a) → \(FigureFormat.percent(riser.last.share)) in \(b), q \(FigureFormat.pValue(riser.qValue ?? 1))"))
        }
        cards.append(("Sources", FigureFormat.count(o.sourceFiles) + " files",
                      o.formats.prefix(6).map { "\($0.name) \(FigureFormat.count($0.count))" }.joined(separator: " · ")))
        return "<section class=\"cards\">" + cards.map {
            "<div class=\"card\"><div class=\"k\">\(e($0.0))</div><div class=\"v\">\(e($0.1))</div><div class=\"d\">\(e($0.2))</div></div>"
        }.joined() + "</section>"
    }

    private func roleSection(_ report: TrendReport) -> String {
        var out = "<section><h2>Role demand by \(report.granularity.rawValue)</h2>"
        if roleChart(report, compact: false) != nil {
            out += "<figure>" + responsive { roleChart(report, compact: $0) }
                + "<figcaption>Share of each \(report.granularity.rawValue)'s postings by role (★ emerging), with 95% intervals as bands. "
                + "Hatched: thin periods (fewer than \(report.options.minimumPeriodPostings) postings).</figcaption></figure>"
        } else if report.periods.isEmpty {
            out += "<p class=\"empty\">No dated postings: role shares over time cannot be drawn.</p>"
        } else {
            out += "<p class=\"muted\">\(FigureFormat.count(report.periods.count, "period")): too few for a line chart; the table gives each share.</p>"
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
        out += "<figure>" + responsive { skillBars(report, compact: $0) }
            + "<figcaption>Share of postings asking for each skill, top \(skills.count) of \(report.skillDemand.skills.count).</figcaption></figure>"
        if clusterChart(report, compact: false) != nil {
            out += "<figure>" + responsive { clusterChart(report, compact: $0) }
                + "<figcaption>Share of postings asking for at least one skill of each cluster, per \(report.granularity.rawValue), with 95% intervals.</figcaption></figure>"
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
        guard let chart = heatmap(report) else { return "" }
        return "<section><h2>Skills per role</h2><figure><div class=\"scroll\"><div class=\"heat\">" + chart + "</div></div>"
            + "<figcaption>Share of each role's postings asking for the skill (the roles with most postings; Other last).</figcaption></figure></section>"
    }

    private func heatmap(_ report: TrendReport) -> String? {
        let demand = report.skillDemand
        // Roles with most postings, Other last: it is the column readers compare against, not a role.
        let hasOther = demand.roleColumns.contains(nil)
        var roles = Array(demand.roleColumnsOtherLast.dropLast(hasOther ? 1 : 0).prefix(maxHeatmapRoles - (hasOther ? 1 : 0)))
        if hasOther { roles.append(nil) }
        let skills = Array(demand.skills.prefix(report.options.topCount))
        guard !roles.isEmpty, !skills.isEmpty else { return nil }
        let names = Dictionary(report.roleDemand.rows.map { ($0.roleID ?? "", $0.name) }, uniquingKeysWith: { a, _ in a })
        let columns = roles.map { names[$0 ?? ""] ?? ($0 ?? "Other") }
        let values = skills.map { skill in roles.map { id in skill.byRole.first { $0.roleID == id }?.share ?? 0 } }
        return SVGChart.heatmap(title: "Share of each role's postings asking for each skill", rows: skills.map(\.name),
                                columns: columns, values: values)
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
            + (t.sourceWarning.map { "<p class=\"warn\"><strong>Mixed sources:</strong> \(e($0)).</p>" } ?? "")
        let section = TrendSection(t, limit: max(3, report.options.topCount / 2))
        let rising = section.risingSkills.rows, falling = section.fallingSkills.rows
        let movers = rising + falling.reversed()
        if !movers.isEmpty {
            let bars = movers.map {
                SVGChart.Bar(label: $0.name, value: $0.change,
                             text: FigureFormat.points($0.change) + ($0.significant ? " *" : ""), emphasised: $0.significant)
            }
            out += "<figure>" + responsive { SVGChart.diverging(title: "Skills that rose and fell", bars: bars, compact: $0) } + "<figcaption>Change in share of postings, percentage points; * significant.</figcaption></figure>"
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

    private func seriesSection(_ report: TrendReport) -> String {
        let t = report.seriesTrends
        let g = report.granularity.rawValue
        var out = "<section><h2>Trends over the whole series</h2><p>Cochran–Armitage test for trend over the "
            + "\(t.testedPeriods.count) \(g)s with at least \(report.options.minimumPeriodPostings) postings; "
            + "<strong>rising</strong> or <strong>falling</strong> when the Benjamini–Hochberg q-value is under "
            + "\(report.options.alpha) and at least \(report.options.minimumSupport) postings of those \(g)s have the item. "
            + "Odds: the logistic-regression odds ratio per \(g) with its 95% interval.</p>"
        out += t.sources.warning.map { "<p class=\"warn\"><strong>Mixed sources:</strong> \(e($0)).</p>" }
            ?? "<p class=\"muted\">Sources: \(FigureFormat.count(t.sources.collectionCount, "collection")), comparable across periods (largest mix shift \(FigureFormat.percent(t.sources.largestShift))).</p>"
        guard t.testedPeriods.count >= 2 else {
            return out + "<p class=\"empty\">Fewer than two periods hold enough postings: nothing tested.</p></section>"
        }
        if riserChart(report, compact: false) != nil {
            out += "<figure>" + responsive { riserChart(report, compact: $0) }
                + "<figcaption>The skills with the strongest significant rise: share per \(g) with its 95% Wilson interval.</figcaption></figure>"
        }
        let limit = max(3, report.options.topCount / 2)
        for (title, rows) in t.tables { out += seriesTable(title, Array(rows.prefix(limit)), t, report) }
        return out + "</section>"
    }

    private func seriesTable(_ title: String, _ rows: [SeriesTrends.Row], _ t: SeriesTrends, _ report: TrendReport) -> String {
        var table = "<h3>\(e(title))</h3><table><thead><tr><th></th><th class=\"n\">\(e(t.testedPeriods.first ?? ""))</th>"
            + "<th class=\"n\">\(e(t.testedPeriods.last ?? ""))</th><th class=\"n\">Odds per \(report.granularity.rawValue) [95% CI]</th>"
            + "<th class=\"n\">p</th><th class=\"n\">q</th><th></th></tr></thead><tbody>"
        for row in rows {
            let verdict = row.significant ? "<strong>\(row.verdict)</strong>" : row.verdict
            table += "<tr><td>\(e(row.name))</td><td class=\"n\">\(FigureFormat.percent(row.first.share))</td>"
                + "<td class=\"n\">\(FigureFormat.percent(row.last.share))</td>"
                + "<td class=\"n \(row.significant ? trendClass(row.test.z) : "")\">\(e(FigureFormat.oddsRatio(row.test, per: report.granularity)))</td>"
                + "<td class=\"n\">\(e(FigureFormat.pValue(row.test.pValue)))</td>"
                + "<td class=\"n\">\(e(row.qValue.map(FigureFormat.pValue) ?? "–"))</td><td>\(verdict)</td></tr>"
        }
        return table + "</tbody></table>"
    }

    private func aiShareSection(_ report: TrendReport) -> String {
        let a = report.aiShare
        guard !a.rows.isEmpty else { return "" }
        let tests = Dictionary(report.seriesTrends.aiShare.map { ($0.id, $0) }, uniquingKeysWith: { x, _ in x })
        var out = "<section><h2>AI share of each occupation</h2><p>Share of each role's postings that use AI, build ML or "
            + "build generative AI, of the \(FigureFormat.count(a.withSignal.count, "posting")) with the AI-involvement signal.</p>"
        if aiChart(report, compact: false) != nil {
            out += "<figure>" + responsive { aiChart(report, compact: $0) }
                + "<figcaption>AI share per \(report.granularity.rawValue) with 95% intervals (roles with at least \(report.options.minimumPeriodPostings) postings).</figcaption></figure>"
        }
        out += "<table><thead><tr><th>Occupation</th><th class=\"n\">AI share</th><th class=\"n\">Odds per \(report.granularity.rawValue)</th>"
            + "<th class=\"n\">q</th><th></th></tr></thead><tbody>"
        for row in a.rows {
            let test = tests[row.roleID ?? "other"]
            out += "<tr><td>\(e(row.name))</td><td class=\"n\">\(e(FigureFormat.share(row.overall)))</td>"
                + "<td class=\"n\">\(e(test.map { FigureFormat.oddsRatio($0.test, per: report.granularity) } ?? "–"))</td>"
                + "<td class=\"n\">\(e(test?.qValue.map(FigureFormat.pValue) ?? "–"))</td><td>\(e(test?.verdict ?? "–"))</td></tr>"
        }
        return out + "</tbody></table></section>"
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
                + " <span class=\"muted\">of \(FigureFormat.count(b.stated.count))</span>"
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
            let bars = domains.map {
                SVGChart.Bar(label: $0.name, value: $0.overall.share,
                             text: "\(FigureFormat.percent($0.overall.share)) (\(FigureFormat.count($0.overall.count)))")
            }
            out += "<h3>Application domains</h3><figure>"
                + responsive { SVGChart.bars(title: "Application domains", bars: bars, colour: "#009E73", compact: $0) } + "<figcaption>Share of postings naming each application domain.</figcaption></figure>"
        }
        return out + "</section>"
    }

    private func methodSection(_ report: TrendReport) -> String {
        "<footer><h2>How to read this</h2><p>Counting rule: \(e(report.options.counting.statement(report.granularity))). "
            + "Each posting counts once per role and once per skill. Shares are of the "
            + "postings in scope (after near-duplicate reposts are removed). Undated postings count in totals and appear "
            + "as their own bucket, never in a period. A change is called significant only when both compared spans hold at "
            + "least \(report.options.minimumPeriodPostings) postings, the item appears in at least "
            + "\(report.options.minimumSupport) of them, its Benjamini–Hochberg q-value is under \(report.options.alpha), "
            + "and the periods draw on comparable collections (mix shift at most \(FigureFormat.percent(report.options.maximumSourceShift))). "
            + "Bands and intervals are 95% Wilson intervals. "
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
    .scroll{overflow-x:auto;-webkit-overflow-scrolling:touch}.scroll table{min-width:480px}.heat{min-width:880px}\
    .narrow{display:none}.warn{background:#fff1e6;border-left:4px solid #D55E00;padding:6px 12px}\
    svg .band{pointer-events:none}svg.compact .axis{font-size:13px}svg.compact .legend{font-size:13px}\
    @media (max-width:640px){main{padding:14px 12px 32px}h1{font-size:21px}h2{font-size:17px}\
    .cards{grid-template-columns:1fr 1fr}.card .v{font-size:18px;overflow-wrap:anywhere}\
    .wide{display:none}.narrow{display:block}table{font-size:13px}th,td{padding:4px 6px}}\
    @media print{body{background:#fff}main{max-width:none;padding:0}figure,tr,.card{break-inside:avoid}h2{break-after:avoid}}
    """
}
