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

    @Test("what it reads equals JSONSerialization's value; what it does not read is left to it", arguments: [
        #"{"@type": "JobPosting", "title": "Data \"Lead\"", "n": 60000, "m": -5, "z": 0, "ok": true, "no": false, "x": null}"#,
        #"[{"a": [1, 2, {"b": []}]}, {}, []]"#, #"{"a": 1, "a": 2}"#, #" "text\/with\n\tescapes\u00e9\u2019\ud83d\ude00" "#,
        "\"raw ’ é 👩‍💻 text, long enough for eight-byte steps\"", "123456789012345678", "1234567890123456789", "1.5", "1e3",
        "-0", "007", #""\uD83D""#, #""\u0000""#, "\"tab\there\"", #"{"a": 1,}"#, "[1 2]", "{\"a\" 1}", "truex", "nul", "",
        " \r\n\t{ \"a\" : [ ] } \r\n", "{\"a\": 1} x", "\u{FEFF}{}", #""\x""#, "[" + String(repeating: "[", count: 70) + String(repeating: "]", count: 71),
    ])
    func agreesWithFoundation(_ text: String) {
        let data = Data(text.utf8)
        let foundation = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        guard let fast = FastJSON.parse(data) else { return } // left to JSONSerialization: nothing to compare
        let expected = try? #require(foundation)
        #expect(expected.map { same(fast, $0) } == true)
    }

    @Test("plain JSON-LD takes the fast path")
    func readsPlainJSONLD() {
        let data = Data(#"{"@type":"JobPosting","title":"T","description":"<p>It\u2019s \"here\"<\/p>","baseSalary":{"value":{"minValue":1,"maxValue":2}}}"#.utf8)
        #expect(FastJSON.parse(data) != nil)
    }
}
