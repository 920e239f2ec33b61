import Foundation
@testable import JobScope
import Testing

@Suite("JSONColumn")
struct JSONColumnTests {
    /// The same JSON value `JSONEncoder` gives, compared as parsed objects.
    func sameValue<T: Encodable>(_ text: String, as value: T) throws -> Bool {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let reference = try JSONSerialization.jsonObject(with: encoder.encode(value)) as? NSObject
        let ours = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? NSObject
        return reference == ours
    }

    @Test("evidence written by hand reads back with JSONDecoder as it was, whatever the text holds")
    func evidenceRoundTrip() throws {
        let evidence = [
            Evidence(matched: "C++", start: 0, end: 3, snippet: "uses \"C++\" and C:\\tools\n\tdaily"),
            Evidence(matched: "Python", start: 120, end: 126, snippet: "naïve — 数据 😀 \u{01}\u{1F} </script>"),
        ]
        let text = JSONColumn.evidence(evidence)
        #expect(try JSONDecoder().decode([Evidence].self, from: Data(text.utf8)) == evidence)
        #expect(try JSONDecoder().decode([Evidence].self, from: Data(JSONColumn.evidence([]).utf8)).isEmpty)
        #expect(try sameValue(text, as: evidence))
    }

    @Test("an explanation and a string list read back as they were, weights to the last bit")
    func explanationRoundTrip() throws {
        let explanation = RoleExplanation(
            titleKeywords: ["data scientist", "\"quoted\""],
            topTerms: [WeightedTerm(term: "pandas", weight: 0.1 + 0.2), WeightedTerm(term: "r&d", weight: 1e-7),
                       WeightedTerm(term: "big", weight: -12345.678901234567)],
            matchedRoleSkills: ["python", "sql"])
        let text = JSONColumn.explanation(explanation)
        #expect(try JSONDecoder().decode(RoleExplanation.self, from: Data(text.utf8)) == explanation)
        #expect(try JSONDecoder().decode(RoleExplanation.self, from: Data(JSONColumn.explanation(.init()).utf8))
            == RoleExplanation())
        #expect(try sameValue(text, as: explanation))
        let domains = ["finance", "health\tcare"]
        #expect(try JSONDecoder().decode([String].self, from: Data(JSONColumn.strings(domains).utf8)) == domains)
    }
}
