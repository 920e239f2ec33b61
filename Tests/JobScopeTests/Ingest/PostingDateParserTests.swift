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
}
