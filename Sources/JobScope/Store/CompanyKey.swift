import Foundation

/// The form of a company name that near-duplicate detection compares: case, punctuation, a rating glued on
/// by a job board ("PNNL\n3.8") and legal suffixes ("Inc.", "LLC") do not make two employers different.
enum CompanyKey {
    static let legalSuffixes: Set<String> = [
        "inc", "incorporated", "llc", "ltd", "limited", "corp", "corporation", "co", "company", "plc", "gmbh",
        "ag", "sa", "lp", "llp", "pvt", "bv", "nv",
    ]

    /// The comparison key of `company`; "" when there is none.
    static func key(_ company: String?) -> String {
        guard let company else { return "" }
        // A board's rating sits on its own line after the name.
        let firstLine = company.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        var words = firstLine.lowercased()
            .split(whereSeparator: { !($0.isLetter || $0.isNumber) })
            .map(String.init)
        while let last = words.last, words.count > 1, legalSuffixes.contains(last) {
            words.removeLast()
        }
        // A trailing rating on the same line ("Acme 3.8" → "acme 3 8").
        while words.count > 1, let last = words.last, last.allSatisfy(\.isNumber), last.count == 1 {
            words.removeLast()
        }
        return words.joined(separator: " ")
    }
}
