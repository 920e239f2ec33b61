import Foundation
import Testing
@testable import JobScope

@Suite("HTML pages")
struct HTMLPostingReaderTests {
    private func read(_ name: String) throws -> FileReadResult {
        try PostingReader().read(path: IngestFixture.path(name))
    }

    @Test("JSON-LD JobPosting inside @graph, with escaped HTML description and structured fields")
    func jsonLDGraph() throws {
        let result = try read("jsonld-graph.html")
        #expect(result.format == .html)
        let posting = try #require(result.postings.first)
        #expect(result.postings.count == 1)
        #expect(posting.title == "Generative AI Engineer")
        #expect(posting.company == "Brightwater Analytics")
        #expect(posting.location == "Lisbon, PT")
        #expect(posting.datePosted == PostingDate(year: 2024, month: 5, day: 14))
        #expect(posting.employmentType == "Full-time, Contract")
        #expect(posting.salaryText == "EUR 60000–80000 per YEAR")
        #expect(posting.listedSkills == ["Python", "LangChain"])
        #expect(posting.body == "Ship retrieval-augmented assistants.\n\n• Python\n• Vector search")
    }

    @Test("several postings on one page: an array block plus a second block, numbered in order")
    func severalPerPage() throws {
        let result = try read("jsonld-several.html")
        #expect(result.postings.map(\.title) == ["AI Ethicist", "Content Curator", "UX Designer"])
        #expect(result.postings.map(\.source.line) == [1, 2, 3])
        #expect(result.postings[0].company == "Civic Models")
        #expect(result.postings[2].body == "Design chat interfaces.")
    }

    @Test("slightly broken JSON-LD (trailing commas, raw newline in a string, entity) is repaired")
    func brokenJSONLDRepaired() throws {
        let posting = try #require(try read("jsonld-broken.html").postings.first)
        #expect(posting.title == "AI Model Trainer")
        #expect(posting.company == "Ledger & Loom")
        #expect(posting.datePosted == PostingDate(year: 2024, month: 1, day: 9))
        #expect(posting.body == "Write and rate answers. Line two of the text.")
    }

    @Test("JSON-LD beyond repair falls back to the page's visible text and <h1>")
    func unrepairableFallsBack() throws {
        let posting = try #require(try read("jsonld-unrepairable.html").postings.first)
        #expect(posting.title == "Research Scientist, Speech")
        #expect(posting.body == "Research Scientist, Speech\n\nStudy self-supervised speech models.")
    }

    @Test("microdata is the fallback when there is no JSON-LD")
    func microdata() throws {
        let posting = try #require(try read("microdata.html").postings.first)
        #expect(posting.title == "Machine Learning Engineer")
        #expect(posting.company == "Harbor Freightworks")
        #expect(posting.location == "Denver, CO")
        #expect(posting.datePosted == PostingDate(year: 2022, month: 9, day: 30))
        #expect(posting.body == "Deploy forecasting models.\n\n• Kubernetes\n• PyTorch")
    }

    @Test("visible text only: scripts, styles, navigation, banners, forms and hidden text are dropped")
    func chromeDropped() throws {
        let posting = try #require(try read("chrome.html").postings.first)
        #expect(posting.title == "Data Engineer")
        #expect(posting.body == """
            Data Engineer

            About the role

            Build pipelines that feed our analysts.

            Second
            line break.

            • Airflow
            • dbt & SQL
            """)
    }

    /// A page with the given JSON-LD blocks in its head and body, a <title>, an <h1> and visible text.
    private func page(head: [String], body: [String] = [], bodyScript: String = "") -> [UInt8] {
        let blocks = { (list: [String]) in list.map { "<script type=\"application/ld+json\">\($0)</script>" }.joined() }
        return Array("""
            <html><head><title>Page Title</title>\(blocks(head))</head><body><nav>Menu</nav>
            <main><h1>Visible Heading</h1><p>Visible text.</p></main>\(blocks(body))\(bodyScript)</body></html>
            """.utf8)
    }

    private let headPosting = #"{"@type":"JobPosting","title":"Head Job","description":"<p>Head text.</p>"}"#
    private let bodyPosting = #"{"@type":"JobPosting","title":"Body Job","description":"Body text."}"#

    @Test("JSON-LD blocks after the head are read too (the parser stops only after the last one)")
    func jsonLDInHeadAndBody() throws {
        let result = try PostingReader().read(bytes: page(head: [headPosting], body: [bodyPosting]), path: "p.html")
        #expect(result.postings.map(\.title) == ["Head Job", "Body Job"])
        #expect(result.postings.map(\.body) == ["Head text.", "Body text."])
        let escaped = page(head: [headPosting], bodyScript: "<script type=\"application/ld&#43;json\">\(bodyPosting)</script>")
        #expect(try PostingReader().read(bytes: escaped, path: "p.html").postings.map(\.title) == ["Head Job", "Body Job"])
        let mentioned = page(head: [headPosting], bodyScript: "<script>var x = JSON.parse('{}');</script>")
        #expect(try PostingReader().read(bytes: mentioned, path: "p.html").postings.map(\.title) == ["Head Job"])
    }

    @Test("a JSON-LD posting without a description or title still gets the page's text and heading")
    func jsonLDFilledFromPage() throws {
        let noDescription = page(head: [#"{"@type":"JobPosting","title":"Short Job"}"#])
        let posting = try #require(try PostingReader().read(bytes: noDescription, path: "p.html").postings.first)
        #expect(posting.title == "Short Job")
        #expect(posting.body == "Visible Heading\n\nVisible text.")
        let noTitle = page(head: [#"{"@type":"JobPosting","description":"Only a description."}"#])
        let untitled = try #require(try PostingReader().read(bytes: noTitle, path: "p.html").postings.first)
        #expect(untitled.title == "Visible Heading")
        #expect(untitled.body == "Only a description.")
    }

    @Test("JSON-LD that is not a JobPosting leaves the page to its microdata")
    func jsonLDWithoutPostingUsesMicrodata() throws {
        let bytes = Array("""
            <html><head><script type="application/ld+json">{"@type":"Organization","name":"Acme"}</script></head>
            <body><div itemscope><h2 itemprop="title">Microdata Job</h2><div itemprop="description">Marked up.</div></div></body></html>
            """.utf8)
        let posting = try #require(try PostingReader().read(bytes: bytes, path: "p.html").postings.first)
        #expect(posting.title == "Microdata Job")
        #expect(posting.body == "Marked up.")
    }

    @Test("a page without a declared charset that is not UTF-8 is read as Windows-1252")
    func windows1252() throws {
        let posting = try #require(try read("windows-1252.html").postings.first)
        #expect(posting.title == "Barista – Data Team")
        #expect(posting.body.contains("We’re hiring a data person at our café."))
    }

    @Test("bytes Windows-1252 leaves undefined (0x81, 0x9D) do not stop the page")
    func windows1252UndefinedBytes() throws {
        var bytes = Array("<html><body><p>Team\u{20}".utf8)
        bytes += [0x81, 0x20, 0x93, 0x4D, 0x4C, 0x94, 0x20, 0x9D]
        bytes += Array(" engineers wanted.</p><p>Second paragraph.</p></body></html>".utf8)
        let posting = try #require(try PostingReader().read(bytes: bytes, path: "odd.html").postings.first)
        #expect(posting.body.hasSuffix("“ML” engineers wanted.\n\nSecond paragraph."))
    }

    @Test("a declared charset is honoured")
    func declaredCharset() throws {
        let posting = try #require(try read("latin1-declared.html").postings.first)
        #expect(posting.body == "Résumé review analyst")
    }

    @Test("the same page parsed 200 times gives the same posting every time")
    func repeatedParsing() throws {
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: IngestFixture.path("chrome.html"))))
        let first = try PostingReader().read(bytes: bytes, path: "chrome.html").postings
        #expect(first.count == 1)
        for _ in 0..<200 {
            #expect(try PostingReader().read(bytes: bytes, path: "chrome.html").postings == first)
        }
    }

    /// The leak check needs a C compiler with AddressSanitizer and libxml2's pkg-config file (scripts/setup.sh).
    static let leakCheckReady: Bool = ["/usr/bin/cc", "/usr/bin/pkg-config"].allSatisfy(FileManager.default.isExecutableFile)

    @Test("the C page parser frees everything it allocates: LeakSanitizer over the HTML fixtures and examples",
          .enabled(if: leakCheckReady, "needs cc and pkg-config for scripts/check-xml-leaks.sh"))
    func pageParserLeaksNothing() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [IngestFixture.repoRoot.appendingPathComponent("scripts/check-xml-leaks.sh").path]
        process.currentDirectoryURL = IngestFixture.repoRoot
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "scripts/check-xml-leaks.sh failed:\n\(text.suffix(2000))")
        #expect(text.contains("no leaks reported"))
    }
}
