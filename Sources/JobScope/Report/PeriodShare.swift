import Foundation

/// A share within one period, with its change from the period before.
public struct PeriodShare: Sendable, Codable, Hashable {
    /// The period's label (`2024-Q1`), or `undated`.
    public var period: String
    public var count: Int
    public var total: Int
    public var share: Double
    /// 95% Wilson interval of the share.
    public var lower: Double
    public var upper: Double
    /// Share minus the previous period's share (a fraction; ×100 for percentage points); nil for the
    /// first period or when either period is empty.
    public var change: Double?

    public init(period: String, proportion: Proportion, change: Double? = nil) {
        self.period = period
        self.count = proportion.count
        self.total = proportion.total
        self.share = proportion.share
        let interval = proportion.wilsonInterval()
        self.lower = interval.lower
        self.upper = interval.upper
        self.change = change
    }

    public var proportion: Proportion { Proportion(count: count, total: total) }

    /// Shares for each period of `counts` over `totals`, each with its change from the one before.
    static func series(labels: [String], counts: [Int], totals: [Int]) -> [PeriodShare] {
        var result: [PeriodShare] = []
        for index in labels.indices {
            let proportion = Proportion(count: counts[index], total: totals[index])
            var change: Double?
            if index > 0, totals[index] > 0, totals[index - 1] > 0 {
                change = proportion.share - Proportion(count: counts[index - 1], total: totals[index - 1]).share
            }
            result.append(PeriodShare(period: labels[index], proportion: proportion, change: change))
        }
        return result
    }
}

/// A share among the postings of one role (nil: Other).
public struct RoleShare: Sendable, Codable, Hashable {
    public var roleID: String?
    public var count: Int
    public var total: Int
    public var share: Double

    public init(roleID: String?, proportion: Proportion) {
        self.roleID = roleID
        self.count = proportion.count
        self.total = proportion.total
        self.share = proportion.share
    }
}
