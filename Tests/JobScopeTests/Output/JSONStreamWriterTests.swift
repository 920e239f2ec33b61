import Foundation
import Testing
@testable import JobScope

@Suite("JSON written as it goes")
struct JSONStreamWriterTests {
    struct Item: Codable, Equatable {
        var name: String
        var tags: [String]
        var nested: [String: [Int]]
    }

    static let items = [
        Item(name: "a \"quoted\"\nline", tags: [], nested: [:]),
        Item(name: "b/c", tags: ["x", "y"], nested: ["k": [1, 2], "empty": []]),
        Item(name: "é", tags: ["z"], nested: [:]),
    ]

    func written(_ items: [Item], layout: JSONStreamWriter.Layout) throws -> String {
        let folder = try IngestFixture.scratch("json-stream-\(UUID().uuidString)")
        let path = folder + "/out.json"
        let file = try OutputFile(path: path)
        let writer = JSONStreamWriter(output: file, layout: layout)
        try writer.begin()
        for item in items { try writer.write(item) }
        try writer.end()
        try file.commit()
        return try String(contentsOfFile: path, encoding: .utf8)
    }

    @Test("the pretty array is byte for byte what JSONEncoder writes for the whole array", arguments: [0, 1, 3])
    func prettyArrayMatchesEncoder(_ count: Int) throws {
        let items = Array(Self.items.prefix(count))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let whole = String(decoding: try encoder.encode(items), as: UTF8.self) + "\n"
        #expect(try written(items, layout: .prettyArray) == whole)
    }

    @Test("compact array and JSON Lines decode back to the values")
    func compactForms() throws {
        let array = try written(Self.items, layout: .array)
        #expect(try JSONDecoder().decode([Item].self, from: Data(array.utf8)) == Self.items)
        let lines = try written(Self.items, layout: .lines).split(separator: "\n")
        #expect(lines.count == 3)
        #expect(try lines.map { try JSONDecoder().decode(Item.self, from: Data($0.utf8)) } == Self.items)
        #expect(try written([], layout: .array) == "[]\n")
    }
}
