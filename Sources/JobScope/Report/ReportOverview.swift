import Foundation

/// The report's first section: what was counted, from where, over which dates.
public struct ReportOverview: Sendable, Codable, Hashable {
    /// A label and how many postings carry it.
    public struct Tally: Sendable, Codable, Hashable {
        public var name: String
        public var count: Int
        public init(name: String, count: Int) {
            self.name = name
            self.count = count
        }
    }

    /// Postings counted (reposts left out unless asked for, filters applied); with `--count active`, posting-periods.
    public var postings: Int
    /// Distinct postings behind `postings` (equal to it when counting new postings).
    public var distinctPostings: Int
    /// Postings left out by the company, location, source, seniority or workplace filters.
    public var filteredOut: Int
    /// The counting rule.
    public var counting: ReportCounting
    /// Near-duplicate reposts in range that were left out.
    public var repostsExcluded: Int
    /// Undated postings left out because `--since`/`--until` was given.
    public var undatedExcluded: Int
    /// Postings of other roles left out by `--role`.
    public var otherRolesExcluded: Int
    /// Distinct source files.
    public var sourceFiles: Int
    /// Postings per source format (file extension), most first.
    public var formats: [Tally]
    /// The source files holding most postings, most first (at most ten).
    public var topSources: [Tally]
    public var firstDate: PostingDate?
    public var lastDate: PostingDate?
    public var undated: Proportion
    /// Postings with a date, of all: how much of the collection the date range describes.
    public var dated: Proportion { Proportion(count: postings - undated.count, total: postings) }
    /// Postings whose role the seeds document, whose role is adjacent, and that fit no role.
    public var documented: Proportion
    public var adjacent: Proportion
    public var other: Proportion
    /// Postings in the emerging roles (Generative AI Engineer, AI Model Trainer, NLP Specialist).
    public var emerging: Proportion
    /// Mean classifier confidence.
    public var meanConfidence: Double?
    /// Postings with at least one recognised skill.
    public var withSkills: Proportion

    static func build(_ context: ReportContext, input: [ReportRecord]) -> ReportOverview {
        let records = context.records
        let options = context.options
        let dateFiltered = options.since != nil || options.until != nil
        var reposts = 0, undatedOut = 0
        for record in input where options.filter.admits(record, collection: record.collection ?? "") {
            let inRange: Bool
            if let date = record.datePosted {
                inRange = (options.since.map { date >= $0.start } ?? true) && (options.until.map { date <= $0.end } ?? true)
            } else {
                inRange = !dateFiltered
                if dateFiltered && (options.includeReposts || !record.isRepost) { undatedOut += 1 }
            }
            if inRange && record.isRepost && !options.includeReposts && options.counting == .new
                && (options.roleID == nil || record.roleID == options.roleID) {
                reposts += 1
            }
        }
        var sources = [String: Int](), formats = [String: Int]()
        var documented = 0, adjacent = 0, other = 0, emerging = 0, withSkills = 0, confidence = 0.0
        for record in records {
            sources[record.sourcePath, default: 0] += 1
            let ext = (record.sourcePath as NSString).pathExtension.lowercased()
            formats[ext.isEmpty ? "(none)" : ext, default: 0] += 1
            if let id = record.roleID, let role = context.taxonomy.role(id) {
                if role.kind == .documented { documented += 1 } else { adjacent += 1 }
                if role.emerging { emerging += 1 }
            } else if record.roleID != nil {
                adjacent += 1
            } else {
                other += 1
            }
            if !record.skills.isEmpty { withSkills += 1 }
            confidence += record.confidence
        }
        func ranked(_ counts: [String: Int]) -> [Tally] {
            counts.map { Tally(name: $0.key, count: $0.value) }
                .sorted { ($0.count, $1.name) > ($1.count, $0.name) }
        }
        let dates = records.compactMap(\.datePosted)
        let n = records.count
        return ReportOverview(
            postings: n, distinctPostings: Set(records.map(\.postingID)).count, filteredOut: context.filteredOut,
            counting: options.counting, repostsExcluded: reposts, undatedExcluded: undatedOut,
            otherRolesExcluded: context.market.count - n, sourceFiles: sources.count,
            formats: ranked(formats), topSources: Array(ranked(sources).prefix(10)),
            firstDate: dates.min(), lastDate: dates.max(),
            undated: Proportion(count: context.undatedTotal, total: n),
            documented: Proportion(count: documented, total: n), adjacent: Proportion(count: adjacent, total: n),
            other: Proportion(count: other, total: n), emerging: Proportion(count: emerging, total: n),
            meanConfidence: n > 0 ? confidence / Double(n) : nil, withSkills: Proportion(count: withSkills, total: n))
    }
}
