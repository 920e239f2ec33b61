import Foundation
import Testing
@testable import JobScope

/// The board header parsed without Foundation string calls gives what the string version gave.
@Suite("Markdown posting header")
struct MarkdownPostingHeaderTests {
    /// The String version (JobScope before the byte rewrite of issue 15), kept as the oracle.
    enum Reference {
        static func parse(_ bytes: [UInt8], from start: Int) -> MarkdownPostingHeader? {
            var cursor = start
            func nextLine(from index: Int) -> (text: String, next: Int)? {
                var i = index
                while i < bytes.count {
                    let end = ByteScan.nextIndex(of: 0x0A, in: bytes, from: i) ?? bytes.count
                    let line = String(decoding: bytes[i..<end], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
                    let next = min(end + 1, bytes.count)
                    if !line.isEmpty { return (line, next) }
                    i = next
                }
                return nil
            }
            guard let first = nextLine(from: cursor), let (level, heading) = Self.heading(first.text) else { return nil }
            var header = MarkdownPostingHeader(bodyStart: first.next)
            if let (text, url) = Self.link(heading) {
                header.title = text
                header.url = url
            } else {
                header.title = Self.plainInline(heading)
            }
            cursor = first.next
            var sawCompany = false
            while let line = nextLine(from: cursor), let (depth, text) = Self.heading(line.text), depth > level {
                if let spans = Self.spans(text) {
                    for span in spans {
                        if let value = Self.marked(span, by: ["💰", "💵", "💲"]) {
                            header.salary = header.salary ?? value
                        } else if let value = Self.marked(span, by: ["🌎", "🌍", "🌏", "📍"]) {
                            header.location = header.location ?? value
                        }
                    }
                    cursor = line.next
                    header.bodyStart = cursor
                    break // the span line closes the header
                }
                guard !sawCompany, header.salary == nil, Self.looksLikeName(text) else { break }
                let name = Self.plainInline(text)
                header.company = ColumnMapping.isNullMarker(name) ? nil : name
                sawCompany = true
                cursor = line.next
                header.bodyStart = cursor
            }
            return header
        }

        static func heading(_ line: String) -> (Int, String)? {
            let hashes = line.prefix { $0 == "#" }.count
            guard (1...6).contains(hashes) else { return nil }
            let rest = line.dropFirst(hashes)
            guard rest.isEmpty || rest.first == " " || rest.first == "\t" else { return nil }
            var text = rest.trimmingCharacters(in: .whitespaces)
            while text.hasSuffix("#") { text.removeLast() } // closing hashes
            text = text.trimmingCharacters(in: .whitespaces)
            return text.isEmpty ? nil : (hashes, text)
        }

        static func link(_ text: String) -> (String, String)? {
            guard text.hasPrefix("["), text.hasSuffix(")"), let middle = text.range(of: "](", options: .backwards) else { return nil }
            let label = text[text.index(after: text.startIndex)..<middle.lowerBound]
            let url = text[middle.upperBound..<text.index(before: text.endIndex)]
            let clean = plainInline(String(label))
            guard !clean.isEmpty, !url.contains(" ") else { return nil }
            return (clean, String(url))
        }

        static func spans(_ text: String) -> [String]? {
            guard text.hasPrefix("`") else { return nil }
            var spans: [String] = []
            var rest = Substring(text)
            while !rest.isEmpty {
                guard rest.first == "`" else { return nil }
                rest = rest.dropFirst()
                guard let close = rest.firstIndex(of: "`") else { return nil }
                spans.append(rest[..<close].trimmingCharacters(in: .whitespaces))
                rest = rest[rest.index(after: close)...].drop { $0 == " " || $0 == "\t" }
            }
            return spans.isEmpty ? nil : spans
        }

        static func marked(_ span: String, by marks: [String]) -> String? {
            for mark in marks where span.hasPrefix(mark) {
                let value = span.dropFirst(mark.count).drop { $0 == " " || $0 == "\u{FE0F}" }
                    .trimmingCharacters(in: .whitespaces)
                return value.isEmpty ? nil : value
            }
            return nil
        }

        static func looksLikeName(_ text: String) -> Bool {
            // A name may end with "." ("Acme, Inc."); a sentence, longer than a name, may not.
            guard text.count <= 80, !text.contains("`"), !text.hasSuffix(":"), !text.hasSuffix("?"),
                  !(text.hasSuffix(".") && text.split(separator: " ").count > 6),
                  text.contains(where: { $0.isLetter || $0.isNumber }) // "84.51°" is a company
            else { return false }
            return !MarkdownPostingHeader.sectionWords.contains(plainInline(text).lowercased())
        }

        static func plainInline(_ text: String) -> String {
            var s = text.replacingOccurrences(of: "**", with: "").replacingOccurrences(of: "__", with: "")
            while let open = s.range(of: "]("), let lb = s[..<open.lowerBound].lastIndex(of: "["),
                  let close = s[open.upperBound...].firstIndex(of: ")") {
                s.replaceSubrange(lb...close, with: s[s.index(after: lb)..<open.lowerBound])
            }
            return s.trimmingCharacters(in: .whitespaces)
        }

    }

    /// The fields scalar by scalar (String's == would let canonically equivalent texts pass) and the body's start.
    static func fields(_ header: MarkdownPostingHeader?) -> [[UInt32]?] {
        guard let header else { return [] }
        return [header.title, header.url, header.company, header.salary, header.location, String(header.bodyStart)]
            .map { $0.map { $0.unicodeScalars.map(\.value) } }
    }

    static let samples = [
        "# [Senior ML Engineer](https://board.example/apply/1)\n### Example Corp\n#### `💰 $150,000 - $180,000` `🌎 Remote US`\n\nBody.\n",
        "\u{FEFF}  # Title **bold** __x__ \r\n\r\n## **Acme**, Inc.\r\n### `📍 Berlin` `💵 €90k`\r\nText",
        "# [Ingénieur **IA**](https://x.example/é)\n## Société Générale\u{A0}\n#### `🌍 Paris`\n",
        "#NoSpace\nbody", "## \n# Real\n", "# [a](b) [c](d)\n## About the role\n", "# [x [y](z)](u v)\n## Name ##\n",
        "# Title #\n## A very long company name that goes on and on and on, far past anything a name would be\n",
        "# T\n## \u{200B}Zero Width\u{200B}\n### `💲 \u{FE0F} 10`\n", "# T\n## 84.51°\n## Second\n", "# T\n## Who are we?\n",
        "\t# Tabbed\n\u{3000}## Ideographic space\u{3000}\n", "# ]( odd\n", "# [](x)\n", "# [t](x)\n## e\u{301}cole\n",
        "# T\n### `unclosed\n", "# T\n### `a` b\n", "# T\n### `🌎` `🌎 Two`\n", "no heading\n# Later\n",
        "# T\n## n/a\n", "# *T*\n## __Co__ [site](http://c.example)\n", "# [a]**(b)\n## [x]__(y) Co\n",
    ]

    @Test("same header as the string version on hand-written samples", arguments: samples)
    func samplesMatch(_ sample: String) {
        let bytes = Array(sample.utf8)
        let start = ByteScan.bomLength(bytes)
        let header = MarkdownPostingHeader.parse(bytes, from: start)
        #expect(Self.fields(header) == Self.fields(Reference.parse(bytes, from: start)))
    }

    @Test("same header as the string version on 2,000 real board postings", .enabled(if: IngestFixture.corpus != nil, "../shared/corpus is absent"))
    func realPostingsMatch() throws {
        let corpus = try #require(IngestFixture.corpus)
        let files = PostingFileWalker(paths: [corpus + "/remotewlb-2024/jobs"]).collect().files.prefix(2000)
        #expect(files.count == 2000)
        var withCompany = 0
        for file in files {
            let bytes = try FileBytes.prefix(path: file, count: 4096)
            let header = MarkdownPostingHeader.parse(bytes, from: ByteScan.bomLength(bytes))
            #expect(Self.fields(header) == Self.fields(Reference.parse(bytes, from: ByteScan.bomLength(bytes))), "\(file)")
            if header?.company != nil { withCompany += 1 }
        }
        #expect(withCompany > 1000)
    }
}
