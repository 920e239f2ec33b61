import Foundation
import Testing
@testable import JobScope

/// `SalaryParser` reads a text's bytes as `NSRegularExpression` reads its UTF-16 units.
@Suite("SalaryParser")
struct SalaryParserTests {
    /// Pieces of salary texts and the characters around amounts that could read otherwise over bytes.
    static let pieces = [
        "$", "£", "€", "₹", "C$", "CA$", "A$", "AU$", "US$", "USD", "GBP ", "EUR", "CAD ", "AUD", "INR ", "120", "150,000",
        "1,2", "85.5", "7", "45", "200", "k", "K", " - ", "-", "–", "—", " to ", "to", " ", "  ", "\u{A0}", "\u{2009}",
        " per hour", " an hour", "/hr", " a year", "/yr", " per annum", " p.a.", " pa", " monthly", " per week", " daily",
        " million", " billion", "M", " bn", " employees", "+ users", " customers", "\u{663}\u{660}", "\u{FF15}0", "é",
        "\u{1F4B0}", "\u{1F680}", "\n", ".", ",", "(est.)", "salary", "base pay ", "kilo", "_",
    ]

    @Test("salaries are read over bytes as ICU reads them, tails and groups included")
    func bytesAsICU() throws {
        let texts = BytePatternTests.texts(count: 2500, pieces: Self.pieces, seed: 41)
            + ["$150k-$225k", "£60,000 per annum", "$53K-$91K (Glassdoor est.)", "$25 - $35 an hour", "€70\u{A0}000",
               "We raised $5 billion and pay $120,000 – $150,000 per year.", "USD 90k to 110k", "$5M", "₹12,00,000 a year",
               "$100" + String(repeating: "é", count: 38) + "\u{1F4B0}per hour", "$100" + String(repeating: "x", count: 39) + "\u{1F4B0}"]
        var answered = 0
        for text in texts {
            for strict in [false, true] {
                let icu = SalaryParser.parseByICU(text, strict: strict)
                guard let bytes = SalaryParser.parseByBytes(text, strict: strict) else { continue }
                answered += 1
                #expect(bytes == icu, "\(text.debugDescription) strict \(strict)")
            }
            #expect(SalaryParser().parse(text) == SalaryParser.parseByICU(text, strict: false))
        }
        #expect(answered > texts.count)
        // A tail that ends inside a character of two UTF-16 units is left to ICU.
        #expect(SalaryParser.parseByBytes("$100" + String(repeating: "x", count: 39) + "\u{1F4B0}", strict: false) == nil)
        #expect(SalaryParser.parseByBytes("$150k-$225k", strict: false) == .some(SalaryParser.parseByICU("$150k-$225k", strict: false)))
    }
}
