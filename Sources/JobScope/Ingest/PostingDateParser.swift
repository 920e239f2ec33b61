import Foundation

/// Reads the dates job data carries into a `PostingDate`: ISO 8601 dates and date-times, `YYYY-MM`,
/// RFC 2822 (`Mon, 22 Jul 2018 10:00:00 +0000`), `MM/DD/YYYY`, `22 July 2018`, `July 22, 2018`, Unix
/// timestamps, and relative dates ("30+ days ago", "yesterday") — those only against a known collection
/// date. Anything else is nil: an unknown date is never replaced by today's.
public struct PostingDateParser: Sendable {
    /// The day the data was collected, which relative dates count back from.
    public var collectionDate: PostingDate?

    public init(collectionDate: PostingDate? = nil) {
        self.collectionDate = collectionDate
    }

    /// The calendar day `text` names, or nil when it names none this parser trusts.
    public func parse(_ text: String) -> PostingDate? {
        // Most dates start and end with an ASCII letter or digit: nothing to trim, no Foundation call.
        @inline(__always) func isAlphanumeric(_ b: UInt8?) -> Bool {
            guard let b else { return false }
            return (b >= 0x30 && b <= 0x39) || ((b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A)
        }
        let trimmed = isAlphanumeric(text.utf8.first) && isAlphanumeric(text.utf8.last)
            ? text : WhiteSpace.trimmed(text, newlines: true)
        guard !trimmed.isEmpty, trimmed.count <= 64 else { return nil }
        let bytes = Array(trimmed.utf8)
        if let iso = Self.isoDate(bytes) { return iso }
        if let slashed = Self.slashedDate(bytes) { return slashed }
        if let timestamp = Self.unixTimestamp(trimmed) { return timestamp }
        let words = trimmed.lowercased()
            .split(whereSeparator: { $0 == " " || $0 == "," })
            .map(String.init)
        if let named = Self.namedMonthDate(words) { return named }
        return relativeDate(trimmed.lowercased())
    }

    // MARK: - Formats

    /// `YYYY-MM-DD`, `YYYY-MM-DDThh:mm…`, `YYYY-MM-DD hh:mm…`, `YYYY/MM/DD`, `YYYY-MM` (day 1).
    static func isoDate(_ b: [UInt8]) -> PostingDate? {
        guard b.count >= 7, let year = number(b, 0, 4), b[4] == UInt8(ascii: "-") || b[4] == UInt8(ascii: "/"),
              let month = number(b, 5, 2), (1...12).contains(month) else { return nil }
        if b.count == 7 { return make(year, month, 1) }
        guard b.count >= 10, b[7] == b[4], let day = number(b, 8, 2) else { return nil }
        if b.count > 10 {
            let next = b[10]
            guard next == UInt8(ascii: "T") || next == UInt8(ascii: " ") || next == UInt8(ascii: "t")
                || next == UInt8(ascii: "Z") else { return nil }
        }
        return make(year, month, day)
    }

    /// `MM/DD/YYYY` (US order, as US job boards export), also `M/D/YYYY`, with an optional time after.
    static func slashedDate(_ b: [UInt8]) -> PostingDate? {
        let head = b.prefix { $0 != 0x20 && $0 != UInt8(ascii: "T") }
        let parts = head.split(separator: UInt8(ascii: "/"))
        guard parts.count == 3, parts[2].count == 4,
              let month = Int(String(decoding: parts[0], as: UTF8.self)),
              let day = Int(String(decoding: parts[1], as: UTF8.self)),
              let year = Int(String(decoding: parts[2], as: UTF8.self)) else { return nil }
        return make(year, month, day)
    }

    /// Seconds (10 digits) or milliseconds (13 digits) since 1970, in UTC.
    static func unixTimestamp(_ text: String) -> PostingDate? {
        // Exports that went through a float column write "1713397508000.0".
        if let dot = text.firstIndex(of: "."), text[text.index(after: dot)...].allSatisfy({ $0 == "0" }) {
            return unixTimestamp(String(text[..<dot]))
        }
        guard text.count == 10 || text.count == 13, text.allSatisfy(\.isASCII), let value = Double(text),
              text.allSatisfy(\.isNumber) else { return nil }
        let seconds = text.count == 13 ? value / 1000 : value
        let day = day(daysSince1970: Int((seconds / 86_400).rounded(.down)))
        return (2000...2100).contains(day.year) ? day : nil
    }

    /// The UTC Gregorian day `days` after 1970-01-01, by arithmetic (Howard Hinnant's civil_from_days): what a
    /// Calendar gives, without building one for every timestamp or Excel date read.
    static func day(daysSince1970 days: Int) -> PostingDate {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        return PostingDate(year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month: month,
                           day: dayOfYear - (153 * shiftedMonth + 2) / 5 + 1)
    }

    /// RFC 2822 and prose: `Mon, 22 Jul 2018 10:00:00 +0000`, `22 July 2018`, `July 22, 2018`, `Jul 2018`.
    static func namedMonthDate(_ words: [String]) -> PostingDate? {
        var tokens = words.filter { !$0.isEmpty }
        if let first = tokens.first, weekdays.contains(String(first.prefix(3))), Int(first) == nil {
            tokens.removeFirst()
        }
        guard tokens.count >= 2 else { return nil }
        func month(_ word: String) -> Int? {
            let key = String(word.trimmingCharacters(in: CharacterSet(charactersIn: ".")).prefix(3))
            return months.firstIndex(of: key).map { $0 + 1 }
        }
        func dayNumber(_ word: String) -> Int? {
            Int(word.trimmingCharacters(in: CharacterSet(charactersIn: "stndrh.")))
        }
        // 22 Jul 2018
        if tokens.count >= 3, let d = dayNumber(tokens[0]), let m = month(tokens[1]), let y = Int(tokens[2]),
           tokens[2].count == 4 {
            return make(y, m, d)
        }
        // July 22 2018
        if tokens.count >= 3, let m = month(tokens[0]), let d = dayNumber(tokens[1]), let y = Int(tokens[2]),
           tokens[2].count == 4 {
            return make(y, m, d)
        }
        // Jul 2018
        if tokens.count == 2, let m = month(tokens[0]), let y = Int(tokens[1]), tokens[1].count == 4 {
            return make(y, m, 1)
        }
        return nil
    }

    /// "today", "yesterday", "just posted", "3 days ago", "30+ days ago", "2 weeks ago", "1 month ago",
    /// "an hour ago" — counted back from the collection date, which must be known.
    func relativeDate(_ text: String) -> PostingDate? {
        guard let collectionDate else { return nil }
        var words = text.replacingOccurrences(of: "+", with: "").split(separator: " ").map(String.init)
        if words.first == "posted" || words.first == "active" { words.removeFirst() }
        let phrase = words.joined(separator: " ")
        switch phrase {
        case "today", "just posted", "just now", "now", "new": return collectionDate
        case "yesterday": return Self.shift(collectionDate, days: -1)
        default: break
        }
        guard words.count >= 2, words.last == "ago" || words.count == 2 else { return nil }
        let amount: Int
        if let n = Int(words[0]) { amount = n } else if words[0] == "a" || words[0] == "an" { amount = 1 } else { return nil }
        let unit = words[1].hasSuffix("s") ? String(words[1].dropLast()) : words[1]
        switch unit {
        case "second", "minute", "min", "hour", "hr", "h", "m": return collectionDate
        case "day", "d": return Self.shift(collectionDate, days: -amount)
        case "week", "w": return Self.shift(collectionDate, days: -7 * amount)
        case "month", "mo": return Self.shift(collectionDate, months: -amount)
        case "year", "yr", "y": return Self.shift(collectionDate, months: -12 * amount)
        default: return nil
        }
    }

    // MARK: - Helpers

    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    private static let weekdays: Set<String> = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]

    private static func number(_ b: [UInt8], _ start: Int, _ count: Int) -> Int? {
        guard start + count <= b.count else { return nil }
        var value = 0
        for i in start..<(start + count) {
            let d = b[i]
            guard d >= 0x30, d <= 0x39 else { return nil }
            value = value * 10 + Int(d - 0x30)
        }
        return value
    }

    /// A real calendar day in a plausible year, else nil (no 2018-02-30, no year 0).
    static func make(_ year: Int, _ month: Int, _ day: Int) -> PostingDate? {
        guard (1900...2200).contains(year), (1...12).contains(month), day >= 1,
              day <= daysIn(year: year, month: month) else { return nil }
        return PostingDate(year: year, month: month, day: day)
    }

    private static func daysIn(year: Int, month: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    static func shift(_ date: PostingDate, days: Int = 0, months: Int = 0) -> PostingDate? {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        guard let start = calendar.date(from: DateComponents(year: date.year, month: date.month, day: date.day)),
              let moved = calendar.date(byAdding: DateComponents(month: months, day: days), to: start) else { return nil }
        let c = calendar.dateComponents([.year, .month, .day], from: moved)
        guard let y = c.year, let m = c.month, let d = c.day else { return nil }
        return PostingDate(year: y, month: m, day: d)
    }
}
