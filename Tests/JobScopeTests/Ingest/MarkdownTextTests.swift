import Foundation
import Testing
@testable import JobScope

/// The byte-level Markdown reduction gives what the Foundation string version gave, on LF text.
@Suite("Markdown text")
struct MarkdownTextTests {
    /// The String version MarkdownText replaced (JobScope before issue 13), kept as the oracle.
    static func referencePlainMarkdown(_ text: String) -> String {
        var out: [String] = []
        var previousWasHeading = false
        func startsBlock(_ line: String) -> Bool {
            let t = line.drop { $0 == " " }
            if t.hasPrefix("- ") || t.hasPrefix("* ") || t.hasPrefix("+ ") || t.hasPrefix("•") || t.hasPrefix(">") || t.hasPrefix("|") {
                return true
            }
            let digits = t.prefix { $0.isNumber }
            return !digits.isEmpty && (t.dropFirst(digits.count).hasPrefix(". ") || t.dropFirst(digits.count).hasPrefix(") "))
        }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var s = String(line)
            let trimmed = s.drop { $0 == " " }
            if trimmed.hasPrefix("#") {
                s = String(trimmed.drop { $0 == "#" }.drop { $0 == " " })
            }
            s = s.replacingOccurrences(of: "**", with: "").replacingOccurrences(of: "__", with: "")
            // [text](url) → text
            while let open = s.range(of: "]("), let lb = s[..<open.lowerBound].lastIndex(of: "["),
                  let close = s[open.upperBound...].firstIndex(of: ")") {
                let label = s[s.index(after: lb)..<open.lowerBound]
                s.replaceSubrange(lb...close, with: label)
            }
            if s.allSatisfy({ $0 == "-" || $0 == "*" || $0 == "_" || $0 == " " }), s.count >= 3 { s = "" }
            // A hard-wrapped paragraph line continues the one before it (Markdown's soft break).
            let isHeading = trimmed.hasPrefix("#")
            if !isHeading, !s.isEmpty, !startsBlock(s), let previous = out.last, !previous.isEmpty,
               !previousWasHeading, !previous.hasSuffix(":"),
               PlainTextPostingReader.headerLine(s.trimmingCharacters(in: .whitespaces)) == nil,
               PlainTextPostingReader.headerLine(previous.trimmingCharacters(in: .whitespaces)) == nil {
                out[out.count - 1] = previous + " " + s.trimmingCharacters(in: .whitespaces)
            } else if isHeading {
                // A heading is its own paragraph, whatever blank lines the author left around it.
                out += ["", s, ""]
            } else {
                out.append(s)
            }
            previousWasHeading = isHeading
        }
        return out.joined(separator: "\n")
    }

    static let samples = [
        "# Title\nSome **bold** and __under__ text\nwrapped here.\n\n- item one\n- item [two](https://x.example)\n",
        "Intro:\nline after colon\nCompany: Acme\nnext\n---\n***\n1. first\n2) second\n> quote\n| a | b |\n",
        "  ## Spaced heading\ntext [a](b) and [c [d](e) f](g) end\n•bullet\n   indented text\n\n\n",
        "Zürich — naïve café\u{00A0}\nnext line\n# \n#NoSpace\n**\n____\n",
        "",
        "no newline at end",
    ]

    @Test("same output as the string version on hand-written samples")
    func samplesMatch() {
        for sample in Self.samples {
            #expect(MarkdownText.plain(Array(sample.utf8)) == Self.referencePlainMarkdown(sample), "\(sample)")
        }
    }

    @Test("CRLF lines split like LF lines (the string version kept CRLF text as one line)")
    func crlf() {
        #expect(MarkdownText.plain(Array("# T\r\nFirst\r\nsecond\r\n".utf8)) == "\nT\n\nFirst second\n")
    }

    @Test("same output as the string version on 400 real board postings", .enabled(if: IngestFixture.corpus != nil, "../shared/corpus is absent"))
    func realPostingsMatch() throws {
        let corpus = try #require(IngestFixture.corpus)
        let files = PostingFileWalker(paths: [corpus + "/remotewlb-2024/jobs/Python"]).collect().files.prefix(400)
        #expect(files.count == 400)
        var compared = 0
        for file in files {
            let bytes = try FileBytes.load(path: file, limit: 1 << 24)
            guard !bytes.contains(0x0D) else { continue }
            let text = String(decoding: bytes, as: UTF8.self)
            #expect(MarkdownText.plain(bytes) == Self.referencePlainMarkdown(text), "\(file)")
            compared += 1
        }
        #expect(compared > 300)
    }

    @Test("the word-at-a-time test for marks finds every \"**\", \"__\" and \"](\" wherever it falls")
    func rewriteTest() {
        // Each pair at every offset of a 20-byte line (across the 8-byte words), and lone marks that are no pair.
        for pair in ["**", "__", "]("] {
            for offset in 0...18 {
                var line = Array(repeating: UInt8(ascii: "a"), count: 20)
                line.replaceSubrange(offset..<(offset + 2), with: Array(pair.utf8))
                #expect(MarkdownText.mayNeedRewrite(line, from: 0, to: line.count), "\(pair) at \(offset)")
                #expect(!MarkdownText.mayNeedRewrite(line, from: offset + 1, to: line.count), "\(pair) cut at \(offset)")
            }
        }
        for text in ["plain words only, nothing to do here", "a * b _ c ] d ( e", "*_*_]*]_", "", "x", "*a*a_a_a]a(a)"] {
            let line = Array(text.utf8)
            #expect(!MarkdownText.mayNeedRewrite(line, from: 0, to: line.count), "\(text)")
        }
    }

    @Test("the body read from an offset is the plain text of the bytes from there")
    func plainFromOffset() {
        let text = "# [Role](https://x.example/a)\n### Acme\n\nSome **bold** words\r\nwrapped here.\n- item [one](u)\n"
        let bytes = Array(text.utf8)
        for first in [0, 30, 40, bytes.count - 1, bytes.count] {
            #expect(MarkdownText.plainBytes(bytes, from: first) == Array(MarkdownText.plain(Array(bytes[first...])).utf8))
        }
    }
}
