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

    /// The collection of each record in `market` (see `ReportContext.collection`).
    let collectionOfMarket: [String]
    /// The collection of each record in `records`.
    let collectionOfRecord: [String]
    /// Postings the filters (company, location, source, seniority, workplace) left out.
    let filteredOut: Int
    /// With `--count active`: reposts whose period was credited to their original (0 when counting new postings).
    let repostsFolded: Int

    init(records unfiltered: [ReportRecord], taxonomy: Taxonomy, options: ReportOptions) {
        self.taxonomy = taxonomy
        self.options = options
        roleNames = Dictionary(taxonomy.roles.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        skillNames = Dictionary(taxonomy.skills.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        skillCategories = Dictionary(taxonomy.skills.map { ($0.id, $0.category) }, uniquingKeysWith: { a, _ in a })
        skillsFromSeeds = Set(taxonomy.skills.filter(\.fromSeeds).map(\.id))
        let allCollections = ReportContext.collections(unfiltered)
        var input: [ReportRecord] = []
        var inputCollections: [String] = []
        for (record, collection) in zip(unfiltered, allCollections) where options.filter.admits(record, collection: collection) {
            var record = record
            record.collection = collection
            input.append(record)
            inputCollections.append(collection)
        }
        filteredOut = unfiltered.count - input.count
        var folded = 0
        var chosenGranularity = options.granularity
        if options.counting == .active {
            // The grouping is fixed before expanding: "once per period" needs to know the periods.
            let granularity = options.granularity ?? ReportContext.autoGranularity(
                dates: input.filter { !$0.isRepost }.compactMap(\.datePosted), minimum: options.minimumPeriodPostings)
            chosenGranularity = granularity
            (input, folded) = ReportContext.activeOccurrences(input, granularity: granularity)
        }
        repostsFolded = folded
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
        collectionOfMarket = market.map { $0.collection ?? "" }
        collectionOfRecord = records.map { $0.collection ?? "" }
        let dates = market.compactMap(\.datePosted)
        let granularity = chosenGranularity
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

    /// Each record's collection: the one the store gave, else the first path component below the folder all
    /// source paths share (a file of its own when the paths share their folder): `linkedin-2024` for
    /// `/corpus/linkedin-2024/postings.csv` beside `/corpus/remotewlb-2024/...`.
    static func collections(_ records: [ReportRecord]) -> [String] {
        let paths = records.filter { $0.collection == nil }.map(\.sourcePath)
        var root: [Substring]?
        for path in Set(paths) {
            let parts = path.split(separator: "/").dropLast()
            guard let current = root else { root = Array(parts); continue }
            root = Array(zip(current, parts).prefix { $0 == $1 }.map(\.0))
        }
        let depth = root?.count ?? 0
        return records.map { record in
            if let collection = record.collection { return collection }
            let parts = record.sourcePath.split(separator: "/")
            guard parts.count > depth else { return record.sourcePath }
            return String(parts[depth])
        }
    }

    /// `--count active`: every non-repost posting once per period it was posted or reposted (dated at the first
    /// day it was seen in that period); reposts whose original is in `input` fold into it. Returns the occurrences
    /// and how many reposts were folded.
    static func activeOccurrences(_ input: [ReportRecord], granularity: ReportGranularity) -> ([ReportRecord], Int) {
        let byID = Dictionary(input.map { ($0.postingID, $0) }, uniquingKeysWith: { a, _ in a })
        func root(_ record: ReportRecord) -> String? {
            var current = record, steps = 0
            while let parent = current.repostOf, steps < 64 {
                guard let next = byID[parent] else { return nil }
                current = next
                steps += 1
            }
            return current.isRepost ? nil : current.postingID
        }
        var extraDates = [String: [PostingDate]]()
        var folded = 0
        var standalone: [ReportRecord] = []
        for record in input where record.isRepost {
            if let original = root(record) {
                folded += 1
                if let date = record.datePosted { extraDates[original, default: []].append(date) }
            } else {
                var own = record
                own.isRepost = false
                own.repostOf = nil
                standalone.append(own)
            }
        }
        var result: [ReportRecord] = []
        for record in input where !record.isRepost {
            let dates = ([record.datePosted].compactMap { $0 } + (extraDates[record.postingID] ?? [])).sorted()
            guard !dates.isEmpty else { result.append(record); continue }
            var seen = Set<String>()
            for date in dates where seen.insert(granularity.period(containing: date).label).inserted {
                var occurrence = record
                occurrence.datePosted = date
                result.append(occurrence)
            }
        }
        return (result + standalone, folded)
    }

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
