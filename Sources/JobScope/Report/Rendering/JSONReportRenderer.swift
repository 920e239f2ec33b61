import Foundation

/// The report as JSON: every figure of `TrendReport`, keys sorted, for pipelines.
public struct JSONReportRenderer: Sendable {
    public init() {}

    /// The report encoded as pretty-printed JSON.
    public func render(_ report: TrendReport) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(report), as: UTF8.self) + "\n"
    }
}
