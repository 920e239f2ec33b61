import Foundation
import Testing
@testable import JobScope

@Suite("Plain text and Markdown")
struct PlainTextPostingReaderTests {
    @Test("text: title from the first line, header lines as fields, bullets kept")
    func text() throws {
        let result = try PostingReader().read(path: IngestFixture.path("posting.txt"))
        let posting = try #require(result.postings.first)
        #expect(result.format == .text)
        #expect(posting.title == "Data Analyst")
        #expect(posting.company == "Maple Transit")
        #expect(posting.salaryText == "$60,000 - $70,000")
        #expect(posting.body.hasSuffix("Analyse ridership data.\n• Build weekly reports\n• Present findings"))
        #expect(posting.source.row == nil && posting.source.line == nil)
    }

    @Test("Markdown: heading marks, emphasis and link syntax removed; list items become bullets")
    func markdown() throws {
        let posting = try #require(try PostingReader().read(path: IngestFixture.path("posting.md")).postings.first)
        #expect(posting.title == "Senior NLP Engineer")
        #expect(posting.company == "Fernhill Labs")
        #expect(posting.location == "Remote (EU)")
        #expect(posting.datePosted == PostingDate(year: 2024, month: 2, day: 20))
        #expect(posting.body.contains("What you'll do\n\n• Build tokenizers and parsers\n• Evaluate *multilingual* models"))
        #expect(!posting.body.contains("#"))
        #expect(!posting.body.contains("**"))
    }

    @Test("a first line that reads like a sentence is not taken as the title")
    func sentenceIsNoTitle() throws {
        let path = try IngestFixture.write("We are hiring people who like data and want to learn.\nApply today.\n", named: "s.txt")
        let posting = try #require(try PostingReader().read(path: path).postings.first)
        #expect(posting.title == nil)
    }
}
