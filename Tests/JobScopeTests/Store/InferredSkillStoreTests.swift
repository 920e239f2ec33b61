import Foundation
import GRDB
import Testing
@testable import JobScope

/// A skill the title implies keeps its mark (`inferred: "title"`) through the store, so an export read back from
/// it tells the inferred skill from the named ones as `classify` does.
@Suite("Inferred skills in the store")
struct InferredSkillStoreTests {
    static let taxonomy = Taxonomy(
        version: "test-inferred", roles: StoreFixture.taxonomy.roles,
        skills: StoreFixture.taxonomy.skills + [
            Skill(id: "frontend", name: "Frontend development", category: .softwareEngineering,
                  aliases: ["front-end development"], titleHeads: ["frontend engineer"]),
        ])

    @Test("the skills table and the export records carry inferred for the title's skill, NULL for a named one")
    func inferredRoundTrips() async throws {
        let folder = try StoreFixture.scratch()
        try StoreFixture.write("Title: Frontend Engineer\n\nShip pages with python and sql.\n\(StoreFixture.body(seed: 3))\n",
                               to: folder.appendingPathComponent("a.txt"))
        let storePath = folder.appendingPathComponent("store.sqlite").path
        let store = try PostingStore(path: storePath)
        _ = try await StoreFixture.run([folder], store: store, taxonomy: Self.taxonomy)
        let rows = try DatabaseQueue(path: storePath).read { db in
            try Row.fetchAll(db, sql: "SELECT skill_id, inferred FROM skills ORDER BY skill_id")
        }
        #expect(rows.map { $0["skill_id"] as String } == ["frontend", "python", "sql"])
        #expect(rows.map { $0["inferred"] as String? } == ["title", nil, nil])
        var exported: [SkillMention] = []
        try store.forEachRecord { exported += $0.skills }
        #expect(exported.first { $0.skillID == "frontend" }?.inferred == "title")
        #expect(exported.first { $0.skillID == "python" }?.inferred == nil)
    }
}
