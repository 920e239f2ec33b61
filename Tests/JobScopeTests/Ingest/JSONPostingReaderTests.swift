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

/// The byte reader (`FastJSON`, with `JSONSerialization` for what it leaves) on the edge cases of real files:
/// the values, row numbers and error messages are the ones `JSONSerialization` alone gave.
@Suite("JSON edge cases")
struct JSONEdgeCaseTests {
    static let lineTexts: [String] = [
        #"{"title": "Data \"Lead\" \u00e9\u2019", "description": "Line one\nLine two\tTabbed \/ slash \ud83d\ude00 done", "company": "Acme\u00a0Co"}"#,
        #"{"title": "Lone \ud83d surrogate", "description": "Text with a lone surrogate escape"}"#,
        #"{"title": "Nul \u0000 escape", "description": "Body with a NUL escape"}"#,
        #"{"title": "Fraction", "description": "Pays well", "salary": 1.5e5, "location": {"name": "Berlin"}}"#,
        #"{"title": "Broken", "description": "no close""#,
        "",
        #"{"Title": "Keys", "Company Name": {"name": "Nested Org"}, "Job Location": [{"address": {"addressLocality": "Paris"}}], "Salary Range": {"currency": "EUR", "value": {"minValue": 50000, "maxValue": 60000}}, "Description": "Mixed keys", "skills": ["python", 3, true], "remote": false, "n": null}"#,
    ]
    /// The lines above, CRLF-ended but for the last (LF).
    static let lines: [UInt8] = Array((lineTexts.joined(separator: "\r\n") + "\n").utf8)

    @Test("escapes, surrogate pairs, CRLF lines, nested values; a lone surrogate or a broken line costs only its line")
    func escapesAndRows() throws {
        let result = try PostingReader().read(bytes: [0xEF, 0xBB, 0xBF] + Self.lines, path: "edge.jsonl")
        #expect(result.postings.map(\.title) == ["Data \"Lead\" é’", "Nul escape", "Fraction", "Keys"])
        #expect(result.postings.map(\.source.line) == [1, 3, 4, 7])
        let first = result.postings[0]
        #expect(Array(first.body.unicodeScalars) == Array("Line one\nLine two Tabbed / slash 😀 done".unicodeScalars))
        #expect(first.company == "Acme Co")
        #expect(result.postings[2].salaryText == "150000.0")
        #expect(result.postings[2].location == "Berlin")
        let keys = result.postings[3]
        #expect(keys.company == "Nested Org")
        #expect(keys.location == "Paris")
        #expect(keys.salaryText == "EUR 50000–60000")
        #expect(keys.listedSkills == ["python", "3", "1"])
        #expect(keys.extra["remote"] == "0")
        let messages = result.rowErrors.map { $0.errorDescription ?? "" }
        #expect(messages == [
            "edge.jsonl:2: invalid JSON (Unexpected end of file during string parse (expected low-surrogate code point but did not find one).)",
            "edge.jsonl:5: invalid JSON (Unexpected end of file during JSON parse.)",
        ])
    }

    @Test("a BOM before a JSON array, duplicate keys (the last wins), and nesting deeper than the byte reader goes")
    func bomDuplicatesDepth() throws {
        let array = try PostingReader().read(bytes: [0xEF, 0xBB, 0xBF] + Array(#"[{"title": "One", "description": "First \u00fc"}, {"title": "Two", "description": "Second"}]"#.utf8), path: "a.json")
        #expect(array.postings.map(\.title) == ["One", "Two"])
        #expect(array.postings.first?.body == "First ü")
        let duplicate = try PostingReader().read(bytes: Array(#"{"title": "A", "title": "B", "description": "dup keys"}"#.utf8), path: "d.json")
        #expect(duplicate.postings.map(\.title) == ["B"])
        let deep = #"{"jobs": [{"title": "Deep", "description": "d", "x": "# + String(repeating: "[", count: 70) + String(repeating: "]", count: 70) + "}]}"
        #expect(try PostingReader().read(bytes: Array(deep.utf8), path: "deep.json").postings.map(\.title) == ["Deep"])
    }

    @Test("a raw NUL byte in a JSON line is that line's error; a truncated document names the file")
    func nulAndTruncated() throws {
        let nul = try PostingReader().read(bytes: Array(#"{"title": "Raw", "description": "has a raw "#.utf8) + [0]
            + Array(#" byte"}"#.utf8) + [0x0A] + Array((#"{"title": "Fine", "description": ""# + String(repeating: "x", count: 2000) + "\"}\n").utf8), path: "n.jsonl")
        #expect(nul.postings.map(\.title) == ["Fine"])
        #expect(nul.rowErrors.map { $0.errorDescription ?? "" } == ["n.jsonl:1: invalid JSON (Unescaped control character around character 43.)"])
        #expect(throws: IngestError.invalidJSON(path: "t.json", line: nil, reason: "Unexpected end of file during JSON parse.")) {
            try PostingReader().read(bytes: Array(#"[{"title": "One", "description": "First"}, {"title": "Tw"#.utf8), path: "t.json")
        }
    }

    @Test("key names match ignoring case, in ASCII by bytes and otherwise as lowercased strings")
    func keyNames() {
        #expect(JSONPostingReader.key("Company Name", contains: "company"))
        #expect(JSONPostingReader.key("HIRING_ORGANIZATION", contains: "organization"))
        #expect(!JSONPostingReader.key("Comp", contains: "company"))
        #expect(!JSONPostingReader.key("", contains: "salary"))
        #expect(JSONPostingReader.key("Société Location", contains: "location"))
        #expect(JSONPostingReader.key("SALARY€", contains: "salary"))
    }
}
