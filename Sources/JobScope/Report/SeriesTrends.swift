import Foundation

/// Trends over the whole series: for every role, skill, skill family, cluster and occupation's AI share, a
/// Cochran–Armitage test over all solid periods (with the logistic slope and its interval), Benjamini–Hochberg
/// within each family of tests. Risers and fallers rank by it; `--compare A B` keeps the endpoint comparison.
public struct SeriesTrends: Sendable, Codable, Hashable {
    /// One item's series and its test.
    public struct Row: Sendable, Codable, Hashable {
        public var id: String
        public var name: String
        /// Every period's share, with its Wilson interval.
        public var series: [PeriodShare]
        public var test: TrendTest
        /// Postings with the item in the tested periods.
        public var support: Int
        /// Share in the first and last tested periods.
        public var first: Proportion
        public var last: Proportion
        /// Benjamini–Hochberg q-value within the row's family; nil when not tested.
        public var qValue: Double?
        /// Enough postings (minimum support, at least two solid periods) to be tested.
        public var supported: Bool
        /// The tested periods draw on comparable collections (or `--allow-mixed-sources` was given).
        public var comparable: Bool
        /// Supported, comparable and q below alpha.
        public var significant: Bool
        /// Supported and q below alpha, but the periods draw on different collections: not called a trend.
        public var heldBackByMixedSources: Bool = false

        /// `rising`, `falling`, `no clear trend`, `mixed sources` or `too few postings`.
        public var verdict: String {
            if !supported { return "too few postings" }
            if heldBackByMixedSources { return "mixed sources" }
            if significant { return test.z > 0 ? "rising" : "falling" }
            return "no clear trend"
        }
    }

    /// Labels of the periods the tests use: populated and not thin.
    public var testedPeriods: [String]
    /// Where each period's postings come from, and whether they are comparable.
    public var sources: SourceComparability
    public var roles: [Row]
    public var skills: [Row]
    /// Skill families of the taxonomy (empty when it has none).
    public var families: [Row]
    public var clusters: [Row]
    /// Each occupation's AI share (empty without the AI-involvement signal).
    public var aiShare: [Row]

    /// Supported rows with a rising trend, strongest evidence first.
    public static func rising(_ rows: [Row]) -> [Row] {
        rows.filter { $0.supported && $0.test.z > 0 }.sorted { ($0.test.z, $1.name) > ($1.test.z, $0.name) }
    }

    /// Supported rows with a falling trend, strongest evidence first.
    public static func falling(_ rows: [Row]) -> [Row] {
        rows.filter { $0.supported && $0.test.z < 0 }.sorted { ($0.test.z, $0.name) < ($1.test.z, $1.name) }
    }

    /// The tables reports print, in order: rising skills, falling skills, then families, roles and clusters
    /// (risers first, then fallers); empty tables left out.
    public var tables: [(title: String, rows: [Row])] {
        [("Rising skills", risingSkills), ("Falling skills", fallingSkills),
         ("Skill families", Self.rising(families) + Self.falling(families)),
         ("Roles", Self.rising(roles) + Self.falling(roles)),
         ("Skill clusters", Self.rising(clusters) + Self.falling(clusters))].filter { !$0.1.isEmpty }
    }

    public var risingSkills: [Row] { Self.rising(skills) }
    public var fallingSkills: [Row] { Self.falling(skills) }

    static func build(_ context: ReportContext, roles: RoleDemand, skills: SkillDemand,
                      aiShare: OccupationAIShare) -> SeriesTrends {
        let options = context.options
        let solid = context.periods.indices.filter { context.periods[$0].postings > 0 && !context.periods[$0].isThin }
        let sources = SourceComparability.build(context)
        let comparable = sources.comparable || options.allowMixedSources
        func family(_ items: [(id: String, name: String, series: [PeriodShare])]) -> [Row] {
            var rows = items.map { item -> Row in
                let cells = solid.map { item.series[$0] }
                let test = TrendTest(counts: cells.map(\.count), totals: cells.map(\.total), times: solid.map(Double.init))
                let support = cells.reduce(0) { $0 + $1.count }
                let populated = cells.filter { $0.total > 0 }
                return Row(id: item.id, name: item.name, series: item.series, test: test, support: support,
                           first: populated.first?.proportion ?? .zero, last: populated.last?.proportion ?? .zero,
                           qValue: nil, supported: populated.count >= 2 && support >= options.minimumSupport,
                           comparable: comparable, significant: false)
            }
            let tested = rows.indices.filter { rows[$0].supported }
            let q = ProportionTest.benjaminiHochberg(tested.map { rows[$0].test.pValue })
            for (index, value) in zip(tested, q) {
                rows[index].qValue = value
                rows[index].significant = comparable && value < options.alpha
                rows[index].heldBackByMixedSources = !comparable && value < options.alpha
            }
            return rows
        }
        var roleItems = roles.rows.filter { $0.overall.count > 0 }
            .map { (id: $0.roleID ?? "other", name: $0.name, series: $0.byPeriod) }
        if let only = options.roleID { roleItems = roleItems.filter { $0.id == only } }
        let skillItems = skills.skills.map { (id: $0.skillID, name: $0.name, series: $0.byPeriod) }
        let clusterItems = skills.categories.filter { $0.overall.count > 0 }
            .map { (id: $0.category.rawValue, name: $0.name, series: $0.byPeriod) }
        let aiItems = aiShare.rows.map { (id: $0.roleID ?? "other", name: $0.name, series: $0.byPeriod) }
        return SeriesTrends(testedPeriods: solid.map { context.periods[$0].label }, sources: sources,
                            roles: family(roleItems), skills: family(skillItems),
                            families: family(familyItems(context)), clusters: family(clusterItems),
                            aiShare: family(aiItems))
    }

    /// Per-period shares of postings asking for at least one skill of each family (ancestors included).
    private static func familyItems(_ context: ReportContext) -> [(id: String, name: String, series: [PeriodShare])] {
        let index = SkillFamilyIndex(context.taxonomy)
        guard !index.isEmpty else { return [] }
        var counts = [String: [Int]]()
        for (record, period) in zip(context.records, context.periodOfRecord) {
            guard let period else { continue }
            let families = Set(record.skills.flatMap { index.familiesOfSkill[$0.skillID] ?? [] })
            for family in families { counts[family, default: [Int](repeating: 0, count: context.periods.count)][period] += 1 }
        }
        return index.families.compactMap { family in
            guard let series = counts[family.id] else { return nil }
            return (family.id, family.name,
                    PeriodShare.series(labels: context.labels, counts: series, totals: context.periodTotals))
        }
    }
}
