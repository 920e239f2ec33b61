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

    @Test("an unbalanced quote names the row where it opened, and costs no other row")
    func unbalancedQuote() throws {
        let path = try IngestFixture.write("title,description\nA,fine\nB,\"never closes\nC,more\n", named: "bad.csv")
        let result = try PostingReader().read(path: path)
        #expect(result.rowErrors == [.unbalancedQuote(path: path, row: 2)])
        #expect(result.postings.map(\.title) == ["A", "B", "C"])
        #expect(result.postings.map(\.source.row) == [1, 2, 3])
        #expect(result.postings[1].body == "\"never closes")
        #expect(result.postings[2].body == "more")
    }

    @Test("two stray quotes that would merge rows are reported, and the rows they spanned are read as rows")
    func strayQuotesMergingRows() throws {
        let csv = "title,company,description\nA,Acme,\"starts a quote\nB,Beta,plain\nC,Gamma,ends\" here\nD,Delta,after\n"
        let path = try IngestFixture.write(csv, named: "stray.csv")
        let result = try PostingReader().read(path: path)
        #expect(result.rowErrors == [.strayQuote(path: path, row: 1, lines: 2)])
        #expect(result.postings.map(\.title) == ["A", "B", "C", "D"])
        #expect(result.postings.map(\.source.row) == [1, 2, 3, 4])
        #expect(result.postings[1].company == "Beta")
    }

    @Test("a legitimate multi-line quoted field is one row, not a stray quote")
    func multiLineField() throws {
        let path = try IngestFixture.write("title,description\nA,\"line one\nline two\"\nB,next\n", named: "ok.csv")
        let result = try PostingReader().read(path: path)
        #expect(result.rowErrors.isEmpty)
        #expect(result.postings.map(\.title) == ["A", "B"])
    }

    @Test("a NUL byte costs only its row, which is reported")
    func nulByte() throws {
        var bytes = Array("title,description\nA,fine\nB,da".utf8) + [0] + Array("maged\n".utf8)
        bytes += Array("C,more text for the file so that one NUL stays under one in a thousand bytes ".utf8)
        bytes += Array(repeating: UInt8(ascii: "x"), count: 1200) + [0x0A]
        let path = try IngestFixture.write(bytes, named: "nul.csv")
        let result = try PostingReader().read(path: path)
        #expect(result.rowErrors == [.nulInRow(path: path, row: 2)])
        #expect(result.postings.map(\.title) == ["A", "C"])
        #expect(result.postings.map(\.source.row) == [1, 3])
    }

    @Test("a mapping that leaves every body empty fails the file naming its columns, unless empty bodies are allowed")
    func emptyBodies() throws {
        let path = try IngestFixture.write("Title,Summary,Posted On\nML Engineer,Trains models,2024-05-01\n", named: "odd.csv")
        #expect(throws: IngestError.noBodyColumn(path: path, columns: ["Title", "Summary", "Posted On"])) {
            try PostingReader().read(path: path)
        }
        let message = IngestError.noBodyColumn(path: path, columns: ["Title", "Summary", "Posted On"]).errorDescription ?? ""
        #expect(message.contains("Summary") && message.contains("--allow-empty-body") && !message.contains("\n"))
        let allowed = try PostingReader(options: ReaderOptions(allowEmptyBody: true)).read(path: path)
        #expect(allowed.postings.map(\.title) == ["ML Engineer"])
        let mapped = try PostingReader(options: ReaderOptions(columns: ["description": "Summary"])).read(path: path)
        #expect(mapped.postings.first?.body == "Trains models")
    }
}
