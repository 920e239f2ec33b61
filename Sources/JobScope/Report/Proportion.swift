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

    /// The Wilson score interval for the share (95% by default); (0, 1) for an empty total.
    /// Unlike the normal approximation it stays inside 0...1 and is honest for 0 of 20 or 3 of 4.
    public func wilsonInterval(z: Double = 1.959964) -> (lower: Double, upper: Double) {
        guard total > 0 else { return (0, 1) }
        let n = Double(total), p = share, z2 = z * z
        let centre = (p + z2 / (2 * n)) / (1 + z2 / n)
        let half = z / (1 + z2 / n) * (p * (1 - p) / n + z2 / (4 * n * n)).squareRoot()
        return (max(0, centre - half), min(1, centre + half))
    }
}
