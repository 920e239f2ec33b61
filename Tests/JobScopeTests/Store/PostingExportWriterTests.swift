import Foundation
import JobScope
import Testing

@Suite("PostingExportWriter")
struct PostingExportWriterTests {
    let record = PostingExportRecord(
        id: "0123456789abcdef", sources: [PostingSource(path: "/data/a.csv", row: 3), PostingSource(path: "/data/b.jsonl", line: 9)],
        title: "Data Scientist, \"Search\"", company: "Acme", location: "Paris\nFrance",
        datePosted: PostingDate(year: 2024, month: 3, day: 1), roleID: "data-scientist", secondaryRoleID: nil,
        nearestRoleID: nil, confidence: 0.8125,
        roles: [RoleScore(roleID: "data-scientist", name: "Data Scientist", kind: .documented, probability: 0.8125),
                RoleScore(roleID: "data-analyst", name: "Data Analyst", kind: .adjacent, probability: 0.1)],
        skills: [SkillMention(skillID: "python", name: "Python", category: .programmingLanguage, requirement: .required,
                              count: 2, evidence: [Evidence(matched: "Python", start: 10, end: 16, snippet: "strong Python skills")]),
                 SkillMention(skillID: "sql", name: "SQL", category: .dataTooling, requirement: .preferred, count: 1,
                              evidence: [])],
        attributes: PostingAttributes(education: "master", yearsExperience: 3, seniority: "senior", workplace: .hybrid,
                                      salary: SalaryRange(minimum: 90000, maximum: 120000, currency: "USD", period: .year,
                                                          text: "$90K-$120K"), domains: ["finance"]),
        repostOf: nil, modelVersion: "m1")

    @Test("JSON Lines: one decodable record per line")
    func jsonLines() throws {
        let path = try StoreFixture.scratch().appendingPathComponent("out.jsonl").path
        let writer = try PostingExportWriter(path: path)
        try writer.write(record)
        try writer.write(record)
        try writer.close()
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 2)
        let decoded = try JSONDecoder().decode(PostingExportRecord.self, from: Data(lines[0].utf8))
        #expect(decoded == record)
    }

    @Test("CSV: a header, quoted fields where needed, lists joined")
    func csv() throws {
        let path = try StoreFixture.scratch().appendingPathComponent("out.csv").path
        let writer = try PostingExportWriter(path: path)
        try writer.write(record)
        try writer.close()
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.hasPrefix(PostingExportWriter.csvColumns.joined(separator: ",") + "\n"))
        #expect(text.contains("\"Data Scientist, \"\"Search\"\"\""))
        #expect(text.contains("\"Paris\nFrance\""))
        #expect(text.contains("data-scientist=0.812; data-analyst=0.100") || text.contains("data-scientist=0.813; data-analyst=0.100"))
        #expect(text.contains("python (programming-language); sql (data-tooling)"))
        #expect(text.contains(",python,sql,python: strong Python skills,master,3,senior,hybrid,90000,120000,USD,year,finance,,m1,,data-scientist\n"))
    }

    @Test("another extension is refused")
    func unsupported() throws {
        let path = try StoreFixture.scratch().appendingPathComponent("out.xlsx").path
        #expect(throws: StoreError.unsupportedOutput(path: path)) { try PostingExportWriter(path: path) }
    }
}

@Suite("Export: formula cells")
struct PostingExportFormulaTests {
    func record(title: String) -> PostingExportRecord {
        PostingExportRecord(id: "p1", sources: [PostingSource(path: "/in/a.csv", row: 2)], title: title, company: "+Acme",
                            location: "@home", datePosted: nil, roleID: nil, secondaryRoleID: nil, nearestRoleID: nil,
                            confidence: 0.5, roles: [], skills: [], attributes: PostingAttributes(), repostOf: nil,
                            modelVersion: "m")
    }

    @Test("analyze --output x.csv: cells a spreadsheet would run are defused; rawCSV writes them as they are")
    func defusedCells() throws {
        let folder = try StoreFixture.scratch()
        let path = folder.appendingPathComponent("x.csv").path
        let writer = try PostingExportWriter(path: path)
        try writer.write(record(title: "=HYPERLINK(\"http://evil\",\"Apply\")"))
        try writer.close()
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains(",\"'=HYPERLINK(\"\"http://evil\"\",\"\"Apply\"\")\",'+Acme,'@home,"))
        let raw = try PostingExportWriter(path: path, rawCSV: true)
        try raw.write(record(title: "=1+1"))
        try raw.close()
        #expect(try String(contentsOfFile: path, encoding: .utf8).contains(",=1+1,+Acme,@home,"))
    }
}
