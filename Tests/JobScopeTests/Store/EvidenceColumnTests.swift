import Foundation
@testable import JobScope
import Testing

@Suite("EvidenceColumn")
struct EvidenceColumnTests {
    @Test("evidence written by hand reads back with JSONDecoder as it was, whatever the text holds")
    func roundTrip() throws {
        let evidence = [
            Evidence(matched: "C++", start: 0, end: 3, snippet: "uses \"C++\" and C:\\tools\n\tdaily"),
            Evidence(matched: "Python", start: 120, end: 126, snippet: "naïve — 数据 😀 \u{01}\u{1F} </script>"),
        ]
        let text = EvidenceColumn.json(evidence)
        #expect(try JSONDecoder().decode([Evidence].self, from: Data(text.utf8)) == evidence)
        #expect(try JSONDecoder().decode([Evidence].self, from: Data(EvidenceColumn.json([]).utf8)).isEmpty)
        // The same JSON value JSONEncoder writes with sorted keys.
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let reference = try JSONSerialization.jsonObject(with: encoder.encode(evidence)) as? NSArray
        let ours = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? NSArray
        #expect(reference == ours)
    }
}
