import Foundation

/// Which group a role belongs to in the overview.
public enum RoleGroup: String, Sendable, Codable, CaseIterable {
    case documented, adjacent, other
}

/// How many postings each role had, overall and per period.
public struct RoleDemand: Sendable, Codable, Hashable {
    /// One role's demand.
    public struct Row: Sendable, Codable, Hashable {
        /// Role id; nil for Other (no documented role).
        public var roleID: String?
        public var name: String
        public var group: RoleGroup
        public var emerging: Bool
        /// Share of all postings (dated and undated).
        public var overall: Proportion
        /// Share of each period's postings, with the change from the period before.
        public var byPeriod: [PeriodShare]
        /// Share of the undated postings.
        public var undated: Proportion
        /// The first period with a posting of this role.
        public var firstSeen: String?
        /// First seen after the first period: a role the earlier postings did not have (never set for Other).
        public var isNew: Bool
    }

    public var rows: [Row]

    /// Rows of the emerging roles, in the order of `rows`.
    public var emergingRows: [Row] { rows.filter(\.emerging) }

    static func build(_ context: ReportContext) -> RoleDemand {
        let labels = context.labels
        var marketTotals = [Int](repeating: 0, count: labels.count)
        var marketUndated = 0
        var counts = [String?: [Int]]()
        var overall = [String?: Int](), undated = [String?: Int]()
        for (record, period) in zip(context.market, context.periodOfMarket) {
            overall[record.roleID, default: 0] += 1
            if let period {
                marketTotals[period] += 1
                counts[record.roleID, default: [Int](repeating: 0, count: labels.count)][period] += 1
            } else {
                marketUndated += 1
                undated[record.roleID, default: 0] += 1
            }
        }
        var ids: [String?] = context.taxonomy.roles.map(\.id)
        ids += overall.keys.compactMap { $0 }.filter { context.taxonomy.role($0) == nil }.sorted().map { $0 }
        ids.append(nil)
        if let only = context.options.roleID { ids = [only] }
        var rows: [Row] = []
        for id in ids {
            let role = id.flatMap { context.taxonomy.role($0) }
            let series = counts[id] ?? [Int](repeating: 0, count: labels.count)
            let first = series.firstIndex { $0 > 0 }
            let earliestPopulated = marketTotals.firstIndex { $0 > 0 }
            rows.append(Row(
                roleID: id, name: context.roleName(id),
                group: id == nil ? .other : (role?.kind == .documented ? .documented : .adjacent),
                emerging: role?.emerging ?? false,
                overall: Proportion(count: overall[id] ?? 0, total: context.market.count),
                byPeriod: PeriodShare.series(labels: labels, counts: series, totals: marketTotals),
                undated: Proportion(count: undated[id] ?? 0, total: marketUndated),
                firstSeen: first.map { labels[$0] },
                isNew: id != nil && first != nil && earliestPopulated != nil && first! > earliestPopulated!))
        }
        // Documented roles first, then adjacent, Other last; most postings first within a group.
        let groupOrder: [RoleGroup: Int] = [.documented: 0, .adjacent: 1, .other: 2]
        rows.sort { a, b in
            let ga = groupOrder[a.group]!, gb = groupOrder[b.group]!
            if ga != gb { return ga < gb }
            if a.overall.count != b.overall.count { return a.overall.count > b.overall.count }
            return a.name < b.name
        }
        return RoleDemand(rows: rows)
    }
}
