import Foundation

/// The date a posting's path gives: boards that publish one file per posting put the month (or day) in a
/// folder or file name (`jobs/Python/2024-10/<slug>/README.md`, `2024-05-31-ml-engineer.html`).
///
/// The nearest segment wins (the file name, then its folder, then up the tree). A segment gives a date
/// when it holds `YYYY-MM-DD` or `YYYY-MM` with no digit on either side, a year 1990–2100 and a real
/// month and day; a month alone gives day 1. Digits glued to other digits (`job-20240531`, an id like
/// `133246`) are not read, so an id is never taken for a date.
enum PathDate {
    /// The date in `path`, or nil when no segment holds one.
    static func date(in path: String) -> PostingDate? {
        var segments = path.split(separator: "/", omittingEmptySubsequences: true)
        while let segment = segments.popLast() {
            if let date = date(inSegment: Array(segment.utf8)) { return date }
        }
        return nil
    }

    /// The first bounded `YYYY-MM(-DD)` in one path segment.
    static func date(inSegment b: [UInt8]) -> PostingDate? {
        func digit(_ i: Int) -> Int? {
            guard i >= 0, i < b.count, b[i] >= 0x30, b[i] <= 0x39 else { return nil }
            return Int(b[i] - 0x30)
        }
        func number(_ i: Int, _ count: Int) -> Int? {
            var value = 0
            for k in i..<(i + count) {
                guard let d = digit(k) else { return nil }
                value = value * 10 + d
            }
            return value
        }
        let dash = UInt8(ascii: "-"), underscore = UInt8(ascii: "_")
        var i = 0
        while i + 7 <= b.count {
            defer { i += 1 }
            guard digit(i - 1) == nil, let year = number(i, 4), (1990...2100).contains(year),
                  b[i + 4] == dash || b[i + 4] == underscore, let month = number(i + 5, 2), (1...12).contains(month)
            else { continue }
            let separator = b[i + 4]
            if i + 10 <= b.count, b[i + 7] == separator, let day = number(i + 8, 2), digit(i + 10) == nil {
                guard (1...PathDate.days(year: year, month: month)).contains(day) else { continue }
                return PostingDate(year: year, month: month, day: day)
            }
            guard digit(i + 7) == nil else { continue }
            return PostingDate(year: year, month: month, day: 1)
        }
        return nil
    }

    static func days(year: Int, month: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
