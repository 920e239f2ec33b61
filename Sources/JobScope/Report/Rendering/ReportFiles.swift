import Foundation

/// Writes the report's parts as files of their own: one CSV per section (`--csv-dir`), one SVG per chart (`--charts`).
public enum ReportFiles {
    /// Writes `<section>.csv` for every CSV section into `directory` (created when missing); returns the paths written.
    @discardableResult
    public static func writeCSVSections(_ report: TrendReport, to directory: String) throws -> [String] {
        try write(CSVReportRenderer().tables(report).map { ($0.section + ".csv", $0.csv) }, to: directory)
    }

    /// Writes `<chart>.svg` for every chart the HTML report draws into `directory`; returns the paths written.
    @discardableResult
    public static func writeCharts(_ report: TrendReport, to directory: String) throws -> [String] {
        try write(HTMLReportRenderer().charts(report).map { ($0.name + ".svg", $0.svg) }, to: directory)
    }

    private static func write(_ files: [(name: String, text: String)], to directory: String) throws -> [String] {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw ReportError.cannotWrite(path: directory, reason: error.localizedDescription)
        }
        return try files.map { file in
            let path = (directory as NSString).appendingPathComponent(file.name)
            do {
                try file.text.write(toFile: path, atomically: true, encoding: .utf8)
            } catch {
                throw ReportError.cannotWrite(path: path, reason: error.localizedDescription)
            }
            return path
        }
    }
}
