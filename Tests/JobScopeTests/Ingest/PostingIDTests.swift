import Foundation
import Testing
@testable import JobScope

@Suite("Posting ids")
struct PostingIDTests {
    /// The definition the byte-level normalization must match.
    private func reference(_ text: String) -> String {
        text.lowercased().split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    @Test("normalization matches lowercased + white-space split", arguments: [
        "  Data   Scientist\n", "ÉCOLE\u{00A0}Straße  ΣΟΦΙΑ", "tab\tand\r\nnewline", "", "   ", "naïve\u{2003}café",
        "ＦＵＬＬ　ＷＩＤＴＨ", "İstanbul Iİ", "emoji 👩‍💻 Dev",
    ])
    func matchesReference(_ text: String) {
        #expect(Posting.normalizedForID(text) == reference(text))
    }

    @Test("case and spacing do not change the id; content does")
    func stable() {
        let a = Posting.makeID(title: "Data Scientist", company: "Acme", body: "Fit  models.\n")
        #expect(a == Posting.makeID(title: "data scientist", company: "ACME", body: "Fit models."))
        #expect(a != Posting.makeID(title: "Data Scientist", company: "Acme", body: "Fit other models."))
        #expect(a.count == 16)
    }

    @Test("normalization matches the reference on every real body", .enabled(if: IngestFixture.corpus != nil, "../shared/corpus is absent"))
    func realBodies() throws {
        let corpus = try #require(IngestFixture.corpus)
        let result = try PostingReader().read(path: corpus + "/linkedin-indeed-2018/DataAnalyst.csv")
        var mismatches = 0
        for posting in result.postings where Posting.normalizedForID(posting.body) != reference(posting.body) {
            mismatches += 1
        }
        #expect(mismatches == 0)
    }
}
