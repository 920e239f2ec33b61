import Foundation
import JobScope
import Testing

@Suite("Store: decided role, AI involvement and every role a posting hires for")
struct RoleColumnsTests {
    @Test("an analyzed posting's export carries role (or other) in one field, its AI involvement and its roles")
    func exportCarriesRoleAndInvolvement() async throws {
        let folder = try StoreFixture.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("postings.jsonl")
        try StoreFixture.write(StoreFixture.jsonLine(title: "Pastry Chef", company: "Hotel", body: StoreFixture.body(seed: 1)) + "\n",
                               to: file)
        let store = try PostingStore(path: folder.appendingPathComponent("store.sqlite").path)
        _ = try await StoreFixture.run([file], store: store)
        var records: [PostingExportRecord] = []
        try store.forEachRecord { records.append($0) }
        let record = try #require(records.first)
        #expect(record.role == (record.roleID ?? "other"))
        #expect(record.aiInvolvement != nil, "ai_involvement is stored")
        #expect(record.hiredRoles == [record.role])
        let line = try JSONEncoder().encode(record)
        let object = try #require(try JSONSerialization.jsonObject(with: line) as? [String: Any])
        #expect(object["role"] as? String == record.role)
    }
}
