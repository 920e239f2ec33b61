import Foundation
import Testing
@testable import JobScope

@Suite("JSON and JSON lines")
struct JSONPostingReaderTests {
    @Test("JSONL with an HTML body, nested company object, and mixed key names")
    func jsonlWithHTMLBody() throws {
        let result = try PostingReader().read(path: IngestFixture.path("html-body.jsonl"))
        #expect(result.format == .jsonl)
        #expect(result.postings.count == 2)
        let first = result.postings[0]
        #expect(first.title == "NLP Specialist")
        #expect(first.company == "Orchid Health")
        #expect(first.datePosted == PostingDate(year: 2020, month: 8, day: 22))
        #expect(first.extra["seniority"] == "Associate")
        #expect(first.source.line == 1)
        #expect(first.body == "Build clinical language models.\n\n• Fine-tune transformers\n• Label notes & evaluate")
        let second = result.postings[1]
        #expect(second.company == "Tidewater")
        #expect(second.datePosted == PostingDate(year: 2021, month: 2, day: 1))
        #expect(second.body == "Own the roadmap for our assistant.")
        #expect(second.source.line == 2)
    }

    @Test("a JSON array of objects with export-style keys and an RFC 2822 date")
    func array() throws {
        let result = try PostingReader().read(path: IngestFixture.path("array.json"))
        #expect(result.postings.map(\.title) == ["Data Scientist", "AI Research Scientist"])
        #expect(result.postings.map(\.datePosted) == [PostingDate(year: 2019, month: 6, day: 1), PostingDate(year: 2019, month: 6, day: 3)])
        #expect(result.postings.map(\.source.line) == [1, 2])
    }

    @Test("a wrapper object holding the postings array; YYYY-MM dates")
    func wrapped() throws {
        let posting = try #require(try PostingReader().read(path: IngestFixture.path("wrapped.json")).postings.first)
        #expect(posting.title == "MLOps Engineer")
        #expect(posting.company == "Saltmarsh")
        #expect(posting.body == "Keep models running.")
        #expect(posting.datePosted == PostingDate(year: 2021, month: 7, day: 1))
    }

    @Test("one broken JSONL line is a row error naming its line; the other lines are read")
    func badLine() throws {
        let path = IngestFixture.path("bad.jsonl")
        let result = try PostingReader().read(path: path)
        #expect(result.postings.map(\.title) == ["Data Engineer", "Data Analyst"])
        #expect(result.rowErrors.count == 1)
        guard case .invalidJSON(let errorPath, let line, _)? = result.rowErrors.first else {
            Issue.record("expected invalidJSON, got \(result.rowErrors)")
            return
        }
        #expect(errorPath == path)
        #expect(line == 2)
        #expect(result.rowErrors[0].errorDescription?.contains("\n") == false)
    }

    @Test("invalid JSON throws a one-line error naming the file", arguments: ["[{\"title\": \"x\", }", "title: not json at all"])
    func invalidJSON(_ content: String) throws {
        let path = try IngestFixture.write(content, named: "broken.json")
        do {
            _ = try PostingReader().read(path: path)
            Issue.record("expected an error")
        } catch let error as IngestError {
            guard case .invalidJSON(let errorPath, nil, _) = error else {
                Issue.record("expected invalidJSON, got \(error)")
                return
            }
            #expect(errorPath == path)
            let message = try #require(error.errorDescription)
            #expect(message.hasPrefix(path + ": invalid JSON"))
            #expect(!message.contains("\n"))
        }
    }

    @Test("mojibake in JSON is repaired, real accents kept")
    func mojibake() throws {
        let posting = try #require(try PostingReader().read(path: IngestFixture.path("mojibake.jsonl")).postings.first)
        #expect(posting.body == "Write prompts\n• test them ’ well.")
        #expect(posting.company == "Café Nimbus")
    }
}

@Suite("JSON lines recovery")
struct JSONLinesRecoveryTests {
    static let lines = """
        {"title": "Data Scientist", "description": "Model churn."}
        this line is not JSON
        {"title": "ML Engineer", "description": "Ship models."}
        """

    @Test("a JSONL file whose second line is not JSON keeps its other lines and reports line 2", arguments: ["jobs.jsonl", "jobs.json", "jobs.txt"])
    func badSecondLine(_ name: String) throws {
        let path = try IngestFixture.write(Self.lines, named: name)
        let result = try PostingReader().read(path: path)
        #expect(result.postings.map(\.title) == ["Data Scientist", "ML Engineer"])
        #expect(result.postings.map(\.source.line) == [1, 3])
        #expect(result.rowErrors.count == 1)
        if case .invalidJSON(_, let line, _)? = result.rowErrors.first { #expect(line == 2) } else { Issue.record("expected an invalid-JSON row error") }
    }
}
