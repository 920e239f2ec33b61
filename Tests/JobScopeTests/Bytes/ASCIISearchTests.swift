import Foundation
import Testing
@testable import JobScope

@Suite("ASCII search")
struct ASCIISearchTests {
    static let texts = [
        "", "remote", "acme | senior ml engineer | remote (us) | $150k", "on-site or remote only", "a - b - c", "||x||",
        "café | remote", "zürich · hybrid · €90k", "x – y – z", "e\u{301} | remote\u{301}", "aaa", "visa sponsorship",
    ]
    static let needles = ["remote", "|", " - ", "·", " – ", "or", "aa", "$", "€", "visa", " (http", "x"]

    @Test("contains, range, components and replacing agree with Foundation", arguments: texts)
    func agreesWithFoundation(_ text: String) {
        for needle in Self.needles {
            #expect(ASCIISearch.contains(text, needle) == text.contains(needle), "\(text) / \(needle)")
            #expect(ASCIISearch.components(text, separatedBy: needle) == text.components(separatedBy: needle), "\(text) / \(needle)")
            #expect(ASCIISearch.replacing(needle, with: "", in: text) == text.replacingOccurrences(of: needle, with: ""))
            var from = text.startIndex
            while true {
                let fast = ASCIISearch.range(of: needle, in: text, from: from)
                let foundation = text.range(of: needle, range: from..<text.endIndex)
                #expect(fast == foundation, "\(text) / \(needle)")
                guard let found = foundation else { break }
                from = found.upperBound
            }
        }
    }

    @Test("a Hacker News first line reads into the same fields")
    func hackerNewsLine() throws {
        let post = try #require(HackerNewsPost(firstLine: "  Acme AI (https://acme.example) | Senior ML Engineer, Data Scientist | Remote (US) | $150k-$200k | Full-time | Visa "))
        #expect(post.company == "Acme AI")
        #expect(post.titles == ["Senior ML Engineer", "Data Scientist"])
        #expect(post.location == "Remote (US)")
        #expect(post.remote == "Remote (US)")
        #expect(post.salary == "$150k-$200k")
        #expect(post.employmentType == "Full-time")
        #expect(post.visa == "Visa")
        let other = try #require(HackerNewsPost(firstLine: "Société Générale · Ingénieur IA · Paris · 90k€"))
        #expect(other.company == "Société Générale")
        #expect(other.titles == ["Ingénieur IA"])
        #expect(other.salary == "90k€")
    }
}
