import Crypto
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

    @Test("the id hashes the normalized fields joined by U+001F, for long and non-ASCII texts too", arguments: [
        ("Data Scientist", "Acme", "Fit  models.\n"), ("", "", ""), ("ÉCOLE  Straße", "İstanbul Iİ", "naïve\u{2003}café 👩‍💻"),
        ("Title", "Co", String(repeating: "Word  with\tspace ", count: 700)), ("T", "C", String(repeating: "é ", count: 3000)),
    ])
    func idMatchesDefinition(_ title: String, _ company: String, _ body: String) {
        let key = [title, company, body].map(reference).joined(separator: "\u{1F}")
        let digest = SHA256.hash(data: Data(key.utf8))
        let expected = digest.prefix(8).map { String(format: "%02x", $0) }.joined()
        #expect(Posting.makeID(title: title, company: company, body: body) == expected)
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

    @Test("the content hash is SHA-256 over every field joined by U+001F, so stores written earlier still match")
    func contentHashDefinition() {
        let posting = Posting(source: PostingSource(path: "/x.csv", row: 2), title: "ML Engineer", company: "Initech",
                              location: "Zürich", datePosted: PostingDate(iso: "2024-03-01"), employmentType: "Full-time",
                              salaryText: "$100K", body: "Train models 👩‍💻\nand ship them.", listedSkills: ["python", "sql"])
        let key = ["ML Engineer", "Initech", "Zürich", "2024-03-01", "Full-time", "$100K",
                   "Train models 👩‍💻\nand ship them.", "python,sql"].joined(separator: "\u{1F}")
        let expected = SHA256.hash(data: Data(key.utf8)).prefix(16).map { String(format: "%02x", $0) }.joined()
        #expect(posting.contentHash == expected)
        let bare = Posting(source: PostingSource(path: "/y.txt"), body: "text")
        let bareKey = ["", "", "", "", "", "", "text", ""].joined(separator: "\u{1F}")
        #expect(bare.contentHash == SHA256.hash(data: Data(bareKey.utf8)).prefix(16).map { String(format: "%02x", $0) }.joined())
    }

    @Test("column names normalize over bytes as scalar by scalar", arguments: [
        "Job Title", "job_title", "JOB-TITLE", "job.title", "Date\tPosted\r\n", "\u{FEFF}Title", "Employer Name", "Caf\u{E9}", "",
    ])
    func columnNames(_ name: String) {
        if let ascii = PostingField.normalizeASCII(name) { #expect(ascii == PostingField.normalizeScalars(name)) }
        #expect(PostingField.normalize(name) == PostingField.normalizeScalars(name))
    }

    @Test("a day is written as String(format: \"%04d-%02d-%02d\") writes it", arguments: [
        (2024, 1, 5), (1999, 12, 31), (987, 3, 4), (10_000, 1, 1), (-5, 1, 1), (2025, 10, 100),
    ] as [(Int, Int, Int)])
    func dayText(_ year: Int, _ month: Int, _ day: Int) {
        #expect(PostingDate(year: year, month: month, day: day).description == String(format: "%04d-%02d-%02d", year, month, day))
    }
}
