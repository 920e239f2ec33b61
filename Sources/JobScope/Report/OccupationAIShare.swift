import Foundation

/// The AI share of every occupation: per period, the share of each role's postings whose job involves AI
/// (uses AI tools, builds ML, or builds generative AI), from the classifier's AI-involvement signal.
public struct OccupationAIShare: Sendable, Codable, Hashable {
    /// One role (nil: Other).
    public struct Row: Sendable, Codable, Hashable {
        public var roleID: String?
        public var name: String
        /// Of the role's postings with the signal, those involving AI.
        public var overall: Proportion
        /// Per period, of the role's postings with the signal.
        public var byPeriod: [PeriodShare]
        /// Postings per involvement level (raw values), of those with the signal.
        public var levels: [ReportOverview.Tally]
    }

    /// Postings carrying the signal, of all in scope (0 when the store predates it).
    public var withSignal: Proportion
    /// Roles with at least one posting carrying the signal, most postings first, Other last.
    public var rows: [Row]

    static func build(_ context: ReportContext, roleOrder: [String?]) -> OccupationAIShare {
        let periodCount = context.periods.count
        struct Tally { var totals: [Int]; var hits: [Int]; var all = 0, ai = 0; var levels = [String: Int]() }
        var tallies = [String?: Tally]()
        var withSignal = 0
        for (record, period) in zip(context.market, context.periodOfMarket) {
            guard let involvement = record.aiInvolvement else { continue }
            if let only = context.options.roleID, record.roleID != only { continue }
            withSignal += 1
            var t = tallies[record.roleID] ?? Tally(totals: [Int](repeating: 0, count: periodCount),
                                                   hits: [Int](repeating: 0, count: periodCount))
            let involves = involvement != .none
            t.all += 1
            if involves { t.ai += 1 }
            t.levels[involvement.rawValue, default: 0] += 1
            if let period {
                t.totals[period] += 1
                if involves { t.hits[period] += 1 }
            }
            tallies[record.roleID] = t
        }
        let order = roleOrder + tallies.keys.filter { !roleOrder.contains($0) }.sorted { ($0 ?? "~") < ($1 ?? "~") }
        let rows = order.compactMap { id -> Row? in
            guard let t = tallies[id] else { return nil }
            return Row(roleID: id, name: context.roleName(id), overall: Proportion(count: t.ai, total: t.all),
                       byPeriod: PeriodShare.series(labels: context.labels, counts: t.hits, totals: t.totals),
                       levels: AIInvolvement.allCases.compactMap { level in
                           t.levels[level.rawValue].map { ReportOverview.Tally(name: level.rawValue, count: $0) }
                       })
        }
        let scope = context.options.roleID == nil ? context.market.count : context.records.count
        return OccupationAIShare(withSignal: Proportion(count: withSignal, total: scope), rows: rows)
    }
}
