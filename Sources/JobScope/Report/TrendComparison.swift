import Foundation

/// What rose and what fell between two spans (the first and last periods, or two chosen with `--compare`),
/// each change tested so that noise in a small period is not called a trend.
public struct TrendComparison: Sendable, Codable, Hashable {
    /// One side of the comparison.
    public struct Span: Sendable, Codable, Hashable {
        public var label: String
        public var start: PostingDate
        public var end: PostingDate
        public var postings: Int
        public var isThin: Bool
    }

    /// One role, skill or category compared across the two spans.
    public struct Row: Sendable, Codable, Hashable {
        public var id: String
        public var name: String
        public var baseline: Proportion
        public var current: Proportion
        /// `current.share - baseline.share` (a fraction; ×100 for percentage points).
        public var change: Double
        /// Two-proportion z-test of the difference.
        public var z: Double
        public var pValue: Double
        /// Benjamini–Hochberg q-value within its family (roles, skills or categories); nil without support.
        public var qValue: Double?
        /// Enough postings on both sides (minimum support and no thin span) to be tested.
        public var supported: Bool
        /// Supported, q-value below alpha, and the spans' collections comparable (or mixed sources allowed).
        public var significant: Bool
        /// The two spans draw on comparable collections (or `--allow-mixed-sources` was given).
        public var comparable: Bool = true
        /// Supported and q below alpha, but the spans draw on different collections: not called significant.
        public var heldBackByMixedSources: Bool = false

        /// `significant`, `not significant`, `mixed sources` or `too few postings`.
        public var verdict: String {
            if significant { return "significant" }
            if !supported { return "too few postings" }
            if heldBackByMixedSources { return "mixed sources" }
            return "not significant"
        }
    }

    public var baseline: Span
    public var current: Span
    /// The collections each span draws on, how far apart they are, and the warning when they are not comparable.
    public var baselineSources: SourceComparability.Mix
    public var currentSources: SourceComparability.Mix
    public var sourceShift: Double
    public var sourceWarning: String?
    public var roles: [Row]
    public var skills: [Row]
    public var categories: [Row]

    /// Rows with enough postings to be tested, and how many of `rows` lack them.
    public static func tested(_ rows: [Row]) -> (rows: [Row], untested: Int) {
        let tested = rows.filter(\.supported)
        return (tested, rows.count - tested.count)
    }

    /// Skills that rose, largest change first.
    public var risingSkills: [Row] { skills.filter { $0.change > 0 }.sorted { $0.change > $1.change } }
    /// Skills that fell, largest drop first.
    public var fallingSkills: [Row] { skills.filter { $0.change < 0 }.sorted { $0.change < $1.change } }
    /// Roles that rose, largest change first.
    public var risingRoles: [Row] { roles.filter { $0.change > 0 }.sorted { $0.change > $1.change } }
    /// Roles that fell, largest drop first.
    public var fallingRoles: [Row] { roles.filter { $0.change < 0 }.sorted { $0.change < $1.change } }

    /// The spans to compare: the chosen ones, else the first and last periods that are not thin
    /// (the first and last periods when fewer than two are); nil with fewer than two periods.
    static func spans(_ context: ReportContext) -> (DateSpan, DateSpan)? {
        if let chosen = context.options.compare, chosen.count == 2 { return (chosen[0], chosen[1]) }
        let populated = context.periods.filter { $0.postings > 0 }
        let solid = populated.filter { !$0.isThin }
        let pool = solid.count >= 2 ? solid : populated
        guard pool.count >= 2, let first = pool.first, let last = pool.last else { return nil }
        return (DateSpan(label: first.label, start: first.start, end: first.end),
                DateSpan(label: last.label, start: last.start, end: last.end))
    }

    static func build(_ context: ReportContext) -> TrendComparison? {
        guard let (a, b) = spans(context) else { return nil }
        let options = context.options
        let inA = context.records.filter { $0.datePosted.map(a.contains) ?? false }
        let inB = context.records.filter { $0.datePosted.map(b.contains) ?? false }
        let marketA = context.market.filter { $0.datePosted.map(a.contains) ?? false }
        let marketB = context.market.filter { $0.datePosted.map(b.contains) ?? false }
        func collections(_ span: DateSpan) -> [String] {
            zip(context.records, context.collectionOfRecord).filter { $0.0.datePosted.map(span.contains) ?? false }.map(\.1)
        }
        let mixA = SourceComparability.mix(label: a.label, collections(a))
        let mixB = SourceComparability.mix(label: b.label, collections(b))
        let shift = SourceComparability.shift(mixA, mixB)
        let comparable = shift <= options.maximumSourceShift || options.allowMixedSources
        let warning = shift <= options.maximumSourceShift ? nil
            : SourceComparability.warning(mixA, mixB, shift: shift, threshold: options.maximumSourceShift)
        func span(_ s: DateSpan, _ n: Int) -> Span {
            Span(label: s.label, start: s.start, end: s.end, postings: n, isThin: n < options.minimumPeriodPostings)
        }
        func counts(_ records: [ReportRecord], _ keys: (ReportRecord) -> Set<String>) -> [String: Int] {
            var result = [String: Int]()
            for record in records { for key in keys(record) { result[key, default: 0] += 1 } }
            return result
        }
        func family(_ baseline: [String: Int], _ n1: Int, _ current: [String: Int], _ n2: Int,
                    name: (String) -> String) -> [Row] {
            let thin = n1 < options.minimumPeriodPostings || n2 < options.minimumPeriodPostings
            var rows = Set(baseline.keys).union(current.keys).sorted().map { id -> Row in
                let x1 = baseline[id] ?? 0, x2 = current[id] ?? 0
                let test = ProportionTest(x1: x1, n1: n1, x2: x2, n2: n2)
                let p1 = Proportion(count: x1, total: n1), p2 = Proportion(count: x2, total: n2)
                return Row(id: id, name: name(id), baseline: p1, current: p2, change: p2.share - p1.share,
                           z: test.z, pValue: test.pValue, qValue: nil,
                           supported: !thin && x1 + x2 >= options.minimumSupport, significant: false,
                           comparable: comparable)
            }
            let tested = rows.indices.filter { rows[$0].supported }
            let q = ProportionTest.benjaminiHochberg(tested.map { rows[$0].pValue })
            for (index, qValue) in zip(tested, q) {
                rows[index].qValue = qValue
                rows[index].significant = comparable && qValue < options.alpha
                rows[index].heldBackByMixedSources = !comparable && qValue < options.alpha
            }
            return rows.sorted { abs($0.change) != abs($1.change) ? abs($0.change) > abs($1.change) : $0.id < $1.id }
        }
        let otherKey = "other"
        let roleKey: (ReportRecord) -> Set<String> = { [$0.roleID ?? otherKey] }
        var roleRows = family(counts(marketA, roleKey), marketA.count, counts(marketB, roleKey), marketB.count) {
            $0 == otherKey ? context.roleName(nil) : context.roleName($0)
        }
        if let only = options.roleID { roleRows = roleRows.filter { $0.id == only } }
        let skillKey: (ReportRecord) -> Set<String> = { Set($0.skills.map(\.skillID)) }
        let categoryKey: (ReportRecord) -> Set<String> = { record in
            Set(record.skills.map { context.category($0).rawValue })
        }
        return TrendComparison(
            baseline: span(a, inA.count), current: span(b, inB.count), baselineSources: mixA, currentSources: mixB,
            sourceShift: shift, sourceWarning: warning, roles: roleRows,
            skills: family(counts(inA, skillKey), inA.count, counts(inB, skillKey), inB.count,
                           name: context.skillName),
            categories: family(counts(inA, categoryKey), inA.count, counts(inB, categoryKey), inB.count) {
                SkillCategory(rawValue: $0)?.displayName ?? $0
            })
    }
}
