import Foundation

/// What the trend report covers and how strict it is about calling something a trend.
public struct ReportOptions: Sendable, Codable, Hashable {
    /// How postings are grouped in time; nil picks the finest of month, quarter, year whose typical
    /// period holds at least `minimumPeriodPostings`.
    public var granularity: ReportGranularity?
    /// Only postings dated on or after the start of this span (undated postings are then left out, and counted).
    public var since: DateSpan?
    /// Only postings dated on or before the end of this span.
    public var until: DateSpan?
    /// Narrow everything to postings of this role id.
    public var roleID: String?
    /// Compare these two spans instead of the first and last periods.
    public var compare: [DateSpan]?
    /// Count near-duplicate reposts as postings of their own.
    public var includeReposts: Bool
    /// An item must appear in at least this many postings of the compared spans (or of the series' solid periods)
    /// to be called rising or falling.
    public var minimumSupport: Int
    /// A period with fewer postings is marked thin; thin spans never yield a significant trend.
    public var minimumPeriodPostings: Int
    /// False-discovery rate under which a change counts as significant (Benjamini–Hochberg q-value).
    public var alpha: Double
    /// How many rows the ranked lists show (skills, risers, fallers); JSON and CSV always hold every row.
    public var topCount: Int
    /// Which periods a posting counts in.
    public var counting: ReportCounting
    /// Company, location, source, seniority and workplace filters (the role filter is `roleID`).
    public var filter: ReportFilter
    /// Call changes trends even when the compared periods come from different collections.
    public var allowMixedSources: Bool
    /// Periods whose collection mix differs by more than this (total variation distance, 0...1) are not comparable.
    public var maximumSourceShift: Double

    public init(granularity: ReportGranularity? = nil, since: DateSpan? = nil, until: DateSpan? = nil,
                roleID: String? = nil, compare: [DateSpan]? = nil, includeReposts: Bool = false,
                minimumSupport: Int = 5, minimumPeriodPostings: Int = 15, alpha: Double = 0.05, topCount: Int = 15,
                counting: ReportCounting = .new, filter: ReportFilter = ReportFilter(), allowMixedSources: Bool = false,
                maximumSourceShift: Double = 0.2) {
        self.granularity = granularity
        self.since = since
        self.until = until
        self.roleID = roleID
        self.compare = compare
        self.includeReposts = includeReposts
        self.minimumSupport = minimumSupport
        self.minimumPeriodPostings = minimumPeriodPostings
        self.alpha = alpha
        self.topCount = topCount
        self.counting = counting
        self.filter = filter
        self.allowMixedSources = allowMixedSources
        self.maximumSourceShift = maximumSourceShift
    }
}
