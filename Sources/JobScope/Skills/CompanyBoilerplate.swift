import Foundation

/// The parts of a posting that describe the employer rather than the job: sections under headings such as
/// "About Anthropic", "Who we are", "How we're different", "Benefits", "Equal opportunity", up to the next
/// heading. Skills named there ("our research includes GPT-3 and interpretability") are not asked of the
/// candidate, so the matcher drops them.
enum CompanyBoilerplate {
    /// Heading openings (lowercase, after bullets and markup are trimmed) of employer sections.
    static let openings: [[UInt8]] = [
        "about us", "about the company", "who we are", "how we're different", "how we’re different",
        "come work with us", "benefits", "perks", "what we offer", "our benefits", "equal opportunity", "eeo",
        "our mission", "our values", "our culture", "why join", "why work", "life at", "compensation and benefits",
        "logistics", "diversity", "we are an equal", "our story", "company overview", "company description",
    ].map { Array($0.utf8) }
    /// "About X" is the employer unless X is one of these ("About the role", "About you").
    static let roleAbout: [[UInt8]] = [
        "the role", "this role", "the job", "the position", "this position", "you", "the team", "this team",
        "the opportunity", "the work", "your role", "the project", "the program",
    ].map { Array($0.utf8) }

    /// Byte ranges of employer sections in `bytes`, in order; empty for text without headings on their own lines.
    static func ranges(_ bytes: [UInt8]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var open: Int?
        var lineStart = 0
        let n = bytes.count
        while lineStart < n {
            var lineEnd = lineStart
            while lineEnd < n, bytes[lineEnd] != 10 { lineEnd += 1 }
            // Outside an employer section only its openings matter: most lines are skipped without a heading check.
            if lineEnd - lineStart <= 80, open != nil || mayOpen(bytes[lineStart..<lineEnd]),
               let kind = headingKind(bytes[lineStart..<lineEnd], openingsOnly: open == nil) {
                if kind {
                    if open == nil { open = lineStart }
                } else if let start = open {
                    result.append(start..<lineStart)
                    open = nil
                }
            }
            lineStart = lineEnd + 1
        }
        if let start = open { result.append(start..<n) }
        return result
    }

    /// First letters (lowercase) of the openings: a line whose first letter is none of them opens nothing.
    static let openingLetters: Set<UInt8> = Set(openings.map { $0[0] } + [UInt8(ascii: "a")])

    /// Cheap test before `headingKind`: the line's first letter, after markup, can start an opening.
    static func mayOpen(_ line: ArraySlice<UInt8>) -> Bool {
        for b in line {
            switch b {
            case 32, 9, 13, UInt8(ascii: "*"), UInt8(ascii: "#"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: ">"):
                continue
            default:
                let lower = b >= 65 && b <= 90 ? b + 32 : b
                return openingLetters.contains(lower)
            }
        }
        return false
    }

    /// For a heading line: true if it opens an employer section, false for any other heading; nil for no heading.
    /// With `openingsOnly`, a line that opens no employer section gives nil without the general heading test.
    static func headingKind(_ line: ArraySlice<UInt8>, openingsOnly: Bool = false) -> Bool? {
        var lo = line.startIndex
        var hi = line.endIndex
        // Markdown headings ("### Benefits"), bold-only lines ("**The Role**") and "Title:" lines are headings.
        var first = lo
        while first < hi, line[first] == 32 || line[first] == 9 { first += 1 }
        var last = hi
        while last > first, line[last - 1] == 32 || line[last - 1] == 9 || line[last - 1] == 13 { last -= 1 }
        let marked = first < last && (line[first] == UInt8(ascii: "#")
            || (last - first > 4 && line[first] == UInt8(ascii: "*") && line[first + 1] == UInt8(ascii: "*")
                && line[last - 1] == UInt8(ascii: "*"))
            || line[last - 1] == UInt8(ascii: ":"))
        func isTrim(_ b: UInt8) -> Bool {
            b == 32 || b == 9 || b == 13 || b == UInt8(ascii: "*") || b == UInt8(ascii: "#") || b == UInt8(ascii: "-")
                || b == UInt8(ascii: "_") || b == UInt8(ascii: ">")
        }
        while lo < hi, isTrim(line[lo]) { lo += 1 }
        while hi > lo, isTrim(line[hi - 1]) || line[hi - 1] == UInt8(ascii: ":") || line[hi - 1] == UInt8(ascii: "!") {
            hi -= 1
        }
        guard hi > lo, hi - lo <= 60 else { return nil }
        var words = 1
        for i in lo..<hi where line[i] == 32 { words += 1 }
        guard words <= 7 else { return nil }
        let lowered = ByteSearch.lowercased(line[lo..<hi])
        for opening in openings where lowered.starts(with: opening) { return true }
        let about = Array("about ".utf8)
        if lowered.starts(with: about) {
            let rest = lowered[about.count...]
            let employer = !roleAbout.contains { rest.starts(with: $0) }
            return employer || !openingsOnly ? employer : nil
        }
        if openingsOnly { return nil }
        return marked || RequirementSections.headingLevel(line) != nil ? false : nil
    }
}
