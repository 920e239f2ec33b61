import Foundation

/// How often postings ask for each skill and skill category, overall, per period and per role.
public struct SkillDemand: Sendable, Codable, Hashable {
    /// One skill's demand.
    public struct Row: Sendable, Codable, Hashable {
        public var skillID: String
        public var name: String
        public var category: SkillCategory
        /// The seeds list this skill.
        public var fromSeeds: Bool
        /// Share of postings asking for it.
        public var overall: Proportion
        /// Postings asking for it as a requirement, as a nice-to-have, or neither.
        public var required: Int
        public var preferred: Int
        public var mentioned: Int
        public var byPeriod: [PeriodShare]
        public var undated: Proportion
        /// Share of each role's postings (roles in `SkillDemand.roleColumns` order).
        public var byRole: [RoleShare]
    }

    /// A skill category as a cluster: postings asking for at least one of its skills.
    public struct CategoryRow: Sendable, Codable, Hashable {
        public var category: SkillCategory
        public var name: String
        public var overall: Proportion
        public var byPeriod: [PeriodShare]
        public var undated: Proportion
    }

    /// Postings with at least one recognised skill.
    public var withAnySkill: Proportion
    /// Every skill asked for at least once, most asked first.
    public var skills: [Row]
    public var categories: [CategoryRow]
    /// Roles with postings, most first (nil: Other): the columns of `Row.byRole`.
    public var roleColumns: [String?]

    /// `roleColumns` with Other moved last, where tables show it: it is the baseline readers compare against.
    public var roleColumnsOtherLast: [String?] {
        roleColumns.filter { $0 != nil } + (roleColumns.contains(nil) ? [nil] : [])
    }

    static func build(_ context: ReportContext) -> SkillDemand {
        let records = context.records
        let n = records.count, periodCount = context.periods.count
        var roleTotals = [String?: Int]()
        for record in records { roleTotals[record.roleID, default: 0] += 1 }
        let roleColumns = roleTotals.keys.sorted { a, b in
            let ca = roleTotals[a]!, cb = roleTotals[b]!
            if ca != cb { return ca > cb }
            return (a ?? "~") < (b ?? "~")
        }
        struct Tally {
            var total = 0, required = 0, preferred = 0, mentioned = 0, undated = 0
            var periods: [Int]
            var roles = [String?: Int]()
            var category: SkillCategory
        }
        var skills = [String: Tally]()
        var categories = [SkillCategory: Tally]()
        var withAny = 0
        for (record, period) in zip(records, context.periodOfRecord) {
            if !record.skills.isEmpty { withAny += 1 }
            var seenCategories = Set<SkillCategory>()
            // A posting counts once per skill, at its strongest requirement level.
            var strongest = [String: ReportSkill]()
            for skill in record.skills {
                if let existing = strongest[skill.skillID],
                   rank(existing.requirement) <= rank(skill.requirement) { continue }
                strongest[skill.skillID] = skill
            }
            for skill in strongest.values {
                let category = context.category(skill)
                var tally = skills[skill.skillID]
                    ?? Tally(periods: [Int](repeating: 0, count: periodCount), category: category)
                tally.total += 1
                switch skill.requirement {
                case .required: tally.required += 1
                case .preferred: tally.preferred += 1
                case .mentioned: tally.mentioned += 1
                }
                if let period { tally.periods[period] += 1 } else { tally.undated += 1 }
                tally.roles[record.roleID, default: 0] += 1
                skills[skill.skillID] = tally
                if seenCategories.insert(category).inserted {
                    var c = categories[category]
                        ?? Tally(periods: [Int](repeating: 0, count: periodCount), category: category)
                    c.total += 1
                    if let period { c.periods[period] += 1 } else { c.undated += 1 }
                    categories[category] = c
                }
            }
        }
        let labels = context.labels
        let rows = skills.map { id, tally in
            Row(skillID: id, name: context.skillName(id), category: tally.category,
                fromSeeds: context.isFromSeeds(id),
                overall: Proportion(count: tally.total, total: n),
                required: tally.required, preferred: tally.preferred, mentioned: tally.mentioned,
                byPeriod: PeriodShare.series(labels: labels, counts: tally.periods, totals: context.periodTotals),
                undated: Proportion(count: tally.undated, total: context.undatedTotal),
                byRole: roleColumns.map { RoleShare(roleID: $0, proportion: Proportion(count: tally.roles[$0] ?? 0,
                                                                                         total: roleTotals[$0] ?? 0)) })
        }.sorted { ($0.overall.count, $1.name) > ($1.overall.count, $0.name) }
        let categoryRows = SkillCategory.allCases.map { category in
            let tally = categories[category]
            return CategoryRow(
                category: category, name: category.displayName,
                overall: Proportion(count: tally?.total ?? 0, total: n),
                byPeriod: PeriodShare.series(labels: labels,
                                             counts: tally?.periods ?? [Int](repeating: 0, count: periodCount),
                                             totals: context.periodTotals),
                undated: Proportion(count: tally?.undated ?? 0, total: context.undatedTotal))
        }.sorted { ($0.overall.count, $1.name) > ($1.overall.count, $0.name) }
        return SkillDemand(withAnySkill: Proportion(count: withAny, total: n), skills: rows,
                           categories: categoryRows, roleColumns: roleColumns)
    }

    private static func rank(_ level: RequirementLevel) -> Int {
        switch level {
        case .required: return 0
        case .preferred: return 1
        case .mentioned: return 2
        }
    }
}

extension SkillCategory {
    /// The category's name as reports print it.
    public var displayName: String {
        switch self {
        case .programmingLanguage: return "Programming languages"
        case .mlFramework: return "ML frameworks"
        case .dataTooling: return "Data tooling"
        case .cloud: return "Cloud"
        case .mathStatistics: return "Maths & statistics"
        case .mlTechnique: return "ML techniques"
        case .softSkill: return "Soft skills"
        case .ethicsGovernance: return "Ethics & governance"
        case .designResearch: return "Design & research"
        case .content: return "Content"
        case .softwareEngineering: return "Software engineering"
        case .education: return "Teaching & instruction"
        case .business: return "Business & operations"
        case .tradesHealthcare: return "Trades & healthcare"
        }
    }
}
