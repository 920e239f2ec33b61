import Foundation
import Testing
@testable import JobScope

/// Boards that publish one folder per posting: READMEs that are postings, Markdown headers, dates from the path.
@Suite("Posting folders")
struct PostingFolderTests {
    static let boardPosting = """
        # [Senior ML Engineer (Search)](https://board.example/apply/senior-ml-engineer)  
        ### Example Robotics, Inc.  
        #### `💰 $150,000 - $180,000` `🌎 Remote US`  

        We build search for warehouses.

        ## What you will do
        - Train ranking models
        """

    static func write(_ text: String, at relative: String, under root: String) throws {
        let path = (root as NSString).appendingPathComponent(relative)
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    @Test("a board's README.md postings are walked and read with title, company, salary, location and the path's month")
    func boardFolder() throws {
        let root = try IngestFixture.scratch()
        try Self.write(Self.boardPosting, at: "jobs/Python/2024-10/senior-ml-engineer/README.md", under: root)
        try Self.write("# Board export\n\nThis folder holds the board's postings, one folder each.\n", at: "README.md", under: root)
        let files = PostingFileWalker(paths: [root]).collect().files
        #expect(files.map { ($0 as NSString).lastPathComponent } == ["README.md"])
        #expect(files.first?.contains("/2024-10/") == true)
        let posting = try #require(try PostingReader().read(path: files[0]).postings.first)
        #expect(posting.title == "Senior ML Engineer (Search)")
        #expect(posting.company == "Example Robotics, Inc.")
        #expect(posting.salaryText == "$150,000 - $180,000")
        #expect(posting.location == "Remote US")
        #expect(posting.extra["url"] == "https://board.example/apply/senior-ml-engineer")
        #expect(posting.datePosted == PostingDate(year: 2024, month: 10, day: 1))
        #expect(posting.dateSource == .path)
        #expect(posting.body.hasPrefix("We build search for warehouses."))
        #expect(!posting.body.contains("💰"))
        #expect(posting.body.contains("• Train ranking models"))
    }

    @Test("a documentation README beside other files is skipped; one alone in its folder under a board header is read")
    func documentationREADME() throws {
        let root = try IngestFixture.scratch()
        try Self.write("# Notes\n\n### Setup\n\nRun the scraper first.\n", at: "docs/README.md", under: root)
        try Self.write("x", at: "docs/other.txt", under: root)
        try Self.write("# Data Engineer\n### Acme\n\nPipelines all day.\n", at: "board/data-engineer/README.md", under: root)
        try Self.write("# Notes\n\nJust prose about the folder.\n", at: "lonely/README.md", under: root)
        let names = PostingFileWalker(paths: [root]).collect().files.map { $0.replacingOccurrences(of: root + "/", with: "") }
        #expect(names == ["board/data-engineer/README.md", "docs/other.txt"])
    }

    @Test("a company name of digits and signs is a name; a question under the title is not")
    func unusualCompanyLines() throws {
        let digits = try IngestFixture.write("# [Data Engineer](https://x.example/d)\n### 84.51°\n#### `🌎 Cincinnati, OH`\n\nData work.\n",
                                             named: "README.md")
        #expect(try PostingReader().read(path: digits).postings.first?.company == "84.51°")
        let question = try IngestFixture.write("# [Data Engineer](https://x.example/d)\n### What are we all about?\n\nData work.\n",
                                               named: "README.md")
        let posting = try #require(try PostingReader().read(path: question).postings.first)
        #expect(posting.company == nil)
        #expect(posting.body.hasPrefix("What are we all about?"))
    }

    @Test("a company heading reading \"None\" leaves the company unknown")
    func noneCompany() throws {
        let path = try IngestFixture.write("# [Frontend Engineer](https://x.example/a)\n### None\n#### `🌎 Remote`\n\nReact work.\n",
                                           named: "README.md")
        let posting = try #require(try PostingReader().read(path: path).postings.first)
        #expect(posting.company == nil)
        #expect(posting.location == "Remote")
        #expect(posting.title == "Frontend Engineer")
    }

    @Test("dates from the path: nearest segment, bounded digits, real months and days", arguments: [
        ("jobs/Python/2024-10/slug/README.md", "2024-10-01"),
        ("/data/2023-02-28-ml-engineer.html", "2023-02-28"),
        ("/data/2024-03/2024-03-15_posting.md", "2024-03-15"),
        ("/data/jobs/133246/README.md", nil),
        ("/data/job-20240531.html", nil),
        ("/data/2024-13/x.md", nil),
        ("/data/2023-02-30/x.md", nil),
        ("/data/12024-10/x.md", nil),
    ] as [(String, String?)])
    func pathDates(_ path: String, _ expected: String?) {
        #expect(PathDate.date(in: path)?.description == expected)
    }

    @Test("--date-from-path: auto fills only undated postings, off never, required reports the undated")
    func dateFromPathModes() throws {
        let root = try IngestFixture.scratch()
        try Self.write("Title: ML Engineer\nPosted: 2023-05-02\n\nTrain models.\n", at: "2024-01/dated.txt", under: root)
        try Self.write("Title: ML Engineer\n\nTrain models.\n", at: "2024-01/undated.txt", under: root)
        try Self.write("Title: ML Engineer\n\nTrain models.\n", at: "misc/undated.txt", under: root)
        func read(_ relative: String, _ mode: ReaderOptions.DateFromPath) throws -> FileReadResult {
            try PostingReader(options: ReaderOptions(dateFromPath: mode)).read(path: root + "/" + relative)
        }
        #expect(try read("2024-01/dated.txt", .auto).postings.first?.datePosted?.description == "2023-05-02")
        #expect(try read("2024-01/dated.txt", .auto).postings.first?.dateSource == nil)
        #expect(try read("2024-01/undated.txt", .auto).postings.first?.datePosted?.description == "2024-01-01")
        #expect(try read("2024-01/undated.txt", .off).postings.first?.datePosted == nil)
        #expect(try read("misc/undated.txt", .auto).postings.count == 1)
        let required = try read("misc/undated.txt", .required)
        #expect(required.postings.isEmpty)
        #expect(required.rowErrors.count == 1)
        #expect(required.rowErrors.first?.errorDescription?.contains("--date-from-path required") == true)
    }
}
