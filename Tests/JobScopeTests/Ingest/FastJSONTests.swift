import Foundation
import Testing
@testable import JobScope

@Suite("Fast JSON")
struct FastJSONTests {
    /// Same types and values as JSONSerialization gives (NSNumber by class and text, strings by scalars).
    private func same(_ a: Any, _ b: Any) -> Bool {
        switch (a, b) {
        case let (x as String, y as String): return Array(x.unicodeScalars) == Array(y.unicodeScalars)
        case (is NSNull, is NSNull): return true
        case let (x as NSNumber, y as NSNumber):
            return x.stringValue == y.stringValue && String(describing: type(of: x)) == String(describing: type(of: y))
        case let (x as [String: Any], y as [String: Any]):
            return x.count == y.count && x.allSatisfy { key, value in y[key].map { same(value, $0) } ?? false }
        case let (x as [Any], y as [Any]):
            return x.count == y.count && zip(x, y).allSatisfy { same($0, $1) }
        default: return false
        }
    }

    @Test("plain JSON it reads equals JSONSerialization's value", arguments: [
        #"{"@type": "JobPosting", "title": "Data \"Lead\"", "n": 60000, "m": -5, "z": 0, "ok": true, "no": false, "x": null}"#,
        #"[{"a": [1, 2, {"b": []}]}, {}, []]"#, #"{"a": 1, "a": 2}"#, #" "text\/with\n\tescapes\u00e9\u2019\ud83d\ude00" "#,
        "\"raw ’ é 👩‍💻 text, long enough for eight-byte steps\"", "123456789012345678", " \r\n\t{ \"a\" : [ ] } \r\n",
    ])
    func agreesWithFoundation(_ text: String) throws {
        let data = Data(text.utf8)
        let fast = try #require(FastJSON.parse(data), "the fast reader must read this plain JSON itself")
        let foundation = try #require(try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]))
        #expect(same(fast, foundation))
    }

    @Test("what it does not read (numbers it cannot keep exact, rare escapes, deep nesting, invalid JSON) it leaves to JSONSerialization", arguments: [
        "1234567890123456789", "1.5", "1e3", "-0", "007", #""\uD83D""#, #""\u0000""#, "\"tab\there\"", #"{"a": 1,}"#,
        "[1 2]", "{\"a\" 1}", "truex", "nul", "", "{\"a\": 1} x", "\u{FEFF}{}", #""\x""#,
        "[" + String(repeating: "[", count: 70) + String(repeating: "]", count: 71),
    ])
    func leavesTheRest(_ text: String) {
        #expect(FastJSON.parse(Data(text.utf8)) == nil)
    }

    @Test("plain JSON-LD takes the fast path")
    func readsPlainJSONLD() {
        let data = Data(#"{"@type":"JobPosting","title":"T","description":"<p>It\u2019s \"here\"<\/p>","baseSalary":{"value":{"minValue":1,"maxValue":2}}}"#.utf8)
        #expect(FastJSON.parse(data) != nil)
    }
}
