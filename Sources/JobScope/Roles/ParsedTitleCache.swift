import Foundation

/// Parses made already, by the text parsed: a board repeats its titles ("Senior Software Engineer") and its
/// bodies their stated jobs ("as a software engineer", "as a team"), and a parse depends on its text alone.
/// Shared by copies of its owner (the dictionary sits behind a lock); emptied when it holds `limit` parses.
struct ParsedTitleCache: Sendable {
    static let limit = 20_000
    private let parses = Locked<[String: ParsedTitle]>([:])

    /// `parser.parse(text)`, kept for the next time `text` comes.
    func parse(_ text: String, by parser: TitleParser) -> ParsedTitle {
        if let known = parses.withLock({ $0[text] }) { return known }
        let parsed = parser.parse(text)
        parses.withLock { known in
            if known.count >= Self.limit { known.removeAll(keepingCapacity: true) }
            known[text] = parsed
        }
        return parsed
    }
}
