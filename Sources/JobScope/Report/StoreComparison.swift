import Foundation

/// Two reports side by side (two stores, or one store under two filters): each role's, skill's, cluster's and
/// occupation's AI share in both, with a two-proportion test between them and Benjamini–Hochberg per family.
public struct StoreComparison: Sendable, Codable, Hashable {
    /// One item in both reports.
    public struct Row: Sendable, Codable, Hashable {
        public var id: String
        public var name: String
        public var left: Proportion
        public var right: Proportion
        /// `right.share - left.share`.
        public var change: Double
        public var z: Double
        public var pValue: Double
        public var qValue: Double?
        /// At least the minimum support across both sides, and both sides hold enough postings.
        public var supported: Bool
        public var significant: Bool

        /// `higher in <right>`, `lower in <right>`, `no clear difference` or `too few postings`.
        public func verdict(_ rightLabel: String) -> String {
            if !supported { return "too few postings" }
            if !significant { return "no clear difference" }
            return change > 0 ? "higher in \(rightLabel)" : "lower in \(rightLabel)"
        }
    }

    public var leftLabel: String
    public var rightLabel: String
    public var left: TrendReport
    public var right: TrendReport
    public var roles: [Row]
    public var skills: [Row]
    public var clusters: [Row]
    public var aiShare: [Row]

    /// Compares `left` with `right` (made with the same taxonomy and options); `alpha`, support and the minimum
    /// size come from the left report's options.
    public init(left: TrendReport, leftLabel: String, right: TrendReport, rightLabel: String) {
        self.left = left
        self.right = right
        self.leftLabel = leftLabel
        self.rightLabel = rightLabel
        let options = left.options
        func family(_ a: [String: (String, Proportion)], _ b: [String: (String, Proportion)]) -> [Row] {
            var rows = Set(a.keys).union(b.keys).sorted().map { id -> Row in
                let p1 = a[id]?.1 ?? Proportion(count: 0, total: left.overview.postings)
                let p2 = b[id]?.1 ?? Proportion(count: 0, total: right.overview.postings)
                let test = ProportionTest(x1: p1.count, n1: p1.total, x2: p2.count, n2: p2.total)
                let enough = p1.total >= options.minimumPeriodPostings && p2.total >= options.minimumPeriodPostings
                return Row(id: id, name: a[id]?.0 ?? b[id]?.0 ?? id, left: p1, right: p2, change: p2.share - p1.share,
                           z: test.z, pValue: test.pValue, qValue: nil,
                           supported: enough && p1.count + p2.count >= options.minimumSupport, significant: false)
            }
            let tested = rows.indices.filter { rows[$0].supported }
            for (index, q) in zip(tested, ProportionTest.benjaminiHochberg(tested.map { rows[$0].pValue })) {
                rows[index].qValue = q
                rows[index].significant = q < options.alpha
            }
            return rows.sorted { abs($0.change) != abs($1.change) ? abs($0.change) > abs($1.change) : $0.id < $1.id }
        }
        func roles(_ r: TrendReport) -> [String: (String, Proportion)] {
            Dictionary(r.roleDemand.rows.filter { $0.overall.count > 0 }.map { ($0.roleID ?? "other", ($0.name, $0.overall)) },
                       uniquingKeysWith: { a, _ in a })
        }
        func skills(_ r: TrendReport) -> [String: (String, Proportion)] {
            Dictionary(r.skillDemand.skills.map { ($0.skillID, ($0.name, $0.overall)) }, uniquingKeysWith: { a, _ in a })
        }
        func clusters(_ r: TrendReport) -> [String: (String, Proportion)] {
            Dictionary(r.skillDemand.categories.filter { $0.overall.count > 0 }.map { ($0.category.rawValue, ($0.name, $0.overall)) },
                       uniquingKeysWith: { a, _ in a })
        }
        func ai(_ r: TrendReport) -> [String: (String, Proportion)] {
            Dictionary(r.aiShare.rows.map { ($0.roleID ?? "other", ($0.name, $0.overall)) }, uniquingKeysWith: { a, _ in a })
        }
        self.roles = family(roles(left), roles(right))
        self.skills = family(skills(left), skills(right))
        self.clusters = family(clusters(left), clusters(right))
        self.aiShare = family(ai(left), ai(right))
    }
}
