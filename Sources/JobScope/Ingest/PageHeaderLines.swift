import Foundation

/// What the lines under a bare page's title say, for pages without structured data: a "Posted on …" date
/// and, when unambiguous, the company and location.
///
/// Only the first lines after the `<h1>` line are looked at (up to eight, none longer than 80
/// characters). A line opening with "Posted on", "Posted:", "Date posted", "Published" or "Listed on"
/// gives the date text (parsed later like any date). The company and location are taken only as a pair
/// or a location alone: the short line right under the title is the location when it reads like one
/// ("Berlin, Germany", "Remote (US)", "Hybrid - London"); when it reads like a name and the next short
/// line reads like a location, the first is the company and the second the location. A lone name line is
/// not taken (it could be a tagline or a department).
struct PageHeaderLines: Sendable, Equatable {
    var postedOn: String?
    var company: String?
    var location: String?

    static let postedPrefixes = ["posted on", "posted:", "date posted:", "date posted", "posted", "published on",
                                 "published:", "listed on", "job posted"]

    init(text: String, heading: String?) {
        var lines = text.split(whereSeparator: \.isNewline).map { WhiteSpace.trimmed($0) }
            .filter { !$0.isEmpty }
        if let heading, let index = lines.prefix(6).firstIndex(of: heading) { lines.removeFirst(index + 1) }
        let head = Array(lines.prefix(8))
        for line in head where line.count <= 80 {
            let lower = line.lowercased()
            if let prefix = Self.postedPrefixes.first(where: { lower.hasPrefix($0) }) {
                let rest = line.dropFirst(prefix.count).trimmingCharacters(in: CharacterSet(charactersIn: " :-–"))
                if !rest.isEmpty, rest.contains(where: \.isNumber) || rest.lowercased().contains("ago")
                    || rest.lowercased().contains("today") || rest.lowercased().contains("yesterday") {
                    postedOn = rest
                    break
                }
            }
        }
        guard let first = head.first, first.count <= 60, !first.lowercased().hasPrefix("posted") else { return }
        if Self.looksLikeLocation(first) {
            location = first
        } else if Self.looksLikeName(first), head.count > 1, head[1].count <= 60, Self.looksLikeLocation(head[1]) {
            company = first
            location = head[1]
        }
    }

    /// "City, Region", or a line naming remote, hybrid or on-site work.
    static func looksLikeLocation(_ line: String) -> Bool {
        let lower = line.lowercased()
        guard !lower.hasSuffix("."), line.split(separator: " ").count <= 7 else { return false }
        if lower.hasPrefix("remote") || lower.hasPrefix("hybrid") || lower.hasPrefix("on-site") || lower.hasPrefix("onsite")
            || lower.hasSuffix("(remote)") || lower.hasSuffix("/ remote") || lower.hasSuffix("or remote") { return true }
        let parts = line.split(separator: ",").map { WhiteSpace.trimmed($0) }
        guard parts.count >= 2, parts.count <= 3 else { return false }
        return parts.allSatisfy { part in
            guard let first = part.first, first.isUppercase, part.count <= 30 else { return false }
            return part.allSatisfy { $0.isLetter || $0 == " " || $0 == "-" || $0 == "." || $0 == "'" }
        }
    }

    /// A short capitalized phrase without sentence punctuation or digits.
    static func looksLikeName(_ line: String) -> Bool {
        guard let first = line.first, first.isUppercase || first.isNumber, line.split(separator: " ").count <= 6,
              !line.hasSuffix("."), !line.hasSuffix(":"), !line.hasSuffix("!"), !line.hasSuffix("?"),
              !line.contains(",") else { return false }
        return !line.contains(where: \.isNumber) || line.count <= 30
    }
}
