import Foundation

/// Groups postings by employer for cross-validation, so one company's postings (and reposts) never sit on both
/// sides of a split, and assigns groups to folds deterministically.
public enum EmployerGroup {
    /// The employer key of a company name: lowercased, a Glassdoor rating glued on after a line break removed
    /// ("PNNL\n3.8"), punctuation and legal suffixes dropped. Nil when nothing is left.
    public static func key(company: String?) -> String? {
        guard var name = company?.lowercased() else { return nil }
        if let newline = name.firstIndex(where: \.isNewline) { name = String(name[..<newline]) }
        let words = name.split { !($0.isLetter || $0.isNumber || $0 == "&") }.map(String.init)
        var kept = words
        while let last = kept.last, suffixes.contains(last) || Double(last) != nil { kept.removeLast() }
        while let first = kept.first, first == "the" { kept.removeFirst() }
        let joined = kept.joined(separator: " ")
        return joined.isEmpty ? nil : joined
    }

    private static let suffixes: Set<String> = ["inc", "llc", "ltd", "corp", "corporation", "co", "company", "plc",
                                                "lp", "llp", "gmbh", "incorporated", "limited", "group"]

    /// Assigns each group to one of `folds` folds: largest groups first (ties by key), each to the fold with the
    /// fewest postings so far (ties: lowest fold). Returns the fold per posting, in input order.
    public static func assignFolds(groups: [String], folds: Int) -> [Int] {
        var sizes: [String: Int] = [:]
        for group in groups { sizes[group, default: 0] += 1 }
        let ordered = sizes.keys.sorted { (sizes[$0]!, $1) > (sizes[$1]!, $0) }
        var load = [Int](repeating: 0, count: max(folds, 1))
        var foldOf: [String: Int] = [:]
        for group in ordered {
            let target = load.indices.min { (load[$0], $0) < (load[$1], $1) }!
            foldOf[group] = target
            load[target] += sizes[group]!
        }
        return groups.map { foldOf[$0]! }
    }
}
