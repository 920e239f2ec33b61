import Foundation

/// The filtered records and their periods, computed once and shared by every section's builder.
struct ReportContext {
    let taxonomy: Taxonomy
    let options: ReportOptions
    let granularity: ReportGranularity
    /// Records in the date range, every role (role demand needs the whole market as denominator).
    let market: [ReportRecord]
    /// Records in scope: `market` narrowed to `options.roleID` when given.
    let records: [ReportRecord]
    let periods: [ReportPeriod]
    /// Period index of each record in `records` (nil: undated).
    let periodOfRecord: [Int?]
    /// Period index of each record in `market`.
    let periodOfMarket: [Int?]
    /// In-scope postings per period.
    let periodTotals: [Int]
    let undatedTotal: Int
    private let roleNames: [String: String]
    private let skillNames: [String: String]
    private let skillCategories: [String: SkillCategory]
    private let skillsFromSeeds: Set<String>

    init(records input: [ReportRecord], taxonomy: Taxonomy, options: ReportOptions) {
        self.taxonomy = taxonomy
        self.options = options
        roleNames = Dictionary(taxonomy.roles.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        skillNames = Dictionary(taxonomy.skills.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        skillCategories = Dictionary(taxonomy.skills.map { ($0.id, $0.category) }, uniquingKeysWith: { a, _ in a })
        skillsFromSeeds = Set(taxonomy.skills.filter(\.fromSeeds).map(\.id))
        let dateFiltered = options.since != nil || options.until != nil
        let market = input.filter { record in
            if record.isRepost && !options.includeReposts { return false }
            guard let date = record.datePosted else { return !dateFiltered }
            if let since = options.since, date < since.start { return false }
            if let until = options.until, date > until.end { return false }
            return true
        }
        self.market = market
        let records = options.roleID.map { role in market.filter { $0.roleID == role } } ?? market
        self.records = records
        let dates = market.compactMap(\.datePosted)
        let granularity = options.granularity
            ?? ReportContext.autoGranularity(dates: dates, minimum: options.minimumPeriodPostings)
        self.granularity = granularity
        var periods: [ReportPeriod] = []
        if let first = dates.min(), let last = dates.max() {
            periods = granularity.periods(from: first, through: last)
        }
        let labelIndex = Dictionary(uniqueKeysWithValues: periods.enumerated().map { ($1.label, $0) })
        func index(_ record: ReportRecord) -> Int? {
            record.datePosted.flatMap { labelIndex[granularity.period(containing: $0).label] }
        }
        periodOfMarket = market.map(index)
        periodOfRecord = records.map(index)
        var totals = [Int](repeating: 0, count: periods.count)
        var undated = 0
        for p in periodOfRecord {
            if let p { totals[p] += 1 } else { undated += 1 }
        }
        for i in periods.indices {
            periods[i].postings = totals[i]
            periods[i].isThin = totals[i] < options.minimumPeriodPostings
        }
        self.periods = periods
        periodTotals = totals
        undatedTotal = undated
    }

    var labels: [String] { periods.map(\.label) }

    /// Display name of a role id (nil: Other).
    func roleName(_ id: String?) -> String {
        guard let id else { return "Other (no documented role)" }
        return roleNames[id] ?? id
    }

    /// Display name of a skill id.
    func skillName(_ id: String) -> String { skillNames[id] ?? id }

    /// A skill's category as the taxonomy has it now (the record's when the taxonomy no longer knows the skill).
    func category(_ skill: ReportSkill) -> SkillCategory { skillCategories[skill.skillID] ?? skill.category }

    /// Whether the seeds list the skill.
    func isFromSeeds(_ skillID: String) -> Bool { skillsFromSeeds.contains(skillID) }

    /// The finest grouping whose median period (gaps included) holds `minimum` postings; years when none does.
    /// Dates that all fall in one month or quarter get that period, the most precise label for them.
    static func autoGranularity(dates: [PostingDate], minimum: Int) -> ReportGranularity {
        guard let first = dates.min(), let last = dates.max() else { return .year }
        for granularity in [ReportGranularity.month, .quarter] {
            let periods = granularity.periods(from: first, through: last)
            if periods.count == 1 { return granularity }
            var counts = [String: Int]()
            for date in dates { counts[granularity.period(containing: date).label, default: 0] += 1 }
            let sorted = periods.map { counts[$0.label] ?? 0 }.sorted()
            if sorted[sorted.count / 2] >= minimum { return granularity }
        }
        return .year
    }
}
