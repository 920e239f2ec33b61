import Foundation

/// Writes a `StoreComparison`: aligned text, Markdown, JSON or one long CSV table.
public struct StoreComparisonRenderer: Sendable {
    public init() {}

    /// The comparison in `format`; HTML is not offered for comparisons (use Markdown) and throws.
    public func render(_ comparison: StoreComparison, format: ReportFormat) throws -> String {
        switch format {
        case .terminal: return text(comparison, markdown: false)
        case .markdown: return text(comparison, markdown: true)
        case .html: throw ReportError.comparisonFormat(format.rawValue)
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            return String(decoding: try encoder.encode(comparison), as: UTF8.self) + "\n"
        case .csv: return csv(comparison)
        }
    }

    private func families(_ c: StoreComparison) -> [(String, [StoreComparison.Row])] {
        [("Roles", c.roles), ("Skills", c.skills), ("Skill clusters", c.clusters), ("AI share of each occupation", c.aiShare)]
    }

    private func text(_ c: StoreComparison, markdown: Bool) -> String {
        let a = c.left.overview, b = c.right.overview
        var out = (markdown ? "# " : "") + "JobScope — \(c.leftLabel) beside \(c.rightLabel)\n\n"
        out += "\(c.leftLabel): " + FigureFormat.scope(c.left, range: " → ").joined(separator: " · ") + "\n"
        out += "\(c.rightLabel): " + FigureFormat.scope(c.right, range: " → ").joined(separator: " · ") + "\n"
        out += "Shares are of each side's \(FigureFormat.count(a.postings)) and \(FigureFormat.count(b.postings)) postings; "
            + "two-proportion z-test, a difference is called when its Benjamini–Hochberg q is below \(c.left.options.alpha) "
            + "with at least \(c.left.options.minimumSupport) postings. The two sides are different collections by design: "
            + "a difference describes them, not a change over time.\n"
        for (title, rows) in families(c) where !rows.isEmpty {
            let shown = rows.prefix(c.left.options.topCount)
            let cells = shown.map { row in
                [row.name, FigureFormat.share(row.left), FigureFormat.share(row.right), FigureFormat.points(row.change),
                 FigureFormat.pValue(row.pValue), row.qValue.map(FigureFormat.pValue) ?? "–", row.verdict(c.rightLabel)]
            }
            let headers = [title, c.leftLabel, c.rightLabel, "Difference", "p", "q", ""]
            if markdown {
                out += "\n## \(title)\n\n| " + headers.joined(separator: " | ") + " |\n|" + headers.indices.map { $0 == 0 || $0 == 6 ? " --- " : " ---: " }.joined(separator: "|") + "|\n"
                out += cells.map { "| " + $0.map { $0.replacingOccurrences(of: "|", with: "\\|") }.joined(separator: " | ") + " |" }.joined(separator: "\n") + "\n"
            } else {
                var table = TextTable(headers.enumerated().map { .init($0.element, $0.offset == 0 || $0.offset == 6 ? .left : .right) })
                for row in cells { table.add(row) }
                out += "\n" + table.render() + "\n"
            }
            if rows.count > shown.count { out += "+ \(rows.count - shown.count) more (--top, or --format csv)\n" }
        }
        return out
    }

    private func csv(_ c: StoreComparison) -> String {
        var rows = [["family", "id", "name", "left", "left_count", "left_total", "left_share", "right", "right_count",
                     "right_total", "right_share", "difference", "z", "p_value", "q_value", "supported", "significant"]]
        func n(_ v: Double) -> String { String(format: "%.6g", v) }
        for (family, list) in [("role", c.roles), ("skill", c.skills), ("category", c.clusters), ("ai_share", c.aiShare)] {
            for r in list {
                rows.append([family, r.id, r.name, c.leftLabel, String(r.left.count), String(r.left.total), n(r.left.share),
                             c.rightLabel, String(r.right.count), String(r.right.total), n(r.right.share), n(r.change),
                             n(r.z), n(r.pValue), r.qValue.map(n) ?? "", String(r.supported), String(r.significant)])
            }
        }
        return rows.map { $0.map { CSVCell.field($0) }.joined(separator: ",") }.joined(separator: "\n") + "\n"
    }
}
