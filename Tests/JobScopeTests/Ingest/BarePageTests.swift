import Foundation
import Testing
@testable import JobScope

/// Pages without structured data: embedded objects, DOCTYPE subsets, dates and header lines.
@Suite("Bare pages")
struct BarePageTests {
    static func read(_ html: String) throws -> Posting {
        try #require(try PostingReader().read(bytes: Array(html.utf8), path: "page.html").postings.first)
    }

    @Test("an unclosed <embed>, <object> or <iframe> keeps the body", arguments: [
        "<embed src=\"intro.swf\" type=\"application/x-shockwave-flash\">",
        "<object data=\"intro.swf\"><param name=\"quality\" value=\"high\">",
        "<iframe src=\"https://video.example/1\">",
        "<video src=\"intro.mp4\">",
    ])
    func unclosedEmbedded(_ tag: String) throws {
        let posting = try Self.read("<html><body><h1>ML Engineer</h1>\(tag)<p>We train models for search.</p>"
                                    + "<ul><li>Python</li></ul></body></html>")
        #expect(posting.body.contains("We train models for search."))
        #expect(posting.body.contains("• Python"))
    }

    @Test("a closed <object>'s fallback text stays out")
    func closedObject() throws {
        let posting = try Self.read("<html><body><h1>ML Engineer</h1><object data=\"x.swf\">Install Flash</object><p>Train models.</p></body></html>")
        #expect(!posting.body.contains("Install Flash"))
        #expect(posting.body.contains("Train models."))
    }

    @Test("DOCTYPE internal-subset text does not leak into the body")
    func doctypeSubset() throws {
        let posting = try Self.read("<!DOCTYPE html [\n  <!ENTITY company \"Acme\">\n  <!ELEMENT note (#PCDATA)>\n]>\n"
                                    + "<html><body><h1>Data Scientist</h1><p>Fit models all day.</p></body></html>")
        #expect(posting.body == "Data Scientist\n\nFit models all day.")
    }

    @Test("<time datetime> under the title dates a bare page")
    func timeElement() throws {
        let posting = try Self.read("<html><body><h1>Prompt Engineer</h1><time datetime=\"2024-05-31\">31 May</time>"
                                    + "<p>Design prompts.</p></body></html>")
        #expect(posting.datePosted?.description == "2024-05-31")
        #expect(posting.dateSource == nil)
    }

    @Test("publication-date meta tags date a bare page", arguments: [
        "<meta property=\"article:published_time\" content=\"2024-03-02T10:00:00Z\">",
        "<meta name=\"DC.date\" content=\"2024-03-02\">",
        "<meta name=\"date\" content=\"2024-03-02\">",
    ])
    func metaDates(_ meta: String) throws {
        let posting = try Self.read("<html><head>\(meta)</head><body><h1>Prompt Engineer</h1><p>Design prompts.</p></body></html>")
        #expect(posting.datePosted?.description == "2024-03-02")
    }

    @Test("a \"Posted on …\" line near the title dates a bare page; company and location under the title are read when unambiguous")
    func headerLines() throws {
        let posting = try Self.read("<html><body><h1>AI Engineer</h1><p>Acme Labs</p><p>Austin, Texas</p>"
                                    + "<p>Posted on June 2, 2024</p><p>Build agents with LLMs.</p></body></html>")
        #expect(posting.datePosted?.description == "2024-06-02")
        #expect(posting.company == "Acme Labs")
        #expect(posting.location == "Austin, Texas")
        let lone = try Self.read("<html><body><h1>AI Engineer</h1><p>Platform Team</p><p>Build agents with LLMs every day.</p></body></html>")
        #expect(lone.company == nil)
        #expect(lone.location == nil)
        #expect(lone.datePosted == nil)
    }
}
