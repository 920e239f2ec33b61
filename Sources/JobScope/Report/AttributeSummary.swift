import Foundation

/// Education, seniority, workplace and pay per role, and the application domains postings name.
public struct AttributeSummary: Sendable, Codable, Hashable {
    /// How the postings that state a level spread over the levels.
    public struct Breakdown: Sendable, Codable, Hashable {
        /// One level and its share of the postings that state one.
        public struct Level: Sendable, Codable, Hashable {
            public var id: String
            public var name: String
            public var count: Int
            public var share: Double
        }
        /// Postings that state any level, out of all.
        public var stated: Proportion
        /// Levels in rank order (lowest first).
        public var levels: [Level]
    }

    /// Salaries as yearly midpoints in one currency.
    public struct Salary: Sendable, Codable, Hashable {
        public var currency: String
        /// Postings the figures rest on.
        public var count: Int
        public var median: Double
        public var lowerQuartile: Double
        public var upperQuartile: Double
        /// Postings with a salary in another currency, left out of these figures.
        public var otherCurrencies: Int
    }

    /// The attributes of one group of postings: all, one role, or Other.
    public struct Group: Sendable, Codable, Hashable {
        /// `all`, a role id, or `other`.
        public var key: String
        public var name: String
        public var postings: Int
        public var education: Breakdown
        public var seniority: Breakdown
        /// Postings stating a workplace, and of those the remote, hybrid and on-site shares.
        public var workplaceStated: Proportion
        public var remote: Proportion
        public var hybrid: Proportion
        public var onsite: Proportion
        public var salary: Salary?
        /// Median years of experience asked, and how many postings state a figure.
        public var medianYearsExperience: Double?
        public var yearsExperienceStated: Int
    }

    /// A domain and the share of postings naming it, overall and per role.
    public struct DomainRow: Sendable, Codable, Hashable {
        public var id: String
        public var name: String
        public var overall: Proportion
        /// Share of each role's postings naming the domain (roles with postings, in report order; nil: Other).
        public var byRole: [RoleShare]
    }

    /// All postings first, then each role with postings, Other last.
    public var groups: [Group]
    /// Domains named at least once, most first.
    public var domains: [DomainRow]

    static func build(_ context: ReportContext, roleOrder: [String?]) -> AttributeSummary {
        var byRole = [String?: [ReportRecord]]()
        for record in context.records { byRole[record.roleID, default: []].append(record) }
        var groups = [group(key: "all", name: "All postings", context.records, context)]
        for id in roleOrder {
            guard let records = byRole[id], !records.isEmpty else { continue }
            groups.append(group(key: id ?? "other", name: context.roleName(id), records, context))
        }
        var domainCounts = [String: Int]()
        var domainRoleCounts = [String: [String?: Int]]()
        for record in context.records {
            for id in Set(record.attributes.domains) {
                domainCounts[id, default: 0] += 1
                domainRoleCounts[id, default: [:]][record.roleID, default: 0] += 1
            }
        }
        let names = Dictionary(context.taxonomy.domains.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let roles = roleOrder.filter { !(byRole[$0]?.isEmpty ?? true) }
        let domains = domainCounts.map { id, count in
            DomainRow(id: id, name: names[id] ?? id,
                      overall: Proportion(count: count, total: context.records.count),
                      byRole: roles.map { role in
                          RoleShare(roleID: role, proportion: Proportion(count: domainRoleCounts[id]?[role] ?? 0,
                                                                         total: byRole[role]?.count ?? 0))
                      })
        }.sorted { ($0.overall.count, $1.name) > ($1.overall.count, $0.name) }
        return AttributeSummary(groups: groups, domains: domains)
    }

    private static func group(key: String, name: String, _ records: [ReportRecord],
                              _ context: ReportContext) -> Group {
        let n = records.count
        let education = breakdown(records.compactMap(\.attributes.education), total: n,
                                  levels: context.taxonomy.educationLevels.map { ($0.id, $0.name, $0.rank) })
        let seniority = breakdown(records.compactMap(\.attributes.seniority), total: n,
                                  levels: context.taxonomy.seniorityLevels.map { ($0.id, $0.name, $0.rank) })
        let workplaces = records.compactMap(\.attributes.workplace)
        func place(_ w: Workplace) -> Proportion {
            Proportion(count: workplaces.filter { $0 == w }.count, total: workplaces.count)
        }
        let years = records.compactMap(\.attributes.yearsExperience).map(Double.init).sorted()
        return Group(key: key, name: name, postings: n, education: education, seniority: seniority,
                     workplaceStated: Proportion(count: workplaces.count, total: n),
                     remote: place(.remote), hybrid: place(.hybrid), onsite: place(.onsite),
                     salary: salary(records.compactMap(\.attributes.salary)),
                     medianYearsExperience: quantile(years, 0.5), yearsExperienceStated: years.count)
    }

    private static func breakdown(_ values: [String], total: Int,
                                  levels: [(id: String, name: String, rank: Int)]) -> Breakdown {
        var counts = [String: Int]()
        for value in values { counts[value, default: 0] += 1 }
        let known = Dictionary(levels.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let ordered = counts.keys.sorted { a, b in
            let ra = known[a]?.rank ?? Int.max, rb = known[b]?.rank ?? Int.max
            return ra != rb ? ra < rb : a < b
        }
        return Breakdown(
            stated: Proportion(count: values.count, total: total),
            levels: ordered.map { id in
                let p = Proportion(count: counts[id]!, total: values.count)
                return Breakdown.Level(id: id, name: known[id]?.name ?? id, count: p.count, share: p.share)
            })
    }

    /// Median and quartiles of yearly midpoints in the most common currency.
    private static func salary(_ ranges: [SalaryRange]) -> Salary? {
        var byCurrency = [String: [Double]]()
        for range in ranges { if let value = range.annualMidpoint { byCurrency[range.currency, default: []].append(value) } }
        guard let (currency, values) = byCurrency.max(by: { ($0.value.count, $1.key) < ($1.value.count, $0.key) })
        else { return nil }
        let sorted = values.sorted()
        return Salary(currency: currency, count: sorted.count, median: quantile(sorted, 0.5)!,
                      lowerQuartile: quantile(sorted, 0.25)!, upperQuartile: quantile(sorted, 0.75)!,
                      otherCurrencies: byCurrency.values.map(\.count).reduce(0, +) - sorted.count)
    }

    /// Linear-interpolated quantile of sorted values.
    static func quantile(_ sorted: [Double], _ q: Double) -> Double? {
        guard !sorted.isEmpty else { return nil }
        let position = q * Double(sorted.count - 1)
        let lower = Int(position.rounded(.down)), upper = Int(position.rounded(.up))
        return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - Double(lower))
    }
}
