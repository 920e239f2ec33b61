import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import JobScope

@Suite struct ReportRenderingTests {
    static let snapshotOptions = ReportOptions(granularity: .quarter, minimumSupport: 3, minimumPeriodPostings: 8, topCount: 8)

    var snapshotReport: TrendReport {
        TrendReport(records: ReportFixtures.snapshotRecords(), taxonomy: ReportFixtures.taxonomy,
                    options: Self.snapshotOptions)
    }

    /// Compares `text` with the fixture file; `JOBSCOPE_UPDATE_SNAPSHOTS=1` rewrites the file instead.
    func assertSnapshot(_ text: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/Report/\(name)")
        if ProcessInfo.processInfo.environment["JOBSCOPE_UPDATE_SNAPSHOTS"] == "1" {
            try text.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        if expected != text {
            let a = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let b = text.split(separator: "\n", omittingEmptySubsequences: false)
            let first = zip(a, b).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, b.count)
            Issue.record("""
                \(name) differs from the snapshot at line \(first + 1):
                expected: \(first < a.count ? String(a[first]) : "<end>")
                actual:   \(first < b.count ? String(b[first]) : "<end>")
                (run with JOBSCOPE_UPDATE_SNAPSHOTS=1 to accept the new output)
                """, sourceLocation: sourceLocation)
        }
    }

    @Test func terminalReportMatchesSnapshot() throws {
        let text = TerminalReportRenderer(colour: false).render(snapshotReport)
        #expect(!text.contains("\u{1B}["))
        try assertSnapshot(text, named: "terminal.txt")
    }

    @Test func markdownReportMatchesSnapshot() throws {
        try assertSnapshot(MarkdownReportRenderer().render(snapshotReport), named: "markdown.md")
    }

    @Test func terminalColourOnlyWhenAsked() throws {
        let plain = TerminalReportRenderer(colour: false).render(snapshotReport)
        #expect(!plain.contains("\u{1B}"))
        // Asked for, colour is there (whether or not the test's own output is a terminal), and it is only
        // colour: without its escape sequences the text is the plain report.
        let coloured = TerminalReportRenderer(colour: true).render(snapshotReport)
        #expect(coloured.contains("\u{1B}["))
        let stripped = try Regex("\u{1B}\\[[0-9;]*m")
        let lines = coloured.replacing(stripped, with: "").split(separator: "\n", omittingEmptySubsequences: false)
        let plainLines = plain.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == plainLines.count)
        for (index, (a, b)) in zip(lines, plainLines).enumerated() where a != b {
            Issue.record("line \(index + 1) differs once colour is stripped:\n  \(a)\n  \(b)")
            break
        }
    }

    @Test func markdownTablesHaveConsistentColumns() {
        let text = MarkdownReportRenderer().render(snapshotReport)
        var expected: Int?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            guard line.hasPrefix("|") else { expected = nil; continue }
            let cells = line.replacingOccurrences(of: "\\|", with: "").filter { $0 == "|" }.count
            if let expected { #expect(cells == expected, "\(line)") } else { expected = cells }
        }
    }

    #if canImport(FoundationXML) || os(macOS)
    @Test(arguments: [false, true])
    func htmlIsWellFormedSelfContainedAndEveryChartHasData(trendSet: Bool) throws {
        let report = trendSet
            ? TrendReport(records: ReportFixtures.trendCollection(), taxonomy: ReportFixtures.taxonomy,
                          options: ReportOptions(granularity: .month, compare: [DateSpan("2025-01")!, DateSpan("2025-06")!]))
            : snapshotReport
        let html = HTMLReportRenderer().render(report)
        let document = try XMLDocument(xmlString: html, options: [])
        let root = try #require(document.rootElement())
        #expect(root.name == "html")
        // Self-contained: no scripts, no external stylesheets, images or fonts.
        #expect(try document.nodes(forXPath: "//*[local-name()='script' or local-name()='link' or local-name()='img' or local-name()='iframe']").isEmpty)
        #expect(try document.nodes(forXPath: "//@src").isEmpty)
        #expect(!html.contains("http://") || html.replacingOccurrences(of: "http://www.w3.org/", with: "").contains("http://") == false)
        #expect(!html.contains("https://"))
        let charts = try document.nodes(forXPath: "//*[local-name()='svg']")
        #expect(charts.count >= (trendSet ? 5 : 6))
        var kinds = Set<String>()
        for chart in charts {
            guard let svg = chart as? XMLElement else { continue }
            // attribute(forName:) misses attributes of namespaced elements on Linux; look them up by name.
            let classes = svg.attributes?.first { $0.name == "class" }?.stringValue ?? ""
            kinds.formUnion(classes.split(separator: " ").map(String.init))
            let marks = try svg.nodes(forXPath: ".//*[(local-name()='polyline' or local-name()='circle' or local-name()='rect') and not(ancestor::*[local-name()='defs']) and not(@class='thin')]")
            #expect(!marks.isEmpty, "chart without data: \(classes)")
            // Every mark states its figure.
            let titled = try svg.nodes(forXPath: ".//*[local-name()='circle' or (local-name()='rect' and not(ancestor::*[local-name()='defs']) and @fill!='url(#thin-hatch)')]/*[local-name()='title']")
            #expect(titled.allSatisfy { ($0.stringValue ?? "").contains("%") || ($0.stringValue ?? "").contains("pp") })
        }
        // Every chart comes in a phone layout too; the endpoint comparison's chart only under --compare.
        #expect(kinds.isSuperset(of: ["line-chart", "bar-chart", "heatmap", "compact"]))
        #expect(kinds.contains("diverging-chart") == trendSet)
        if trendSet {
            // Shares are drawn with their 95% interval bands.
            #expect(try !document.nodes(forXPath: "//*[local-name()='polygon' and @class='band']").isEmpty)
            // The LLM riser is drawn as a significant (solid) bar.
            #expect(html.contains("Large language models: +35.0 pp *"))
        }
    }
    #endif

    @Test func htmlEscapesNames() {
        var taxonomy = ReportFixtures.taxonomy
        taxonomy.roles[0].name = "R&D <ML> \"Engineer\""
        let report = TrendReport(records: ReportFixtures.snapshotRecords(), taxonomy: taxonomy, options: Self.snapshotOptions)
        let html = HTMLReportRenderer().render(report)
        #expect(html.contains("R&amp;D &lt;ML&gt; &quot;Engineer&quot;"))
        #expect(!html.contains("<ML>"))
    }
}
