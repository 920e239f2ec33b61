import Foundation
import Testing
@testable import JobScope

/// Job-board API exports (fixtures written for these tests in each board's shape) and Hacker News posts.
@Suite("Job-board exports")
struct JobBoardExportTests {
    static let greenhouse = """
        {"jobs": [{"id": 11, "title": "Research Engineer, Interpretability", "updated_at": "2025-11-03T12:00:00-05:00",
          "absolute_url": "https://boards.example/acme/jobs/11", "company_name": "Acme AI",
          "location": {"name": "San Francisco, CA"}, "departments": [{"id": 1, "name": "Research"}],
          "content": "&lt;p&gt;You will study &lt;strong&gt;neural networks&lt;/strong&gt;.&lt;/p&gt;&lt;ul&gt;&lt;li&gt;PyTorch&lt;/li&gt;&lt;/ul&gt;"},
         {"id": 12, "title": "Policy Analyst", "updated_at": "2025-10-01T09:00:00Z", "location": {"name": "London"},
          "departments": [], "content": "&lt;p&gt;Write policy.&lt;/p&gt;"}],
         "meta": {"total": 2}}
        """

    static let lever = """
        [{"id": "a1b2", "text": "Machine Learning Engineer", "createdAt": 1717171200000,
          "hostedUrl": "https://jobs.example/acme/a1b2", "workplaceType": "remote",
          "categories": {"location": "Remote - EU", "team": "Platform", "commitment": "Full-time"},
          "descriptionPlain": "We train ranking models.\\nSmall team.",
          "lists": [{"text": "Requirements", "content": "<li>Python</li><li>Kubernetes</li>"}],
          "salaryRange": {"min": 90000, "max": 120000, "currency": "EUR", "interval": "per-year-salary"}}]
        """

    static let ashby = """
        {"apiVersion": "1", "jobs": [{"id": "x9", "title": "Applied Scientist", "department": "AI", "team": "Search",
          "employmentType": "FullTime", "location": "New York", "isRemote": false, "publishedAt": "2024-08-15T10:00:00.000+00:00",
          "jobUrl": "https://jobs.example/x9", "descriptionHtml": "<h2>Role</h2><p>Build retrieval systems.</p>",
          "descriptionPlain": "Role\\nBuild retrieval systems."}]}
        """

    @Test("Greenhouse: escaped HTML content rendered, location name, update date, departments, URL")
    func greenhouseShape() throws {
        let result = try PostingReader().read(path: IngestFixture.write(Self.greenhouse, named: "greenhouse.json"))
        #expect(result.postings.count == 2)
        let first = try #require(result.postings.first)
        #expect(first.title == "Research Engineer, Interpretability")
        #expect(first.company == "Acme AI")
        #expect(first.location == "San Francisco, CA")
        #expect(first.datePosted?.description == "2025-11-03")
        #expect(first.extra["department"] == "Research")
        #expect(first.extra["source_kind"] == "greenhouse")
        #expect(first.body.contains("You will study neural networks."))
        #expect(first.body.contains("• PyTorch"))
        #expect(!first.body.contains("&lt;") && !first.body.contains("<p>"))
        #expect(result.postings[1].source.line == 2)
    }

    @Test("Lever: text is the title, plain description plus list sections, categories, createdAt in ms, salary range")
    func leverShape() throws {
        let posting = try #require(try PostingReader().read(path: IngestFixture.write(Self.lever, named: "lever.json")).postings.first)
        #expect(posting.title == "Machine Learning Engineer")
        #expect(posting.location == "Remote - EU")
        #expect(posting.employmentType == "Full-time")
        #expect(posting.extra["team"] == "Platform")
        #expect(posting.datePosted?.description == "2024-05-31")
        #expect(posting.body.contains("We train ranking models."))
        #expect(posting.body.contains("Requirements"))
        #expect(posting.body.contains("• Kubernetes"))
        #expect(posting.salaryText == "EUR 90000–120000 per-year-salary")
    }

    @Test("Ashby: descriptionHtml, publishedAt, department and team, remote flag")
    func ashbyShape() throws {
        let posting = try #require(try PostingReader().read(path: IngestFixture.write(Self.ashby, named: "ashby.json")).postings.first)
        #expect(posting.title == "Applied Scientist")
        #expect(posting.datePosted?.description == "2024-08-15")
        #expect(posting.location == "New York")
        #expect(posting.extra["department"] == "AI")
        #expect(posting.extra["remote"] == "false")
        #expect(posting.body.contains("Build retrieval systems."))
        #expect(posting.extra["source_kind"] == "ashby")
    }

    @Test("a jobs.json beside descriptions/<id>.html is joined on id; the walk does not read the descriptions again")
    func joinedDescriptions() throws {
        let root = try IngestFixture.scratch()
        try FileManager.default.createDirectory(atPath: root + "/descriptions", withIntermediateDirectories: true)
        try Data("""
            [{"id": "101", "title": "Safeguards Analyst", "team": "Trust", "location": "Remote", "first_seen": "2026-01-20"},
             {"id": "102", "title": "No Description Yet", "location": "Remote", "first_seen": "2026-01-21"}]
            """.utf8).write(to: URL(fileURLWithPath: root + "/jobs.json"))
        try Data("<div><h2>About us</h2><p>Review model outputs for abuse.</p></div>".utf8)
            .write(to: URL(fileURLWithPath: root + "/descriptions/101.html"))
        try Data("<p>An old version of a removed job.</p>".utf8).write(to: URL(fileURLWithPath: root + "/descriptions/999.html"))
        let files = PostingFileWalker(paths: [root]).collect().files
        #expect(files.map { ($0 as NSString).lastPathComponent } == ["jobs.json"])
        let result = try PostingReader().read(path: files[0])
        #expect(result.postings.count == 2)
        #expect(result.postings[0].body.contains("Review model outputs for abuse."))
        #expect(result.postings[0].datePosted?.description == "2026-01-20")
        #expect(result.postings[0].extra["team"] == "Trust")
        #expect(result.postings[1].body.isEmpty)
    }
}

/// Hacker News "Who is hiring?" posts: the first-line convention.
@Suite("Hacker News posts")
struct HackerNewsPostTests {
    @Test("company, roles, location, remote, salary and type from a |-separated first line")
    func pipeLine() throws {
        let post = try #require(HackerNewsPost(firstLine:
            "Acme Robotics (https://acme.example) | Senior Backend Engineer, ML Engineer | Berlin or Remote (EU) | Full-time | €90k-120k"))
        #expect(post.company == "Acme Robotics")
        #expect(post.titles == ["Senior Backend Engineer", "ML Engineer"])
        #expect(post.location == "Berlin or Remote (EU)")
        #expect(post.remote == "Berlin or Remote (EU)")
        #expect(post.employmentType == "Full-time")
        #expect(post.salary == "€90k-120k")
    }

    @Test("a role word ending in 'eur' (Développeur, Ingénieur) is a title, not a salary in euros")
    func frenchRoleIsNoSalary() throws {
        let post = try #require(HackerNewsPost(firstLine: "Acme | Développeur Backend | Lyon | 50k EUR"))
        #expect(post.titles == ["Développeur Backend"])
        #expect(post.location == "Lyon")
        #expect(post.salary == "50k EUR")
    }

    @Test("· and - separators; a line without the convention is no post", arguments: [
        ("Globex · Data Scientist · NYC · ONSITE", "Globex", ["Data Scientist"], "NYC"),
        ("Initech - Founding Engineer - Austin, TX - $150k", "Initech", ["Founding Engineer"], "Austin, TX"),
    ])
    func otherSeparators(_ line: String, _ company: String, _ titles: [String], _ location: String) throws {
        let post = try #require(HackerNewsPost(firstLine: line))
        #expect(post.company == company)
        #expect(post.titles == titles)
        #expect(post.location == location)
    }

    @Test("replies and questions are not posts")
    func notPosts() {
        #expect(HackerNewsPost(firstLine: "Is this role still open? I applied last week.") == nil)
        #expect(HackerNewsPost(firstLine: "Thanks - great thread") == nil)
    }

    @Test("Algolia and Firebase comment exports: several roles kept as titles, dates from created_at and time, replies reported")
    func commentExports() throws {
        let algolia = """
            {"hits": [{"objectID": "40001", "author": "acme_hr", "created_at": "2024-05-01T15:02:11.000Z",
              "story_title": "Ask HN: Who is hiring? (May 2024)",
              "comment_text": "Acme | Prompt Engineer &amp; LLM Evaluation Engineer | Remote (US) | $140k-$170k<p>We build eval tooling for language models."},
             {"objectID": "40002", "author": "someone", "created_at": "2024-05-01T16:00:00.000Z",
              "story_title": "Ask HN: Who is hiring? (May 2024)", "comment_text": "Do you sponsor visas?"}],
             "nbHits": 2}
            """
        let result = try PostingReader().read(path: IngestFixture.write(algolia, named: "hn-may-2024.json"))
        #expect(result.postings.count == 1)
        let post = try #require(result.postings.first)
        #expect(post.company == "Acme")
        #expect(post.title == "Prompt Engineer")
        #expect(post.titles == ["Prompt Engineer", "LLM Evaluation Engineer"])
        #expect(post.salaryText == "$140k-$170k")
        #expect(post.datePosted?.description == "2024-05-01")
        #expect(post.extra["remote"] == "Remote (US)")
        #expect(post.body.contains("We build eval tooling"))
        #expect(result.rowErrors.count == 1)
        #expect(result.rowErrors.first?.errorDescription?.contains("not a job post") == true)

        let firebase = """
            {"by": "globex", "id": 40100, "parent": 40000, "time": 1714579200, "type": "comment", "text": "Globex | Staff Data Engineer | Toronto, Canada | Hybrid<p>Spark and dbt."}
            {"by": "x", "id": 40101, "parent": 40000, "time": 1714579300, "type": "comment", "text": "Great thread"}
            """
        let lines = try PostingReader().read(path: IngestFixture.write(firebase, named: "items.jsonl"))
        #expect(lines.postings.map(\.title) == ["Staff Data Engineer"])
        #expect(lines.postings.first?.titles == nil)
        #expect(lines.postings.first?.location == "Toronto, Canada")
        #expect(lines.postings.first?.datePosted?.description == "2024-05-01")
        #expect(lines.postings.first?.source.line == 1)
        #expect(lines.rowErrors.count == 1)
    }

    @Test("a text file holding one post reads its first line")
    func textFile() throws {
        let path = try IngestFixture.write("Umbrella Labs | AI Safety Researcher | London | £80k\n\nRed-teaming of language models.\n",
                                           named: "post.txt")
        let post = try #require(try PostingReader().read(path: path).postings.first)
        #expect(post.company == "Umbrella Labs")
        #expect(post.title == "AI Safety Researcher")
        #expect(post.location == "London")
        #expect(post.salaryText == "£80k")
    }

    @Test("a post's first line is found over bytes as the Character walk finds it", arguments: [
        "Acme | Engineer | Berlin\nmore", "\n\r\nAcme | ML Lead | Remote\r\nrest", "one line", "", "\n\n",
        "Caf\u{E9} | Chef | Paris", "\u{85}Acme | Dev | Oslo", "Acme | Dev\u{301} | Oslo\nx", "x\u{B}y",
    ])
    func firstLine(_ text: String) {
        let walked = text.firstIndex { !$0.isNewline }.map { String(text[$0...].prefix { !$0.isNewline }) } ?? ""
        if let line = HackerNewsPost.asciiFirstLine(text) { #expect(line == walked) }
        #expect(HackerNewsPost.record(text: text, date: nil)?.fields[.company]
            == HackerNewsPost(firstLine: walked)?.company)
    }

    @Test("a word is found over bytes where the character walk finds it", arguments: [
        ("engineer", "senior engineers | remote"), ("engineer", "reengineer"), ("eur", "ingenieur"), ("ml ", "ml engineer"),
        ("lead", "leading"), ("lead", "leadership"), ("ft", "ft"), ("ft", "aft ft"), ("sre", ""), ("cto", "cto\r\nx"),
        ("pt", "pt-time"), ("vp ", "svp of"),
    ])
    func wordBytes(_ word: String, _ text: String) {
        #expect(HackerNewsPost.asciiHasWord(word, in: text) == HackerNewsPost.characterHasWord(word, in: text))
    }
}
