import Foundation

/// The demand trend report: every figure the renderers show, computed once from the store's records.
public struct TrendReport: Sendable, Codable, Hashable {
    /// The options the report was made with.
    public var options: ReportOptions
    /// The grouping in time actually used (chosen automatically when the options leave it open).
    public var granularity: ReportGranularity
    /// Dated periods from the first posting's to the last's, empty ones included.
    public var periods: [ReportPeriod]
    public var overview: ReportOverview
    public var roleDemand: RoleDemand
    public var skillDemand: SkillDemand
    /// The endpoint comparison (first and last solid periods, or `--compare A B`); nil with fewer than two periods.
    /// Renderers show it only when `options.compare` is given: the series trends rank risers and fallers.
    public var trends: TrendComparison?
    /// Trend tests over every solid period.
    public var seriesTrends: SeriesTrends
    /// The AI share of every occupation (empty rows without the AI-involvement signal).
    public var aiShare: OccupationAIShare
    public var seedCheck: [SeedCheck]
    public var attributes: AttributeSummary
    /// Caveats a reader must see (thin periods, postings left out, no dates).
    public var notes: [String]

    /// Builds the report from the store's records (reposts included or not, `options` decides).
    public init(records: [ReportRecord], taxonomy: Taxonomy, options: ReportOptions = ReportOptions()) {
        let context = ReportContext(records: records, taxonomy: taxonomy, options: options)
        self.options = options
        granularity = context.granularity
        periods = context.periods
        overview = ReportOverview.build(context, input: records)
        roleDemand = RoleDemand.build(context)
        skillDemand = SkillDemand.build(context)
        trends = TrendComparison.build(context)
        aiShare = OccupationAIShare.build(context, roleOrder: roleDemand.rows.map(\.roleID))
        seriesTrends = SeriesTrends.build(context, roles: roleDemand, skills: skillDemand, aiShare: aiShare)
        seedCheck = SeedCheck.build(context)
        attributes = AttributeSummary.build(context, roleOrder: roleDemand.rows.map(\.roleID))
        notes = TrendReport.notes(context, overview: overview, trends: trends, series: seriesTrends)
    }

    /// The dated periods with too few postings to trust.
    public var thinPeriods: [ReportPeriod] { periods.filter(\.isThin) }

    /// Whether the endpoint comparison is shown (only under `--compare A B`).
    public var showsEndpointComparison: Bool { options.compare != nil && trends != nil }

    private static func notes(_ context: ReportContext, overview: ReportOverview,
                              trends: TrendComparison?, series: SeriesTrends) -> [String] {
        var notes: [String] = []
        let options = context.options
        if let warning = series.sources.warning, series.testedPeriods.count >= 2 {
            notes.append("Mixed sources: " + warning + (options.allowMixedSources
                ? "; --allow-mixed-sources was given, so changes are still tested." : "; no change is called a trend (--allow-mixed-sources overrides)."))
        }
        if options.compare != nil, let warning = trends?.sourceWarning {
            notes.append("Compared spans: " + warning + ".")
        }
        if context.filteredOut > 0 {
            notes.append("Filtered to \(options.filter.parts.joined(separator: ", ")): \(FigureFormat.count(context.filteredOut, "posting")) left out.")
        }
        if context.repostsFolded > 0 {
            notes.append("\(FigureFormat.count(context.repostsFolded, "near-duplicate repost")) credited to the posting they repost, once per \(context.granularity.rawValue) (--count active).")
        }
        if overview.postings == 0 { notes.append("No postings match; nothing to report.") }
        let thin = context.periods.filter(\.isThin)
        if !thin.isEmpty {
            notes.append("\(thin.count) of \(context.periods.count) periods have fewer than \(options.minimumPeriodPostings) "
                + "postings (marked †); their shares are shown but no trend is drawn from them.")
        }
        if overview.undated.count > 0 {
            notes.append("\(FigureFormat.count(overview.undated.count, "posting")) carry no date; they count in the totals and appear as their own "
                + "\"undated\" bucket, never in a period.")
        }
        if overview.undatedExcluded > 0 {
            notes.append("\(FigureFormat.count(overview.undatedExcluded, "undated posting")) left out because a date range was given.")
        }
        if overview.repostsExcluded > 0 {
            notes.append("\(FigureFormat.count(overview.repostsExcluded, "near-duplicate repost")) left out (--include-reposts counts them).")
        }
        if let role = options.roleID {
            notes.append("Narrowed to \(context.roleName(role)): \(FigureFormat.count(overview.postings, "posting")); role demand shares are of all postings.")
        }
        if trends == nil, overview.postings > 0 {
            notes.append("Fewer than two dated periods: no rising or falling trends can be measured.")
        } else if series.testedPeriods.count < 2, overview.postings > 0 {
            notes.append("Fewer than two periods are solid (the others are thin, under \(options.minimumPeriodPostings) postings): no trend over the series is tested.")
        }
        if options.compare != nil, let trends, trends.baseline.isThin || trends.current.isThin {
            notes.append("A compared span is thin (under \(options.minimumPeriodPostings) postings): no change is called significant.")
        }
        return notes
    }
}
