import Foundation

/// A count out of a total, with the share it makes; every share the report shows is one of these.
public struct Proportion: Sendable, Codable, Hashable {
    public var count: Int
    public var total: Int
    /// `count / total`, or 0 when the total is 0.
    public var share: Double

    public init(count: Int, total: Int) {
        self.count = count
        self.total = total
        self.share = total > 0 ? Double(count) / Double(total) : 0
    }

    public static let zero = Proportion(count: 0, total: 0)
}
