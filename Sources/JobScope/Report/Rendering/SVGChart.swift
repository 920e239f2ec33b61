import Foundation

/// Inline SVG charts for the HTML report: no scripts, no external assets, readable when printed.
/// Every drawn mark carries a `<title>` with its exact figure, which browsers show on hover.
enum SVGChart {
    /// One line of a line chart.
    struct Series {
        var name: String
        /// One value per x label; nil where there is no data (the line breaks there).
        var values: [Double?]
        /// The 95% interval around each value, drawn as a band (empty: no band).
        var lower: [Double?] = []
        var upper: [Double?] = []
    }

    /// A labelled value for a bar chart.
    struct Bar {
        var label: String
        var value: Double
        var text: String
        /// Drawn solid when true, pale when false (e.g. a change that is not significant).
        var emphasised: Bool = true
    }

    /// Categorical colours that stay apart in print and for common colour blindness (Okabe–Ito plus extras).
    static let palette = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000",
                          "#8C564B", "#7F7F7F", "#BCBD22"]

    static func escape(_ text: String) -> String {
        var out = ""
        for ch in text {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            // Control characters are not allowed in XML at all: a space instead.
            case _ where ch.unicodeScalars.contains(where: { $0.value < 0x20 && $0 != "\n" && $0 != "\t" && $0 != "\r" }):
                out += " "
            default: out.append(ch)
            }
        }
        return out
    }

    private static func f(_ v: Double) -> String { String(format: "%.1f", v) }

    /// A "nice" upper bound for an axis showing shares up to `top`.
    static func axisTop(_ top: Double) -> Double {
        let steps = [0.01, 0.02, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5, 0.6, 0.8, 1.0]
        return steps.first { $0 >= top } ?? 1.0
    }

    /// Lines of shares over periods; `shaded` marks x positions (thin periods) with a hatched band.
    /// `compact` lays the chart out for a phone: 420 units wide, the legend under the plot.
    static func lines(title: String, labels: [String], series: [Series], shaded: Set<Int> = [],
                      width fullWidth: Double = 880, height fullHeight: Double = 320, compact: Bool = false) -> String {
        let width = compact ? 420 : fullWidth
        let legendRows = compact ? Double(series.count) : 0
        let height = compact ? 250 + legendRows * 18 : fullHeight
        let left = compact ? 44.0 : 52.0, right = compact ? 12.0 : 200.0, top = 16.0
        let bottom = compact ? 40.0 + legendRows * 18 : 46.0
        let plotW = width - left - right, plotH = height - top - bottom
        // The axis covers the values and the bands of solid periods; a thin period's wide band is clipped.
        var tops = series.flatMap { $0.values.compactMap { $0 } }
        for s in series { for (i, u) in s.upper.enumerated() where !shaded.contains(i) { if let u { tops.append(u) } } }
        let maxValue = axisTop(tops.max() ?? 0)
        let step = labels.count > 1 ? plotW / Double(labels.count - 1) : 0
        func x(_ i: Int) -> Double { labels.count > 1 ? left + Double(i) * step : left + plotW / 2 }
        func y(_ v: Double) -> Double { top + plotH - v / maxValue * plotH }
        var svg = "<svg class=\"chart line-chart\(compact ? " compact" : "")\" role=\"img\" viewBox=\"0 0 \(f(width)) \(f(height))\" "
            + "xmlns=\"http://www.w3.org/2000/svg\"><title>\(escape(title))</title>"
        svg += "<defs><clipPath id=\"plot-\(compact ? "c" : "w")\"><rect x=\"\(f(left))\" y=\"\(f(top))\" width=\"\(f(plotW))\" height=\"\(f(plotH))\"/></clipPath>"
            + "<pattern id=\"thin-hatch\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" "
            + "patternTransform=\"rotate(45)\"><rect width=\"2\" height=\"6\" fill=\"#e6e6e6\"/></pattern></defs>"
        for i in shaded.sorted() where i < labels.count {
            let half = labels.count > 1 ? step / 2 : plotW / 2
            svg += "<rect class=\"thin\" x=\"\(f(max(left, x(i) - half)))\" y=\"\(f(top))\" "
                + "width=\"\(f(min(x(i) + half, left + plotW) - max(left, x(i) - half)))\" height=\"\(f(plotH))\" "
                + "fill=\"url(#thin-hatch)\"><title>\(escape(labels[i])): thin period</title></rect>"
        }
        for k in 0...4 {
            let v = maxValue * Double(k) / 4
            svg += "<line x1=\"\(f(left))\" x2=\"\(f(left + plotW))\" y1=\"\(f(y(v)))\" y2=\"\(f(y(v)))\" stroke=\"#ddd\"/>"
            svg += "<text x=\"\(f(left - 6))\" y=\"\(f(y(v) + 4))\" text-anchor=\"end\" class=\"axis\">\(FigureFormat.percent(v))</text>"
        }
        let every = max(1, Int((Double(labels.count) / (compact ? 5 : 12)).rounded(.up)))
        // Every `every`-th label and the last one; a regular label too close to the last is left out so they do not overlap.
        for (i, label) in labels.enumerated()
        where (i % every == 0 && (labels.count - 1 - i >= every || i == labels.count - 1)) || i == labels.count - 1 {
            // The last label ends at its tick on a phone, so it is not cut at the edge.
            let anchor = compact && labels.count > 1 && i == labels.count - 1 ? "end" : "middle"
            svg += "<text x=\"\(f(x(i)))\" y=\"\(f(top + plotH + 18))\" text-anchor=\"\(anchor)\" class=\"axis\">\(escape(label))</text>"
        }
        for (index, s) in series.enumerated() where !s.lower.isEmpty {
            let colour = palette[index % palette.count]
            var runs: [[Int]] = [[]]
            for i in s.values.indices {
                // No band over a thin period: its interval is wide by construction and would drown the rest.
                if s.values[i] != nil, !shaded.contains(i), i < s.lower.count, i < s.upper.count, s.lower[i] != nil, s.upper[i] != nil {
                    runs[runs.count - 1].append(i)
                } else if !(runs.last?.isEmpty ?? true) { runs.append([]) }
            }
            for run in runs where !run.isEmpty {
                // A lone period gets a bar as wide as a few pixels, so its interval still shows.
                let pad = run.count == 1 ? 3.0 : 0
                let upper = run.map { "\(f(x($0) - pad)),\(f(y(s.upper[$0]!)))" } + (pad > 0 ? ["\(f(x(run[0]) + pad)),\(f(y(s.upper[run[0]]!)))"] : [])
                let lower = run.reversed().map { "\(f(x($0) + pad)),\(f(y(s.lower[$0]!)))" } + (pad > 0 ? ["\(f(x(run[0]) - pad)),\(f(y(s.lower[run[0]]!)))"] : [])
                svg += "<polygon class=\"band\" clip-path=\"url(#plot-\(compact ? "c" : "w"))\" fill=\"\(colour)\" fill-opacity=\"0.14\" stroke=\"none\" points=\""
                    + (upper + lower).joined(separator: " ") + "\"><title>\(escape(s.name)): 95% interval</title></polygon>"
            }
        }
        for (index, s) in series.enumerated() {
            let colour = palette[index % palette.count]
            var segments: [[(Double, Double)]] = [[]]
            // The line breaks at a thin period: its point is drawn, but not joined to its neighbours as if it were solid.
            for (i, value) in s.values.enumerated() {
                if let value, !shaded.contains(i) { segments[segments.count - 1].append((x(i), y(min(value, maxValue)))) }
                else if !(segments.last?.isEmpty ?? true) { segments.append([]) }
            }
            for segment in segments where segment.count > 1 {
                svg += "<polyline fill=\"none\" stroke=\"\(colour)\" stroke-width=\"2.2\" points=\""
                    + segment.map { "\(f($0.0)),\(f($0.1))" }.joined(separator: " ") + "\"/>"
            }
            for (i, value) in s.values.enumerated() {
                guard let value else { continue }
                var interval = ""
                if i < s.lower.count, i < s.upper.count, let low = s.lower[i], let high = s.upper[i] {
                    interval = " (95% interval \(FigureFormat.percent(low))–\(FigureFormat.percent(high)))"
                }
                svg += "<circle cx=\"\(f(x(i)))\" cy=\"\(f(y(min(value, maxValue))))\" r=\"3\" fill=\"\(colour)\">"
                    + "<title>\(escape(s.name)), \(escape(labels[i])): \(FigureFormat.percent(value))\(interval)</title></circle>"
            }
            let lx = compact ? left : width - right + 14
            let ly = compact ? top + plotH + 40 + Double(index) * 18 : top + 8 + Double(index) * 18
            svg += "<rect x=\"\(f(lx))\" y=\"\(f(ly - 8))\" width=\"14\" height=\"4\" fill=\"\(colour)\"/>"
            svg += "<text x=\"\(f(lx + 20))\" y=\"\(f(ly - 2))\" class=\"legend\">\(escape(s.name))</text>"
        }
        return svg + "</svg>"
    }

    /// Horizontal bars, longest first, with the figure written at the end of each bar.
    static func bars(title: String, bars: [Bar], width fullWidth: Double = 880, colour: String = "#0072B2",
                     compact: Bool = false) -> String {
        let width = compact ? 420 : fullWidth
        let labelW = compact ? 150.0 : 230.0, textW = compact ? 96.0 : 90.0, rowH = 22.0, top = 6.0
        let height = top * 2 + Double(bars.count) * rowH
        let maxValue = bars.map(\.value).max() ?? 0
        let plotW = width - labelW - textW
        var svg = "<svg class=\"chart bar-chart\" role=\"img\" viewBox=\"0 0 \(f(width)) \(f(height))\" "
            + "xmlns=\"http://www.w3.org/2000/svg\"><title>\(escape(title))</title>"
        for (i, bar) in bars.enumerated() {
            let y = top + Double(i) * rowH
            let w = maxValue > 0 ? max(1, bar.value / maxValue * plotW) : 1
            svg += "<text x=\"\(f(labelW - 8))\" y=\"\(f(y + 15))\" text-anchor=\"end\" class=\"label\">\(escape(compact ? shortened(bar.label) : bar.label))</text>"
            svg += "<rect x=\"\(f(labelW))\" y=\"\(f(y + 3))\" width=\"\(f(w))\" height=\"\(f(rowH - 6))\" fill=\"\(colour)\""
                + (bar.emphasised ? "" : " fill-opacity=\"0.35\"") + "><title>\(escape(bar.label)): \(escape(bar.text))</title></rect>"
            svg += "<text x=\"\(f(labelW + w + 6))\" y=\"\(f(y + 15))\" class=\"value\">\(escape(bar.text))</text>"
        }
        return svg + "</svg>"
    }

    /// A label cut to fit a phone's label column (the bar's title keeps the full name).
    static func shortened(_ label: String, limit: Int = 21) -> String {
        label.count <= limit ? label : String(label.prefix(limit - 1)) + "…"
    }

    /// Bars growing right (green, rises) or left (red, falls) from a centre line; pale bars are not significant.
    static func diverging(title: String, bars: [Bar], width fullWidth: Double = 880, compact: Bool = false) -> String {
        let width = compact ? 420 : fullWidth
        let labelW = compact ? 140.0 : 230.0, rowH = 22.0, top = 6.0, textW = compact ? 56.0 : 70.0
        let height = top * 2 + Double(bars.count) * rowH
        let maxValue = bars.map { abs($0.value) }.max() ?? 0
        let half = (width - labelW - 2 * textW) / 2
        let centre = labelW + textW + half
        var svg = "<svg class=\"chart diverging-chart\" role=\"img\" viewBox=\"0 0 \(f(width)) \(f(height))\" "
            + "xmlns=\"http://www.w3.org/2000/svg\"><title>\(escape(title))</title>"
        svg += "<line x1=\"\(f(centre))\" x2=\"\(f(centre))\" y1=\"0\" y2=\"\(f(height))\" stroke=\"#999\"/>"
        for (i, bar) in bars.enumerated() {
            let y = top + Double(i) * rowH
            let w = maxValue > 0 ? max(1, abs(bar.value) / maxValue * half) : 1
            let rising = bar.value >= 0
            let x = rising ? centre : centre - w
            svg += "<text x=\"\(f(labelW - 8))\" y=\"\(f(y + 15))\" text-anchor=\"end\" class=\"label\">\(escape(compact ? shortened(bar.label) : bar.label))</text>"
            svg += "<rect x=\"\(f(x))\" y=\"\(f(y + 3))\" width=\"\(f(w))\" height=\"\(f(rowH - 6))\" "
                + "fill=\"\(rising ? "#009E73" : "#D55E00")\"" + (bar.emphasised ? "" : " fill-opacity=\"0.3\"")
                + "><title>\(escape(bar.label)): \(escape(bar.text))</title></rect>"
            let tx = rising ? x + w + 6 : x - 6
            svg += "<text x=\"\(f(tx))\" y=\"\(f(y + 15))\" text-anchor=\"\(rising ? "start" : "end")\" class=\"value\">\(escape(bar.text))</text>"
        }
        return svg + "</svg>"
    }

    /// A grid of shares: rows × columns, darker for larger, the figure written in each cell.
    /// `svg` as a file of its own: XML declaration and the styles the HTML page would otherwise give it.
    static func standalone(_ svg: String) -> String {
        let style = "<style>text{font-family:-apple-system,\"Segoe UI\",Roboto,Arial,sans-serif}.axis{font-size:11px;fill:#5b6472}"
            + ".legend,.label{font-size:12px;fill:#1d2330}.value,.cell{font-size:11px;fill:#1d2330}.cell.dark{fill:#fff}</style>"
        guard let close = svg.firstIndex(of: ">") else { return svg }
        var out = svg
        out.insert(contentsOf: "<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>" + style, at: out.index(after: close))
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + out + "\n"
    }

    static func heatmap(title: String, rows: [String], columns: [String], values: [[Double]],
                        width: Double = 880) -> String {
        // Column labels are drawn rotated up and to the right, so keep room for them past the last column.
        let labelW = 200.0, headerH = 120.0, rowH = 24.0, rightRoom = 130.0
        let cellW = columns.isEmpty ? 0 : min(90, (width - labelW - rightRoom) / Double(columns.count))
        let height = headerH + Double(rows.count) * rowH + 4
        let maxValue = values.flatMap { $0 }.max() ?? 0
        var svg = "<svg class=\"chart heatmap\" role=\"img\" viewBox=\"0 0 \(f(width)) \(f(height))\" "
            + "xmlns=\"http://www.w3.org/2000/svg\"><title>\(escape(title))</title>"
        for (j, column) in columns.enumerated() {
            let cx = labelW + Double(j) * cellW + cellW / 2
            svg += "<text transform=\"translate(\(f(cx - 4)),\(f(headerH - 6))) rotate(-35)\" class=\"label\">\(escape(column))</text>"
        }
        for (i, row) in rows.enumerated() {
            let y = headerH + Double(i) * rowH
            svg += "<text x=\"\(f(labelW - 8))\" y=\"\(f(y + 16))\" text-anchor=\"end\" class=\"label\">\(escape(row))</text>"
            for (j, value) in values[i].enumerated() where j < columns.count {
                let intensity = maxValue > 0 ? value / maxValue : 0
                let x = labelW + Double(j) * cellW
                svg += "<rect x=\"\(f(x))\" y=\"\(f(y))\" width=\"\(f(cellW - 2))\" height=\"\(f(rowH - 2))\" "
                    + "fill=\"#0072B2\" fill-opacity=\"\(String(format: "%.3f", 0.06 + 0.94 * intensity))\">"
                    + "<title>\(escape(row)) in \(escape(columns[j])) postings: \(FigureFormat.percent(value))</title></rect>"
                svg += "<text x=\"\(f(x + cellW / 2 - 1))\" y=\"\(f(y + 16))\" text-anchor=\"middle\" class=\"cell\(intensity > 0.55 ? " dark" : "")\">"
                    + "\(value > 0 ? FigureFormat.percent(value) : "·")</text>"
            }
        }
        return svg + "</svg>"
    }
}
