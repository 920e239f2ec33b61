import Foundation

/// The title parser run over a list of titles: how many resolve to a role, to Other, or stay undecided, per
/// role and per rule, and a seeded random sample for reading by hand.
public struct TitleSurvey: Sendable, Codable {
    public var titles: Int
    public var resolvedToRole: Int
    public var resolvedToOther: Int
    public var undecided: Int
    /// Titles per decided class (`other` included).
    public var perClass: [String: Int]
    /// Titles per head rule (`other.no-role-words` for Other by absence of role words; `none` when undecided
    /// without any rule).
    public var perRule: [String: Int]
    /// The sample's parses, in sample order.
    public var sample: [ParsedTitle]

    /// Parses every title; the sample is `sampleSize` titles drawn without replacement with `seed`.
    public init(titles list: [String], parser: TitleParser, sampleSize: Int = 200, seed: UInt64 = 11) {
        titles = list.count
        var role = 0, other = 0, undecided = 0
        var perClass: [String: Int] = [:]
        var perRule: [String: Int] = [:]
        var parses = [ParsedTitle?](repeating: nil, count: list.count)
        let slots = ParallelSlots<ParsedTitle>(count: list.count)
        let chunk = 512
        DispatchQueue.concurrentPerform(iterations: (list.count + chunk - 1) / chunk) { block in
            for i in (block * chunk)..<min(list.count, (block + 1) * chunk) { slots.set(i, parser.parse(list[i])) }
        }
        for (i, parsed) in slots.values.enumerated() {
            guard let parsed else { continue }
            parses[i] = parsed
            switch parsed.outcome {
            case .role: role += 1
            case .other: other += 1
            case .undecided: undecided += 1
            }
            perClass[parsed.className ?? "undecided", default: 0] += 1
            perRule[parsed.headRule ?? "none", default: 0] += 1
        }
        resolvedToRole = role
        resolvedToOther = other
        self.undecided = undecided
        self.perClass = perClass
        self.perRule = perRule
        var order = Array(list.indices)
        var generator = SplitMix64(seed: seed)
        generator.shuffle(&order)
        sample = order.prefix(sampleSize).compactMap { parses[$0] }
    }

    /// The titles of a one-column CSV (header `title`) or of the column named `column` in a wider one.
    public static func titles(csv url: URL, column: String = "title") throws -> [String] {
        let bytes = try FileBytes.load(path: url.path, limit: 1 << 31)
        let table = try DelimitedTable.parse(bytes, delimiter: UInt8(ascii: ","), path: url.path)
        guard let index = table.header.firstIndex(where: { $0.lowercased() == column.lowercased() }) else {
            throw TrainingCorpusError.unreadable(path: url.path, reason: "no '\(column)' column")
        }
        return table.rows.map { index < $0.fields.count ? $0.fields[index] : "" }
    }
}
