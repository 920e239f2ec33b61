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
    /// Nil when there are fewer than two periods to compare.
    public var trends: TrendComparison?
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
        seedCheck = SeedCheck.build(context)
        attributes = AttributeSummary.build(context, roleOrder: roleDemand.rows.map(\.roleID))
        notes = TrendReport.notes(context, overview: overview, trends: trends)
    }

    /// The dated periods with too few postings to trust.
    public var thinPeriods: [ReportPeriod] { periods.filter(\.isThin) }

    private static func notes(_ context: ReportContext, overview: ReportOverview,
                              trends: TrendComparison?) -> [String] {
        var notes: [String] = []
        let options = context.options
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
        }
        if let trends, trends.baseline.isThin || trends.current.isThin {
            notes.append("A compared span is thin (under \(options.minimumPeriodPostings) postings): no change is called significant.")
        }
        return notes
    }
}
