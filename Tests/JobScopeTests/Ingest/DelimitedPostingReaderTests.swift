import Foundation
import Testing
@testable import JobScope

@Suite("CSV and TSV exports")
struct DelimitedPostingReaderTests {
    @Test("BOM CSV with quoted multi-line fields, \"\" escapes, glued rating and mapped columns")
    func bomMultiline() throws {
        let result = try PostingReader().read(path: IngestFixture.path("bom-multiline.csv"))
        #expect(result.format == .csv)
        #expect(result.postings.count == 2)
        let first = try #require(result.postings.first)
        #expect(first.title == "Prompt Engineer")
        #expect(first.company == "Lumen Fields")
        #expect(first.location == "Austin, TX")
        #expect(first.salaryText == "$90K-$120K (est.)")
        #expect(first.extra["seniority"] == "Mid-Senior level")
        #expect(first.datePosted == PostingDate(year: 2024, month: 3, day: 5))
        #expect(first.source.row == 1)
        #expect(first.body == "We build writing tools.\n\nDuties:\n• Design prompts for our assistant\n• Evaluate outputs with \"golden\" sets")
        let second = result.postings[1]
        #expect(second.source.row == 2)
        #expect(second.datePosted == PostingDate(year: 2024, month: 3, day: 15))
        #expect(second.salaryText == nil)
    }

    @Test("TSV by extension")
    func tsv() throws {
        let result = try PostingReader().read(path: IngestFixture.path("simple.tsv"))
        #expect(result.postings.map(\.title) == ["ML Engineer"])
        #expect(result.postings.first?.company == "Northwind Robotics")
    }

    @Test("--column override picks the named column")
    func columnOverride() throws {
        let path = try IngestFixture.write("Position,Summary,Notes\nData Engineer,Pipelines in Spark.,internal\n", named: "o.csv")
        var options = ReaderOptions()
        options.columns = ["description": "notes"]
        let posting = try #require(try PostingReader(options: options).read(path: path).postings.first)
        #expect(posting.title == "Data Engineer")
        #expect(posting.body == "internal")
    }

    @Test("an unbalanced quote names the row where it opened")
    func unbalancedQuote() throws {
        let path = try IngestFixture.write("title,description\nA,fine\nB,\"never closes\nC,more\n", named: "bad.csv")
        #expect(throws: IngestError.unbalancedQuote(path: path, row: 2)) { try PostingReader().read(path: path) }
    }
}
