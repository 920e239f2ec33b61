import Foundation
import Testing
@testable import JobScope

@Suite("Dates")
struct PostingDateParserTests {
    let parser = PostingDateParser()

    @Test("absolute formats", arguments: [
        ("2024-03-05", "2024-03-05"), ("2024-03-05T23:59:00-08:00", "2024-03-05"), ("2020-08-22 05:23:39", "2020-08-22"),
        ("2021-07", "2021-07-01"), ("Mon, 22 Jul 2018 10:00:00 +0000", "2018-07-22"), ("07/22/2018", "2018-07-22"),
        ("7/4/2019", "2019-07-04"), ("22 July 2018", "2018-07-22"), ("July 22, 2018", "2018-07-22"), ("1532217600", "2018-07-22"),
    ])
    func absolute(_ text: String, _ expected: String) {
        #expect(parser.parse(text) == PostingDate(iso: expected))
    }

    @Test("nonsense and impossible dates are unknown, never today", arguments: ["soon", "2018-02-30", "13/01/2020", "", "Q3", "30+ days ago"])
    func unknown(_ text: String) {
        #expect(parser.parse(text) == nil)
    }

    @Test("relative dates count back from the collection date", arguments: [
        ("30+ days ago", "2018-06-22"), ("21 days ago", "2018-07-01"), ("Just posted", "2018-07-22"), ("today", "2018-07-22"),
        ("yesterday", "2018-07-21"), ("2 weeks ago", "2018-07-08"), ("1 month ago", "2018-06-22"), ("5 hours ago", "2018-07-22"),
    ])
    func relative(_ text: String, _ expected: String) {
        let parser = PostingDateParser(collectionDate: PostingDate(year: 2018, month: 7, day: 22))
        #expect(parser.parse(text) == PostingDate(iso: expected))
    }

    @Test("ReaderOptions.collectionDate reaches CSV rows; without it the text is kept in extra")
    func throughReader() throws {
        let path = try IngestFixture.write("title,description,time_posted\nData Analyst,Count.,3 days ago\n", named: "rel.csv")
        let unknown = try #require(try PostingReader().read(path: path).postings.first)
        #expect(unknown.datePosted == nil)
        #expect(unknown.extra["date_text"] == "3 days ago")
        let options = ReaderOptions(collectionDate: PostingDate(year: 2018, month: 7, day: 22))
        let known = try #require(try PostingReader(options: options).read(path: path).postings.first)
        #expect(known.datePosted == PostingDate(year: 2018, month: 7, day: 19))
    }

    @Test("Unix timestamps in seconds and milliseconds name the day a UTC Gregorian calendar gives, day edges included")
    func timestampsAgreeWithCalendar() {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        var differing: [String] = []
        for k in 0..<6_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            // Around a midnight every third value (just before, at, just after), elsewhere anywhere from 2001-09-09
            // (the first ten-digit second) to 2099.
            let midnight = Int64(1_000_080_000) + Int64(state >> 40) % 35_000 * 86_400
            let seconds = k % 3 == 0 ? midnight + Int64(k % 7) - 3 : Int64(1_000_000_000) + Int64(state >> 20) % 3_100_000_000
            let millis = seconds * 1_000 + Int64(state >> 54)
            for text in [String(seconds), String(millis)] {
                let value = Double(text)! / (text.count == 13 ? 1_000 : 1)
                let c = calendar.dateComponents([.year, .month, .day], from: Date(timeIntervalSince1970: value))
                let expected = (2000...2100).contains(c.year!) ? PostingDate(year: c.year!, month: c.month!, day: c.day!) : nil
                if PostingDateParser.unixTimestamp(text) != expected { differing.append(text) }
            }
        }
        #expect(differing.isEmpty, "timestamps read otherwise: \(differing.prefix(5))")
    }
}
