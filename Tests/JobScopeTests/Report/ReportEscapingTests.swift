import Foundation
import Testing
@testable import JobScope

/// Every report format escapes what it embeds from the data: a hostile taxonomy name runs nowhere.
@Suite("Report escaping")
struct ReportEscapingTests {
    /// The snapshot report with the first role and skill renamed to `role` and `skill`.
    func report(role: String, skill: String) -> TrendReport {
        var taxonomy = ReportFixtures.taxonomy
        taxonomy.roles[0].name = role
        taxonomy.skills[0].name = skill
        return TrendReport(records: ReportFixtures.snapshotRecords(), taxonomy: taxonomy,
                           options: ReportRenderingTests.snapshotOptions)
    }

    @Test("Markdown: taxonomy names carry no raw HTML, link or control character")
    func markdown() {
        let text = MarkdownReportRenderer().render(report(role: "<img src=x onerror=alert(1)> [click](http://evil)",
                                                          skill: "Py\u{1B}]0;owned\u{07}thon &lt;"))
        #expect(!text.contains("<img"))
        #expect(text.contains("&lt;img src=x onerror=alert(1)&gt; \\[click\\](http://evil)"))
        #expect(!text.contains("\u{1B}"))
        #expect(text.contains("Python &amp;lt;"))
    }

    @Test("terminal: escape sequences in names never reach the terminal; colour only from the renderer")
    func terminal() {
        let hostile = report(role: "ML\u{1B}[2J\u{1B}]52;c;ZXZpbA==\u{07} Engineer", skill: "Py\u{9B}1Athon")
        let plain = TerminalReportRenderer(colour: false).render(hostile)
        #expect(!plain.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x9B || $0.value == 0x07 })
        #expect(plain.contains("ML Engineer"))
        let coloured = TerminalReportRenderer(colour: true).render(hostile)
        // (Rainbow may leave colour out when not on a terminal; the name's sequences are gone either way.)
        #expect(!coloured.contains("\u{1B}[2J") && !coloured.contains("\u{1B}]52") && !coloured.contains("\u{9B}"))
    }

    @Test("CSV report: formula cells defused by default, as they are with rawCSV")
    func csvFormulas() throws {
        let hostile = report(role: "=HYPERLINK(\"http://evil\",\"Apply\")", skill: "@SUM(A1)")
        let csv = try ReportFormat.csv.render(hostile, section: "roles")
        #expect(csv.contains("\"'=HYPERLINK(\"\"http://evil\"\",\"\"Apply\"\")\""))
        #expect(!csv.split(separator: "\n").contains { $0.hasPrefix("=") || $0.contains(",=") || $0.contains(",\"=") })
        let raw = try ReportFormat.csv.render(hostile, section: "roles", rawCSV: true)
        #expect(raw.contains("\"=HYPERLINK("))
        // Negative figures stay numbers.
        let trends = try ReportFormat.csv.render(report(role: "A", skill: "B"), section: "trends")
        #expect(!trends.contains("'-0") && !trends.contains("'-1"))
    }
}
