import Foundation

/// The report as CSV for spreadsheets and pipelines: one tidy table per section (one row per figure), or all of
/// them as one long table whose first column names the section (pandas: `read_csv(path)`, then `groupby("section")`).
public struct CSVReportRenderer: Sendable {
    /// The section names `--section` accepts, in output order.
    public static let sections = ["overview", "periods", "roles", "skills", "skill-periods", "skills-by-role",
                                  "clusters", "series-trends", "ai-share", "sources", "trends", "seed-check",
                                  "attributes", "domains"]

    /// Cells written as they are; by default a cell a spreadsheet would run as a formula is defused (`CSVCell`).
    public var rawCSV: Bool

    public init(rawCSV: Bool = false) {
        self.rawCSV = rawCSV
    }

    /// One section's table (header row first).
    public func table(_ section: String, of report: TrendReport) throws -> String {
        text(try rows(section, of: report))
    }

    private func rows(_ section: String, of report: TrendReport) throws -> [[String]] {
        let rows: [[String]]
        switch section {
        case "overview": rows = overview(report)
        case "periods": rows = periods(report)
        case "roles": rows = roles(report)
        case "skills": rows = skills(report)
        case "skill-periods": rows = skillPeriods(report)
        case "skills-by-role": rows = skillsByRole(report)
        case "clusters": rows = clusters(report)
        case "trends": rows = trends(report)
        case "series-trends": rows = seriesTrends(report)
        case "ai-share": rows = aiShare(report)
        case "sources": rows = sources(report)
        case "seed-check": rows = seedCheck(report)
        case "attributes": rows = attributes(report)
        case "domains": rows = domains(report)
        default: throw ReportError.unknownSection(section, known: Self.sections)
        }
        return rows
    }

    /// Every section as one long table: `section` first, then the union of the sections' columns in order of
    /// first appearance; a row leaves the columns of other sections empty.
    public func render(_ report: TrendReport) -> String {
        var columns: [String] = ["section"]
        var seen: Set<String> = ["section"]
        var body: [(String, [String: String])] = []
        for section in Self.sections {
            guard let rows = try? rows(section, of: report), let header = rows.first else { continue }
            for name in header where seen.insert(name).inserted { columns.append(name) }
            for row in rows.dropFirst() {
                body.append((section, Dictionary(zip(header, row).map { ($0, $1) }, uniquingKeysWith: { a, _ in a })))
            }
        }
        return text([columns] + body.map { section, values in
            [section] + columns.dropFirst().map { values[$0] ?? "" }
        })
    }

    /// Each section's table by name, for `--csv-dir` (one file per section).
    public func tables(_ report: TrendReport) -> [(section: String, csv: String)] {
        Self.sections.compactMap { section in (try? table(section, of: report)).map { (section, $0) } }
    }

    /// The rows as CSV text; a cell a spreadsheet would run is defused unless `rawCSV` (`CSVCell`).
    private func text(_ rows: [[String]]) -> String {
        rows.map { $0.map { CSVCell.field($0, raw: rawCSV) }.joined(separator: ",") }.joined(separator: "\n") + "\n"
    }

    private func number(_ value: Double) -> String { String(format: "%.6g", value) }
    private func share(_ p: Proportion) -> [String] { [String(p.count), String(p.total), number(p.share)] }

    private func overview(_ r: TrendReport) -> [[String]] {
        let o = r.overview
        var rows: [[String]] = [["metric", "count", "total", "share"]]
        rows.append(["counting", o.counting.rawValue, "", ""])
        rows.append(["postings", String(o.postings), "", ""])
        rows.append(["distinct_postings", String(o.distinctPostings), "", ""])
        rows.append(["filtered_out", String(o.filteredOut), "", ""])
        rows.append(["reposts_excluded", String(o.repostsExcluded), "", ""])
        rows.append(["undated_excluded", String(o.undatedExcluded), "", ""])
        rows.append(["source_files", String(o.sourceFiles), "", ""])
        rows.append(["first_date", o.firstDate?.description ?? "", "", ""])
        rows.append(["last_date", o.lastDate?.description ?? "", "", ""])
        for (name, p) in [("dated", o.dated), ("undated", o.undated), ("documented", o.documented), ("adjacent", o.adjacent),
                          ("other", o.other), ("emerging", o.emerging), ("with_skills", o.withSkills)] {
            rows.append([name] + share(p))
        }
        for format in o.formats { rows.append(["format:" + format.name, String(format.count), "", ""]) }
        return rows
    }

    private func periods(_ r: TrendReport) -> [[String]] {
        [["period", "start", "end", "postings", "thin"]] + r.periods.map {
            [$0.label, $0.start.description, $0.end.description, String($0.postings), String($0.isThin)]
        }
    }

    private func roles(_ r: TrendReport) -> [[String]] {
        var rows: [[String]] = [["role_id", "role", "group", "emerging", "period", "count", "total", "share", "change"]]
        for row in r.roleDemand.rows {
            let head = [row.roleID ?? "other", row.name, row.group.rawValue, String(row.emerging)]
            rows.append(head + ["all"] + share(row.overall) + [""])
            for cell in row.byPeriod { rows.append(head + [cell.period] + share(cell.proportion) + [cell.change.map(number) ?? ""]) }
            rows.append(head + ["undated"] + share(row.undated) + [""])
        }
        return rows
    }

    private func skills(_ r: TrendReport) -> [[String]] {
        [["skill_id", "skill", "category", "from_seeds", "count", "total", "share", "required", "preferred", "mentioned"]]
            + r.skillDemand.skills.map {
                [$0.skillID, $0.name, $0.category.rawValue, String($0.fromSeeds)] + share($0.overall)
                    + [String($0.required), String($0.preferred), String($0.mentioned)]
            }
    }

    private func skillPeriods(_ r: TrendReport) -> [[String]] {
        var rows: [[String]] = [["skill_id", "skill", "period", "count", "total", "share", "change", "lower", "upper"]]
        for row in r.skillDemand.skills {
            for cell in row.byPeriod {
                rows.append([row.skillID, row.name, cell.period] + share(cell.proportion)
                            + [cell.change.map(number) ?? "", number(cell.lower), number(cell.upper)])
            }
            let undated = row.undated.wilsonInterval()
            rows.append([row.skillID, row.name, "undated"] + share(row.undated) + ["", number(undated.lower), number(undated.upper)])
        }
        return rows
    }

    private func skillsByRole(_ r: TrendReport) -> [[String]] {
        var rows: [[String]] = [["skill_id", "skill", "role_id", "count", "total", "share"]]
        for row in r.skillDemand.skills {
            for cell in row.byRole {
                rows.append([row.skillID, row.name, cell.roleID ?? "other", String(cell.count), String(cell.total), number(cell.share)])
            }
        }
        return rows
    }

    private func clusters(_ r: TrendReport) -> [[String]] {
        var rows: [[String]] = [["category", "name", "period", "count", "total", "share", "change"]]
        for row in r.skillDemand.categories {
            let head = [row.category.rawValue, row.name]
            rows.append(head + ["all"] + share(row.overall) + [""])
            for cell in row.byPeriod { rows.append(head + [cell.period] + share(cell.proportion) + [cell.change.map(number) ?? ""]) }
            rows.append(head + ["undated"] + share(row.undated) + [""])
        }
        return rows
    }

    private func trends(_ r: TrendReport) -> [[String]] {
        var rows: [[String]] = [["family", "id", "name", "baseline", "baseline_count", "baseline_total", "baseline_share",
                                 "current", "current_count", "current_total", "current_share", "change", "z", "p_value",
                                 "q_value", "supported", "significant"]]
        guard let t = r.trends else { return rows }
        for (family, list) in [("role", t.roles), ("skill", t.skills), ("category", t.categories)] {
            for row in list {
                rows.append([family, row.id, row.name, t.baseline.label] + share(row.baseline) + [t.current.label]
                            + share(row.current) + [number(row.change), number(row.z), number(row.pValue),
                                                    row.qValue.map(number) ?? "", String(row.supported), String(row.significant)])
            }
        }
        return rows
    }

    private func seriesTrends(_ r: TrendReport) -> [[String]] {
        var rows: [[String]] = [["family", "id", "name", "first_period", "first_share", "last_period", "last_share",
                                 "support", "z", "p_value", "q_value", "slope", "slope_lower", "slope_upper",
                                 "supported", "comparable", "significant", "verdict"]]
        let t = r.seriesTrends
        let first = t.testedPeriods.first ?? "", last = t.testedPeriods.last ?? ""
        for (family, list) in [("role", t.roles), ("skill", t.skills), ("skill_family", t.families),
                               ("category", t.clusters), ("ai_share", t.aiShare)] {
            for row in list {
                rows.append([family, row.id, row.name, first, number(row.first.share), last, number(row.last.share),
                             String(row.support), number(row.test.z), number(row.test.pValue),
                             row.qValue.map(number) ?? "", row.test.slope.map(number) ?? "",
                             row.test.slopeLower.map(number) ?? "", row.test.slopeUpper.map(number) ?? "",
                             String(row.supported), String(row.comparable), String(row.significant), row.verdict])
            }
        }
        return rows
    }

    private func aiShare(_ r: TrendReport) -> [[String]] {
        var rows: [[String]] = [["role_id", "role", "period", "count", "total", "share", "lower", "upper"]]
        for row in r.aiShare.rows {
            let head = [row.roleID ?? "other", row.name]
            let overall = row.overall.wilsonInterval()
            rows.append(head + ["all"] + share(row.overall) + [number(overall.lower), number(overall.upper)])
            for cell in row.byPeriod {
                rows.append(head + [cell.period] + share(cell.proportion) + [number(cell.lower), number(cell.upper)])
            }
        }
        return rows
    }

    private func sources(_ r: TrendReport) -> [[String]] {
        var rows: [[String]] = [["period", "collection", "count", "total", "share"]]
        for mix in r.seriesTrends.sources.periods {
            for c in mix.collections {
                rows.append([mix.label, c.name] + share(Proportion(count: c.count, total: mix.postings)))
            }
        }
        return rows
    }

    private func seedCheck(_ r: TrendReport) -> [[String]] {
        var rows: [[String]] = [["role_id", "role", "skill_id", "skill", "listed_in_seeds", "count", "total", "share"]]
        for check in r.seedCheck {
            for (listed, figures) in [(true, check.seedSkills), (false, check.unlisted)] {
                for f in figures {
                    rows.append([check.roleID, check.name, f.skillID, f.name, String(listed), String(f.count), String(f.total), number(f.share)])
                }
            }
        }
        return rows
    }

    private func attributes(_ r: TrendReport) -> [[String]] {
        var rows: [[String]] = [["group", "name", "attribute", "value", "count", "total", "share"]]
        for g in r.attributes.groups {
            let head = [g.key, g.name]
            rows.append(head + ["postings", "", String(g.postings), "", ""])
            for (attribute, b) in [("education", g.education), ("seniority", g.seniority)] {
                rows.append(head + [attribute, "stated"] + share(b.stated))
                for level in b.levels {
                    rows.append(head + [attribute, level.id, String(level.count), String(b.stated.count), number(level.share)])
                }
            }
            rows.append(head + ["workplace", "stated"] + share(g.workplaceStated))
            for (name, p) in [("remote", g.remote), ("hybrid", g.hybrid), ("on-site", g.onsite)] {
                rows.append(head + ["workplace", name] + share(p))
            }
            if let s = g.salary {
                for (name, value) in [("median", s.median), ("lower_quartile", s.lowerQuartile), ("upper_quartile", s.upperQuartile)] {
                    rows.append(head + ["salary_\(name)_\(s.currency)", number(value), String(s.count), "", ""])
                }
            }
            if let years = g.medianYearsExperience {
                rows.append(head + ["years_experience_median", number(years), String(g.yearsExperienceStated), "", ""])
            }
        }
        return rows
    }

    private func domains(_ r: TrendReport) -> [[String]] {
        var rows: [[String]] = [["domain_id", "domain", "role_id", "count", "total", "share"]]
        for domain in r.attributes.domains {
            rows.append([domain.id, domain.name, "all"] + share(domain.overall))
            for cell in domain.byRole {
                rows.append([domain.id, domain.name, cell.roleID ?? "other", String(cell.count), String(cell.total), number(cell.share)])
            }
        }
        return rows
    }
}
