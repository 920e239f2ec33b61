import Foundation
import Testing
@testable import JobScope

@Suite struct PreviewTmp {
    @Test func writePreview() throws {
        let a = TrendReport(records: ReportFixtures.trendCollection(), taxonomy: ReportFixtures.taxonomy, options: ReportOptions(granularity: .month))
        try HTMLReportRenderer().render(a).write(toFile: "/tmp/preview-trend.html", atomically: true, encoding: .utf8)
        try TerminalReportRenderer(colour: true).render(a).write(toFile: "/tmp/preview-trend.txt", atomically: true, encoding: .utf8)
        let b = TrendReport(records: ReportFixtures.snapshotRecords(), taxonomy: ReportFixtures.taxonomy, options: ReportRenderingTests.snapshotOptions)
        try HTMLReportRenderer().render(b).write(toFile: "/tmp/preview-snap.html", atomically: true, encoding: .utf8)
    }
}
