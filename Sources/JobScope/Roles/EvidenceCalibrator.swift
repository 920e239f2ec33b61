import Foundation

/// Fits `EvidenceWeights` by minimizing the mean log-loss of out-of-fold predictions (Newton's method; the
/// logits are linear in the five weights, so the problem is convex). Because the body weight scales the body
/// logits, this one fit is also the temperature calibration of the probabilities.
public struct EvidenceCalibrator: Sendable {
    /// Small ridge penalty that keeps the fit finite when a kind of evidence is absent (no titles, no skills).
    public var ridge: Double

    public init(ridge: Double = 1e-3) {
        self.ridge = ridge
    }

    /// The weights for evidence `samples` whose true classes are `labels`. Every weight is kept ≥ 0: evidence
    /// that argued against its own class would be an artefact of the corpus (the real postings' Other titles are
    /// mostly "… Analyst" and "… Scientist"), not something to apply to new postings. A weight the free fit
    /// makes negative is held at 0 and the rest refitted.
    /// `weights`: per sample, how much its log-loss counts (nil: all alike); `excluded`: indices into
    /// `EvidenceWeights.vector` held at 0 from the start.
    public func fit(_ samples: [RoleEvidence], labels: [Int], weights: [Double]? = nil,
                    excluded: Set<Int> = []) -> EvidenceWeights {
        guard !samples.isEmpty else { return EvidenceWeights() }
        let weights = weights ?? [Double](repeating: 1, count: samples.count)
        var fixed = excluded
        while true {
            let theta = fit(samples, labels: labels, weights: weights, fixedAtZero: fixed)
            let negative = theta.indices.filter { theta[$0] < 0 && !fixed.contains($0) }
            if negative.isEmpty { return EvidenceWeights(vector: theta) }
            fixed.formUnion(negative)
        }
    }

    private func fit(_ samples: [RoleEvidence], labels: [Int], weights: [Double],
                     fixedAtZero fixed: Set<Int>) -> [Double] {
        let k = RoleEvidence.featureCount
        var theta = EvidenceWeights(body: 1, title: 1, titleWord: 1, skills: 1).vector
        for a in fixed { theta[a] = 0 }
        let features = samples.map { sample in (0..<sample.body.count).map { sample.features(of: $0) } }
        let n = weights.reduce(0, +)
        func loss(_ theta: [Double]) -> Double {
            var total = 0.0
            for (i, rows) in features.enumerated() {
                let logits = rows.map { dot($0, theta) }
                let top = logits.max()!
                let logSum = top + log(logits.reduce(0) { $0 + exp($1 - top) })
                total += weights[i] * (logSum - logits[labels[i]])
            }
            return total / n + ridge * dot(theta, theta) / 2
        }
        var current = loss(theta)
        for _ in 0..<50 {
            var gradient = [Double](repeating: 0, count: k)
            var hessian = [[Double]](repeating: [Double](repeating: 0, count: k), count: k)
            for (i, rows) in features.enumerated() {
                let p = RoleEvidence.softmax(rows.map { dot($0, theta) })
                let w = weights[i]
                var mean = [Double](repeating: 0, count: k)
                for (c, row) in rows.enumerated() {
                    for a in 0..<k { mean[a] += p[c] * row[a] }
                }
                for a in 0..<k { gradient[a] += w * (mean[a] - rows[labels[i]][a]) }
                for (c, row) in rows.enumerated() where p[c] > 1e-12 {
                    for a in 0..<k { for b in 0..<k { hessian[a][b] += w * p[c] * row[a] * row[b] } }
                }
                for a in 0..<k { for b in 0..<k { hessian[a][b] -= w * mean[a] * mean[b] } }
            }
            for a in 0..<k {
                gradient[a] = gradient[a] / n + ridge * theta[a]
                for b in 0..<k { hessian[a][b] /= n }
                hessian[a][a] += ridge
            }
            for a in fixed {
                gradient[a] = 0
                for b in 0..<k { hessian[a][b] = 0; hessian[b][a] = 0 }
                hessian[a][a] = 1
            }
            guard let direction = Self.solve(hessian, gradient) else { break }
            var stepSize = 1.0
            var improved = false
            while stepSize > 1e-4 {
                let candidate = zip(theta, direction).map { $0 - stepSize * $1 }
                let value = loss(candidate)
                if value < current {
                    theta = candidate
                    improved = current - value > 1e-10
                    current = value
                    break
                }
                stepSize /= 2
            }
            if !improved { break }
        }
        return theta
    }

    private func dot(_ a: [Double], _ b: [Double]) -> Double { zip(a, b).reduce(0) { $0 + $1.0 * $1.1 } }

    /// Solves `a · x = b` by Gaussian elimination with partial pivoting; nil when singular.
    static func solve(_ a: [[Double]], _ b: [Double]) -> [Double]? {
        var m = a
        var v = b
        let n = b.count
        for col in 0..<n {
            guard let pivot = (col..<n).max(by: { abs(m[$0][col]) < abs(m[$1][col]) }), abs(m[pivot][col]) > 1e-12
            else { return nil }
            m.swapAt(col, pivot)
            v.swapAt(col, pivot)
            for row in (col + 1)..<n {
                let factor = m[row][col] / m[col][col]
                for k in col..<n { m[row][k] -= factor * m[col][k] }
                v[row] -= factor * v[col]
            }
        }
        var x = [Double](repeating: 0, count: n)
        for row in stride(from: n - 1, through: 0, by: -1) {
            var sum = v[row]
            for k in (row + 1)..<n { sum -= m[row][k] * x[k] }
            x[row] = sum / m[row][row]
        }
        return x
    }
}
