import Foundation

/// The two-proportion z-test (pooled), and the Benjamini–Hochberg adjustment for testing many skills at once.
public struct ProportionTest: Sendable, Codable, Hashable {
    /// Standard score of the difference `share2 - share1`.
    public var z: Double
    /// Two-sided p-value.
    public var pValue: Double

    /// Tests whether `x2/n2` differs from `x1/n1`; a degenerate case (an empty side, or both shares 0 or 1) gives z 0, p 1.
    public init(x1: Int, n1: Int, x2: Int, n2: Int) {
        guard n1 > 0, n2 > 0 else { self.init(z: 0, pValue: 1); return }
        let p1 = Double(x1) / Double(n1), p2 = Double(x2) / Double(n2)
        let pooled = Double(x1 + x2) / Double(n1 + n2)
        let se = (pooled * (1 - pooled) * (1 / Double(n1) + 1 / Double(n2))).squareRoot()
        guard se > 0 else { self.init(z: 0, pValue: 1); return }
        let z = (p2 - p1) / se
        self.init(z: z, pValue: erfc(abs(z) / 2.0.squareRoot()))
    }

    public init(z: Double, pValue: Double) {
        self.z = z
        self.pValue = pValue
    }

    /// Benjamini–Hochberg q-values for `pValues`, in the same order: the false-discovery rate at which each
    /// result would still count as significant. Testing a hundred skills at 5% would otherwise "find" five by chance.
    public static func benjaminiHochberg(_ pValues: [Double]) -> [Double] {
        let m = pValues.count
        guard m > 0 else { return [] }
        let order = pValues.indices.sorted { pValues[$0] < pValues[$1] }
        var q = [Double](repeating: 1, count: m)
        var running = 1.0
        for rank in stride(from: m, through: 1, by: -1) {
            let index = order[rank - 1]
            running = min(running, pValues[index] * Double(m) / Double(rank))
            q[index] = min(running, 1)
        }
        return q
    }
}
