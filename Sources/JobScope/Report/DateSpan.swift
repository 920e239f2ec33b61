import Foundation

/// A run of calendar days given the way analysts write them: `2024`, `2024-Q2`, `2024-03`, `2024-03-15`,
/// or a range of those joined by `..` (`2023-01..2023-06`).
public struct DateSpan: Sendable, Codable, Hashable, CustomStringConvertible {
    /// What the user wrote (used as the span's label).
    public var label: String
    public var start: PostingDate
    public var end: PostingDate

    public init(label: String, start: PostingDate, end: PostingDate) {
        self.label = label
        self.start = start
        self.end = end
    }

    /// Parses a span; nil when the text is none of the accepted forms.
    public init?(_ text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let range = trimmed.range(of: "..") {
            guard let from = DateSpan(String(trimmed[..<range.lowerBound])),
                  let to = DateSpan(String(trimmed[range.upperBound...])), from.start <= to.end else { return nil }
            self.init(label: trimmed, start: from.start, end: to.end)
            return
        }
        let parts = trimmed.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        guard let first = parts.first, first.count == 4, let year = Int(first) else { return nil }
        switch parts.count {
        case 1:
            self.init(label: trimmed, start: PostingDate(year: year, month: 1, day: 1),
                      end: PostingDate(year: year, month: 12, day: 31))
        case 2 where parts[1].uppercased().hasPrefix("Q"):
            guard let q = Int(parts[1].dropFirst()), (1...4).contains(q) else { return nil }
            let period = ReportGranularity.quarter.period(containing: PostingDate(year: year, month: q * 3, day: 1))
            self.init(label: trimmed, start: period.start, end: period.end)
        case 2:
            guard let month = Int(parts[1]), (1...12).contains(month) else { return nil }
            let period = ReportGranularity.month.period(containing: PostingDate(year: year, month: month, day: 1))
            self.init(label: trimmed, start: period.start, end: period.end)
        case 3:
            guard let date = PostingDate(iso: trimmed),
                  date.day <= DateSpan.daysIn(month: date.month, year: date.year) else { return nil }
            self.init(label: trimmed, start: date, end: date)
        default:
            return nil
        }
    }

    /// Whether `date` falls in the span.
    public func contains(_ date: PostingDate) -> Bool { start <= date && date <= end }

    public var description: String { label }

    /// Days in a month of the Gregorian calendar.
    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
