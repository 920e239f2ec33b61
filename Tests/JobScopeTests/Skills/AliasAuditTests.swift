import Foundation
import Testing
@testable import JobScope

@Suite struct AliasAuditTests {
    @Test func countsAcceptedAndRejectedMatchesPerAlias() throws {
        let taxonomy = Taxonomy(version: "t", roles: [], skills: [
            Skill(id: "etl", name: "ETL", category: .dataTooling, rules: ["not-devops-pipeline"],
                  weakAliases: ["pipelines"], contextTerms: ["data"]),
            Skill(id: "python", name: "Python", category: .programmingLanguage),
        ])
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("audit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let a = dir.appendingPathComponent("a.txt"), b = dir.appendingPathComponent("b.txt")
        try "Build pipelines that move data. Python and ETL.".write(to: a, atomically: true, encoding: .utf8)
        try "Own our CI/CD pipelines in Python.".write(to: b, atomically: true, encoding: .utf8)
        let audit = AliasAudit.run(paths: [a.path, b.path], matcher: SkillMatcher(taxonomy: taxonomy))
        #expect(audit.postings == 2)
        let pipelines = try #require(audit.rows.first { $0.alias == "pipelines" })
        #expect(pipelines.weak && pipelines.matches == 1 && pipelines.unconstrained == 2 && pipelines.rejected == 1)
        #expect(pipelines.rejectedSamples.first?.contains("CI/CD") == true)
        let python = try #require(audit.rows.first { $0.alias == "Python" })
        #expect(python.postings == 2 && python.rejected == 0)
        #expect(audit.mostConstrained.first?.alias == "pipelines")
    }
}
