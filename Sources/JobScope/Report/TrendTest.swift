import Foundation

/// A test for a trend in a share over ordered periods: the Cochran–Armitage test decides, and a logistic
/// regression of the share on time gives the slope (change in log-odds per period) with its 95% interval.
/// Both use every period given, so a steady rise is seen even when the first and last periods alone are too noisy.
public struct TrendTest: Sendable, Codable, Hashable {
    /// Cochran–Armitage standard score (positive: the share rises with time).
    public var z: Double
    /// Two-sided p-value of `z`.
    public var pValue: Double
    /// Logistic-regression slope: change in the log-odds of the share per period; nil when the fit does not exist
    /// (no postings with the item, or all of them).
    public var slope: Double?
    /// 95% Wald interval of the slope.
    public var slopeLower: Double?
    public var slopeUpper: Double?
    /// Periods the test used.
    public var periods: Int

    public init(z: Double, pValue: Double, slope: Double? = nil, slopeLower: Double? = nil,
                slopeUpper: Double? = nil, periods: Int) {
        self.z = z
        self.pValue = pValue
        self.slope = slope
        self.slopeLower = slopeLower
        self.slopeUpper = slopeUpper
        self.periods = periods
    }

    /// Tests `counts[i]` of `totals[i]` at time `times[i]` (periods with a zero total are skipped).
    /// Fewer than two periods, or a share that never varies from 0 or 1 overall, gives z 0, p 1.
    public init(counts: [Int], totals: [Int], times: [Double]) {
        let points = zip(zip(counts, totals), times).filter { $0.0.1 > 0 }
            .map { (x: Double($0.0.0), n: Double($0.0.1), t: $0.1) }
        let big = points.reduce(0.0) { $0 + $1.n }
        let hits = points.reduce(0.0) { $0 + $1.x }
        guard points.count >= 2, big > 0 else { self.init(z: 0, pValue: 1, periods: points.count); return }
        let pooled = hits / big
        let meanTime = points.reduce(0.0) { $0 + $1.n * $1.t } / big
        let statistic = points.reduce(0.0) { $0 + ($1.t - meanTime) * ($1.x - $1.n * pooled) }
        let variance = pooled * (1 - pooled) * points.reduce(0.0) { $0 + $1.n * ($1.t - meanTime) * ($1.t - meanTime) }
        guard variance > 0 else { self.init(z: 0, pValue: 1, periods: points.count); return }
        let z = statistic / variance.squareRoot()
        let fit = TrendTest.logisticSlope(points.map { ($0.x, $0.n, $0.t - meanTime) })
        self.init(z: z, pValue: erfc(abs(z) / 2.0.squareRoot()), slope: fit?.slope,
                  slopeLower: fit.map { $0.slope - 1.959964 * $0.se }, slopeUpper: fit.map { $0.slope + 1.959964 * $0.se },
                  periods: points.count)
    }

    /// The slope's odds ratio per period (`exp(slope)`).
    public var oddsRatioPerPeriod: Double? { slope.map { exp($0) } }

    /// Newton–Raphson (IRLS) for logit(p) = a + b·t on grouped binomial data; nil when the share is 0 or 1
    /// throughout (the maximum-likelihood slope does not exist) or the fit does not converge.
    static func logisticSlope(_ points: [(x: Double, n: Double, t: Double)]) -> (slope: Double, se: Double)? {
        let hits = points.reduce(0.0) { $0 + $1.x }, total = points.reduce(0.0) { $0 + $1.n }
        guard hits > 0, hits < total else { return nil }
        var a = log(hits / (total - hits)), b = 0.0
        for _ in 0..<50 {
            var g0 = 0.0, g1 = 0.0, h00 = 0.0, h01 = 0.0, h11 = 0.0
            for p in points {
                let mu = 1 / (1 + exp(-(a + b * p.t)))
                let w = p.n * mu * (1 - mu)
                g0 += p.x - p.n * mu
                g1 += (p.x - p.n * mu) * p.t
                h00 += w; h01 += w * p.t; h11 += w * p.t * p.t
            }
            let det = h00 * h11 - h01 * h01
            guard det > 1e-12 else { return nil }
            let da = (h11 * g0 - h01 * g1) / det, db = (h00 * g1 - h01 * g0) / det
            a += da; b += db
            guard a.isFinite, b.isFinite, abs(b) < 50 else { return nil }
            if abs(da) < 1e-10 && abs(db) < 1e-10 {
                return (b, (h00 / det).squareRoot())
            }
        }
        return nil
    }
}
