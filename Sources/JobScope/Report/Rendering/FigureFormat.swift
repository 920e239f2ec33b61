import Foundation

/// How every renderer writes numbers, so the terminal, Markdown, CSV and HTML reports agree to the digit.
public enum FigureFormat {
    /// `12.3%` (one decimal; `0%` for nothing).
    public static func percent(_ share: Double) -> String {
        if share == 0 { return "0%" }
        if share < 0.0005 { return "<0.1%" }
        if share >= 1 { return "100%" }
        return String(format: "%.1f%%", share * 100)
    }

    /// `+4.2 pp`, `−1.0 pp`, `0.0 pp`.
    public static func points(_ change: Double) -> String {
        let value = change * 100
        if abs(value) < 0.05 { return "0.0 pp" }
        return (value > 0 ? "+" : "−") + String(format: "%.1f pp", abs(value))
    }

    /// A standard score with two decimals and a true minus sign: `2.42`, `−0.33`.
    public static func score(_ z: Double) -> String {
        let text = String(format: "%.2f", abs(z))
        return z < 0 && text != "0.00" ? "−" + text : text
    }

    /// `1,234`.
    public static func count(_ value: Int) -> String {
        let digits = String(abs(value))
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        return value < 0 ? "-" + out : out
    }

    /// `1 posting`, `2,000 postings`.
    public static func count(_ value: Int, _ noun: String) -> String {
        "\(count(value)) \(noun)\(value == 1 ? "" : "s")"
    }

    /// `<0.001`, `0.012`, `0.43`.
    public static func pValue(_ p: Double) -> String {
        if p < 0.001 { return "<0.001" }
        if p < 0.1 { return String(format: "%.3f", p) }
        return String(format: "%.2f", p)
    }

    /// A salary as `USD 128k`.
    public static func money(_ value: Double, currency: String) -> String {
        value >= 10_000 ? "\(currency) \(Int((value / 1000).rounded()))k" : "\(currency) \(Int(value.rounded()))"
    }

    /// A horizontal bar of `width` cells for a share of `scale` (eighth-cell resolution).
    public static func bar(_ share: Double, scale: Double = 1, width: Int = 12) -> String {
        guard scale > 0, share > 0 else { return "" }
        let eighths = Int((min(share / scale, 1) * Double(width * 8)).rounded())
        let blocks = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]
        let full = String(repeating: "█", count: eighths / 8)
        let part = blocks[eighths % 8]
        return full + part == "" ? "▏" : full + part
    }

    /// A sparkline of shares, one block per period, scaled to the largest; a space marks an empty period.
    public static func sparkline(_ shares: [Double?]) -> String {
        let blocks: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
        let top = shares.compactMap { $0 }.max() ?? 0
        return String(shares.map { share -> Character in
            guard let share else { return " " }
            guard top > 0 else { return blocks[0] }
            return blocks[min(7, Int((share / top * 7).rounded()))]
        })
    }

    /// The shares of a series for a sparkline (nil for periods without postings).
    static func sparkShares(_ series: [PeriodShare]) -> [Double?] {
        series.map { $0.total > 0 ? $0.share : nil }
    }

    /// What the report covers, in words: postings, date range, grouping, role filter; renderers join the parts.
    static func scope(_ report: TrendReport, range: String) -> [String] {
        let o = report.overview
        var parts = [count(o.postings, "posting")]
        if let first = o.firstDate, let last = o.lastDate { parts.append("\(first)\(range)\(last)") }
        parts.append("by \(report.granularity.rawValue)")
        if let role = report.options.roleID { parts.append("role \(role)") }
        parts += report.options.filter.parts
        parts.append(report.options.counting.statement(report.granularity))
        return parts
    }

    /// A trend's slope as an odds ratio per period with its 95% interval: `×1.23/month [1.10–1.37]`.
    static func oddsRatio(_ test: TrendTest, per granularity: ReportGranularity) -> String {
        guard let slope = test.slope, let low = test.slopeLower, let high = test.slopeUpper else { return "–" }
        func r(_ v: Double) -> String { String(format: v >= 10 ? "%.0f" : "%.2f", exp(v)) }
        return "×\(r(slope))/\(granularity.rawValue) [\(r(low))–\(r(high))]"
    }

    /// `61.8% of 123`: a share with the postings it is of.
    static func share(_ p: Proportion) -> String { "\(percent(p.share)) of \(count(p.total))" }

    /// The dated postings and how much of the collection they are: `3,319 of 3,487 postings dated (95.2%)`.
    static func datedCoverage(_ overview: ReportOverview) -> String {
        "\(count(overview.dated.count)) of \(count(overview.postings, "posting")) dated (\(percent(overview.dated.share)))"
    }

    /// A period label with `†` when thin.
    static func periodLabel(_ period: ReportPeriod) -> String { period.isThin ? period.label + "†" : period.label }
}
