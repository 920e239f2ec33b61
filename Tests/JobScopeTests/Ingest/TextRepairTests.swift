import Foundation
import Testing
@testable import JobScope

@Suite("Text repair")
struct TextRepairTests {
    @Test("double-encoded and single-encoded mojibake is undone",
          arguments: [("Ã¢â‚¬Â¢", "•"), ("â€™", "’"), ("donâ€™t", "don’t"), ("Ã©tude", "étude"), ("â€œquotedâ€\u{9D}", "“quoted”")])
    func mojibake(_ input: String, _ expected: String) {
        #expect(TextRepair.repairMojibake(input) == expected)
    }

    @Test("Latin-1 bytes shown as C1 controls (Ã¢â\\u{82}¬Â¢) are undone too")
    func latin1Variant() {
        #expect(TextRepair.repairMojibake("Ã¢â\u{82}¬Â¢ item") == "• item")
    }

    @Test("real accented text and prices stay as they are", arguments: ["café", "Müller & Söhne", "naïve São Paulo", "£40k – €50k", "Ã  la carte"])
    func cleanTextUnchanged(_ text: String) {
        #expect(TextRepair.repairMojibake(text) == text)
    }

    @Test("entities, white space, CDATA and bullets in a body")
    func body() {
        let raw = "  Intro&nbsp;text &amp; more]]>\r\n\r\n\r\n- one\n* two\n\u{F0B7} three\nlist: • four • five  "
        #expect(TextRepair.body(raw) == "Intro text & more\n\n• one\n• two\n• three\nlist:\n• four\n• five")
    }

    @Test("one-line fields collapse line breaks and decode numeric entities (128–159 as Windows-1252)")
    func line() {
        #expect(TextRepair.line("  Senior&#160;Data\nScientist &#8211; AI&#146;s ") == "Senior Data Scientist – AI’s")
    }

    @Test("decomposed text becomes NFC")
    func nfc() {
        let decomposed = "Re\u{301}sume\u{301}"
        #expect(TextRepair.line(decomposed).unicodeScalars.count == 6)
        #expect(TextRepair.line(decomposed) == "Résumé")
    }

    @Test("line breaks lost by a scrape are restored between glued sentences, not inside names")
    func lostLineBreaks() {
        let raw = "We ship models to millions of users.As a scientist you will own experiments.Requirements:Python and SQL (3+ years).Nice to have:Docker, ASP.Net, Node.Js, e.g.Spark, www.Example.com"
        #expect(TextRepair.body(raw) == """
            We ship models to millions of users.
            As a scientist you will own experiments.
            Requirements:
            Python and SQL (3+ years).
            Nice to have:
            Docker, ASP.Net, Node.Js, e.g.Spark, www.Example.com
            """)
    }

    @Test("control characters are dropped")
    func controls() {
        #expect(TextRepair.body("Data\u{0007} analyst\u{0090} role") == "Data analyst role")
    }

    @Test("eight-byte helpers agree with byte-wise tests on random and edge words")
    func eightBytesAtOnce() {
        var generator = SystemRandomNumberGenerator()
        let edges: [UInt8] = [0x00, 0x08, 0x09, 0x0A, 0x0D, 0x0E, 0x1F, 0x20, 0x3C, 0x40, 0x41, 0x5A, 0x5B, 0x5D, 0x60, 0x61, 0x7A, 0x7F, 0x80, 0xE2, 0xFF]
        for round in 0..<20_000 {
            let bytes = (0..<8).map { _ in round % 2 == 0 ? edges.randomElement(using: &generator)! : UInt8.random(in: 0...255, using: &generator) }
            let word = bytes.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
            for byte: UInt8 in [0x0A, 0x20, 0x3C, 0x5D, 0xE2] {
                let marks = ByteScan.marks(of: byte, in: word)
                #expect((0..<8).allSatisfy { (marks >> (8 * UInt64($0) + 7) & 1 == 1) == (bytes[$0] == byte) })
                #expect(marks & ~ByteScan.highs == 0)
            }
            if bytes.allSatisfy({ $0 < 0x80 }) {
                #expect(ByteScan.hasByteBelow(0x20, in: word) == bytes.contains { $0 < 0x20 })
                #expect(ByteScan.hasByteBelow(0x0E, in: word) == bytes.contains { $0 < 0x0E })
            }
            let lowered = withUnsafeBytes(of: ByteScan.lowercasedASCII(word)) { Array($0) }
            #expect(lowered == bytes.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 })
        }
    }

    static let lines = ["Senior ML Engineer", "Acme, Inc. (Remote)", "a  b", " lead", "trail ", "R&D", "<b>x</b>", "x]]>",
                        "tab\tin", "caf\u{E9}", "C\u{C3}\u{A9}", "", "line\nbreak", "\u{7F}del", "[brackets]"]

    @Test("a line the byte check calls clean is what the full repair makes of it; every line reads as in full", arguments: lines)
    func cleanLineShortcut(_ text: String) {
        if TextRepair.isCleanLine(text) { #expect(TextRepair.repairedLine(text) == text) }
        #expect(TextRepair.line(text) == TextRepair.repairedLine(text))
    }

    @Test("the byte check calls plain fields clean and leaves the others to the full repair")
    func cleanLineVerdicts() {
        #expect(TextRepair.isCleanLine("Senior ML Engineer"))
        #expect(TextRepair.isCleanLine("Acme, Inc. (Remote)"))
        #expect(!TextRepair.isCleanLine("a  b"))
        #expect(!TextRepair.isCleanLine("R&D"))
        #expect(!TextRepair.isCleanLine("caf\u{E9}"))
        #expect(!TextRepair.isCleanLine(""))
    }
}
