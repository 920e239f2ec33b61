import Foundation

/// The forms the trend report can be written in.
public enum ReportFormat: String, Sendable, Codable, CaseIterable {
    case terminal, markdown, json, csv, html

    /// The report in this format; `section` picks one CSV table; `colour` applies to the terminal form only;
    /// `rawCSV` leaves formula-like CSV cells as they are.
    public func render(_ report: TrendReport, section: String? = nil, colour: Bool = false,
                       rawCSV: Bool = false) throws -> String {
        if section != nil && self != .csv { throw ReportError.sectionNeedsCSV }
        switch self {
        case .terminal: return TerminalReportRenderer(colour: colour).render(report)
        case .markdown: return MarkdownReportRenderer().render(report)
        case .json: return try JSONReportRenderer().render(report)
        case .csv:
            if let section { return try CSVReportRenderer(rawCSV: rawCSV).table(section, of: report) }
            return CSVReportRenderer(rawCSV: rawCSV).render(report)
        case .html: return HTMLReportRenderer().render(report)
        }
    }
}
