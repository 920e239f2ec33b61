import Foundation

/// How postings are grouped in time.
public enum ReportGranularity: String, Sendable, Codable, CaseIterable {
    case month, quarter, year

    /// The period holding `date`.
    public func period(containing date: PostingDate) -> ReportPeriod {
        switch self {
        case .month:
            return ReportPeriod(label: String(format: "%04d-%02d", date.year, date.month),
                                start: PostingDate(year: date.year, month: date.month, day: 1),
                                end: PostingDate(year: date.year, month: date.month,
                                                 day: DateSpan.daysIn(month: date.month, year: date.year)))
        case .quarter:
            let q = (date.month - 1) / 3 + 1
            let last = q * 3
            return ReportPeriod(label: "\(date.year)-Q\(q)",
                                start: PostingDate(year: date.year, month: last - 2, day: 1),
                                end: PostingDate(year: date.year, month: last,
                                                 day: DateSpan.daysIn(month: last, year: date.year)))
        case .year:
            return ReportPeriod(label: String(date.year), start: PostingDate(year: date.year, month: 1, day: 1),
                                end: PostingDate(year: date.year, month: 12, day: 31))
        }
    }

    /// Every period from the one holding `first` to the one holding `last`, empty ones included,
    /// so a gap shows as a gap rather than vanishing.
    public func periods(from first: PostingDate, through last: PostingDate) -> [ReportPeriod] {
        var result: [ReportPeriod] = []
        var current = period(containing: first)
        let final = period(containing: last)
        while current.start <= final.start {
            result.append(current)
            current = period(containing: current.end.nextDay)
        }
        return result
    }
}

/// One period of the report (a month, quarter or year).
public struct ReportPeriod: Sendable, Codable, Hashable {
    /// `2024-03`, `2024-Q1` or `2024`.
    public var label: String
    public var start: PostingDate
    public var end: PostingDate
    /// Postings dated in the period (after filters).
    public var postings: Int
    /// Fewer postings than the report's minimum period size: its shares are shown but not trusted.
    public var isThin: Bool

    public init(label: String, start: PostingDate, end: PostingDate, postings: Int = 0, isThin: Bool = false) {
        self.label = label
        self.start = start
        self.end = end
        self.postings = postings
        self.isThin = isThin
    }

    /// Whether `date` falls in the period.
    public func contains(_ date: PostingDate) -> Bool { start <= date && date <= end }
}

extension PostingDate {
    /// The following calendar day.
    var nextDay: PostingDate {
        if day < DateSpan.daysIn(month: month, year: year) { return PostingDate(year: year, month: month, day: day + 1) }
        if month < 12 { return PostingDate(year: year, month: month + 1, day: 1) }
        return PostingDate(year: year + 1, month: 1, day: 1)
    }
}
