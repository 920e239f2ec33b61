import Foundation
import Testing
@testable import JobScope

@Suite("White space without Foundation")
struct WhiteSpaceTests {
    @Test("the sets are Foundation's, scalar by scalar", arguments: [false, true])
    func setsMatchFoundation(newlines: Bool) {
        let set: CharacterSet = newlines ? .whitespacesAndNewlines : .whitespaces
        var differing: [UInt32] = []
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            if WhiteSpace.contains(scalar, newlines: newlines) != set.contains(scalar) { differing.append(value) }
        }
        #expect(differing.isEmpty, "scalars judged otherwise than Foundation: \(differing.prefix(10).map { String($0, radix: 16) })")
    }

    static let samples = [
        "", " ", "\t\t", "plain", "  padded  ", "\u{200B}zero width\u{200B}", "\u{A0}no-break\u{3000}", "e\u{301}",
        " \u{301}combining at the edge ", "line\r\n", "\r\n", "\n\u{85}next line\u{2028}", "tab\tinside", "💰 $100 ",
        "\u{FEFF}bom", "\u{0}nul\u{0}", "\u{1680}ogham\u{205F}", "x\u{202F}", "\u{2029}",
    ]

    @Test("trimmed equals trimmingCharacters(in:)", arguments: samples)
    func trimmedMatchesFoundation(_ text: String) {
        #expect(Array(WhiteSpace.trimmed(text).unicodeScalars) == Array(text.trimmingCharacters(in: .whitespaces).unicodeScalars))
        #expect(Array(WhiteSpace.trimmed(text, newlines: true).unicodeScalars)
            == Array(text.trimmingCharacters(in: .whitespacesAndNewlines).unicodeScalars))
        let sub = text.dropFirst(0)
        #expect(WhiteSpace.trimmed(sub) == sub.trimmingCharacters(in: .whitespaces))
    }

    @Test("a line of bytes is decoded (invalid UTF-8 replaced) and trimmed as Foundation does", arguments: [
        [UInt8](" \t# Title \r".utf8), [0x20, 0xC3, 0x20], [0xE2, 0x80, 0x8B, 0x41, 0xC2, 0xA0], [0x41, 0xE2, 0x80],
        [0x0B, 0x0C, 0x41, 0x0D], [], [0x20, 0x20], [0xFF, 0x41, 0xFE], [0x00, 0x41],
    ])
    func trimmedLine(_ bytes: [UInt8]) {
        let expected = String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(Array(WhiteSpace.trimmedLine(bytes[...]).unicodeScalars) == Array(expected.unicodeScalars))
    }
}

@Suite("UTF-8 validation in place")
struct UTF8ValidationTests {
    @Test("valid and invalid sequences are judged as Swift's own validation judges them", arguments: [
        [UInt8]("ascii only, more than eight bytes".utf8), Array("é ’ 👩‍💻 中文".utf8), [0xC0, 0x80], [0xC1, 0xBF], [0xC2],
        [0xE0, 0x80, 0x80], [0xE0, 0xA0, 0x80], [0xED, 0xA0, 0x80], [0xED, 0x9F, 0xBF], [0xEF, 0xBF, 0xBF],
        [0xF0, 0x8F, 0xBF, 0xBF], [0xF0, 0x90, 0x80, 0x80], [0xF4, 0x8F, 0xBF, 0xBF], [0xF4, 0x90, 0x80, 0x80],
        [0xF5, 0x80, 0x80, 0x80], [0x80], [0xFF], Array("12345678".utf8) + [0xE2, 0x80], [0x41, 0x00, 0x42],
    ])
    func agreesWithSwift(_ bytes: [UInt8]) {
        #expect(CharsetDetector.isValidUTF8(bytes) == (String(validating: bytes, as: UTF8.self) != nil))
    }

    @Test("random byte strings are judged as Swift judges them")
    func randomBytes() {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        var disagreements = 0
        for _ in 0..<20_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let count = Int(state >> 59)
            var bytes: [UInt8] = []
            for k in 0..<count {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                // Mostly bytes around the boundaries of the UTF-8 ranges, some ASCII.
                let pick = UInt8(truncatingIfNeeded: state >> 33)
                bytes.append(k % 3 == 0 ? pick : 0x7F &+ (pick & 0x7F))
            }
            if CharsetDetector.isValidUTF8(bytes) != (String(validating: bytes, as: UTF8.self) != nil) { disagreements += 1 }
        }
        #expect(disagreements == 0)
    }
}
