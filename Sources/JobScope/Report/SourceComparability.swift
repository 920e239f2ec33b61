import Foundation

/// Where each period's postings come from, and whether periods are comparable: a change between a 2018
/// data-science search and a 2020 machine-learning search measures the searches, not the market.
public struct SourceComparability: Sendable, Codable, Hashable {
    /// The collections one period (or span) draws on, largest first.
    public struct Mix: Sendable, Codable, Hashable {
        public var label: String
        public var postings: Int
        public var collections: [ReportOverview.Tally]

        /// The mix in words: `remotewlb-2024 92%, linkedin-2024 8%` (the three largest).
        public var summary: String {
            guard postings > 0 else { return "no postings" }
            let shown = collections.prefix(3).map {
                "\($0.name) \(FigureFormat.percent(Double($0.count) / Double(postings)))"
            }
            return shown.joined(separator: ", ") + (collections.count > 3 ? ", +\(collections.count - 3) more" : "")
        }
    }

    /// Every dated period's mix, in period order.
    public var periods: [Mix]
    /// Collections the postings in scope come from.
    public var collectionCount: Int
    /// The largest total variation distance between the mixes of two solid periods (0: same mix, 1: disjoint).
    public var largestShift: Double
    /// The two periods with the largest shift.
    public var shiftFrom: String?
    public var shiftTo: String?
    /// The largest shift is within `maximumSourceShift`.
    public var comparable: Bool
    /// Why the periods are not comparable; nil when they are.
    public var warning: String?

    /// Total variation distance between two mixes: half the sum of absolute share differences.
    public static func shift(_ a: Mix, _ b: Mix) -> Double {
        guard a.postings > 0, b.postings > 0 else { return 0 }
        let shareA = Dictionary(a.collections.map { ($0.name, Double($0.count) / Double(a.postings)) },
                                uniquingKeysWith: +)
        let shareB = Dictionary(b.collections.map { ($0.name, Double($0.count) / Double(b.postings)) },
                                uniquingKeysWith: +)
        // Summed in name order: a Set's order changes from one process to the next, and so would the last digit.
        let names = Set(shareA.keys).union(shareB.keys).sorted()
        return names.reduce(0.0) { $0 + abs((shareA[$1] ?? 0) - (shareB[$1] ?? 0)) } / 2
    }

    /// The mix of `collections` (one per posting).
    static func mix(label: String, _ collections: [String]) -> Mix {
        var counts = [String: Int]()
        for c in collections { counts[c, default: 0] += 1 }
        let tallies = counts.map { ReportOverview.Tally(name: $0.key, count: $0.value) }
            .sorted { ($0.count, $1.name) > ($1.count, $0.name) }
        return Mix(label: label, postings: collections.count, collections: tallies)
    }

    /// The warning for two mixes that differ by `shift`.
    static func warning(_ a: Mix, _ b: Mix, shift: Double, threshold: Double) -> String {
        "\(a.label) draws on \(a.summary); \(b.label) on \(b.summary): the collections differ "
            + "(\(FigureFormat.percent(shift)) of postings would have to move, more than \(FigureFormat.percent(threshold))), "
            + "so a change between them may be the collections', not the market's"
    }

    static func build(_ context: ReportContext) -> SourceComparability {
        var byPeriod = [[String]](repeating: [], count: context.periods.count)
        for (period, collection) in zip(context.periodOfRecord, context.collectionOfRecord) {
            if let period { byPeriod[period].append(collection) }
        }
        let mixes = context.periods.indices.map { mix(label: context.periods[$0].label, byPeriod[$0]) }
        let solid = context.periods.indices.filter { context.periods[$0].postings > 0 && !context.periods[$0].isThin }
        var largest = 0.0, from: Int?, to: Int?
        for (k, i) in solid.enumerated() {
            for j in solid[(k + 1)...] {
                let s = shift(mixes[i], mixes[j])
                if s > largest + 1e-12 { largest = s; from = i; to = j }
            }
        }
        let threshold = context.options.maximumSourceShift
        let comparable = largest <= threshold
        return SourceComparability(
            periods: mixes, collectionCount: Set(context.collectionOfRecord).count, largestShift: largest,
            shiftFrom: from.map { mixes[$0].label }, shiftTo: to.map { mixes[$0].label }, comparable: comparable,
            warning: comparable ? nil : warning(mixes[from!], mixes[to!], shift: largest, threshold: threshold))
    }
}
