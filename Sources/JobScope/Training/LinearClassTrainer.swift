import Foundation

/// Learns one linear weight vector per class over TF-IDF vectors, by one of three methods (`ClassifierMethod`).
/// Deterministic: the SGD visits samples in an order drawn from a fixed seed, and nothing depends on hashing.
public struct LinearClassTrainer: Sendable {
    /// Settings of the learners.
    public struct Settings: Sendable, Codable, Equatable {
        public var method: ClassifierMethod
        /// Logistic regression: passes over the data.
        public var epochs: Int
        /// Logistic regression: L2 penalty per sample (scikit-learn's `alpha`).
        public var l2: Double
        /// Logistic regression: initial step size.
        public var learningRate: Double
        /// Naive Bayes: additive smoothing.
        public var smoothing: Double
        /// Seed of the sample order.
        public var seed: UInt64

        public init(method: ClassifierMethod = .logisticRegression, epochs: Int = 12, l2: Double = 2e-5,
                    learningRate: Double = 0.5, smoothing: Double = 0.1, seed: UInt64 = 20_261_123) {
            self.method = method
            self.epochs = epochs
            self.l2 = l2
            self.learningRate = learningRate
            self.smoothing = smoothing
            self.seed = seed
        }
    }

    public var settings: Settings

    public init(settings: Settings = .init()) {
        self.settings = settings
    }

    /// Dense weights (`classes` rows of `features`) and one bias per class.
    public struct Weights: Sendable {
        public var matrix: [Double]
        public var bias: [Double]
        public var features: Int
    }

    /// Trains on vectors `x` with class indices `y` (0..<classes) and per-sample weights.
    public func fit(x: [SparseVector], y: [Int], sampleWeights: [Double], classes: Int, features: Int) -> Weights {
        switch settings.method {
        case .logisticRegression:
            return logisticRegression(x: x, y: y, w: sampleWeights, classes: classes, features: features)
        case .centroid:
            return centroid(x: x, y: y, w: sampleWeights, classes: classes, features: features)
        case .naiveBayes:
            return naiveBayes(x: x, y: y, w: sampleWeights, classes: classes, features: features)
        }
    }

    /// Multinomial logistic regression by SGD with the step `η0 / (1 + η0·λ·t)` and L2 applied through a
    /// running scale factor, so each update touches only the sample's non-zero features.
    func logisticRegression(x: [SparseVector], y: [Int], w: [Double], classes: Int, features: Int) -> Weights {
        var v = [Double](repeating: 0, count: classes * features)
        var bias = [Double](repeating: 0, count: classes)
        var scale = 1.0
        var random = SplitMix64(seed: settings.seed)
        var order = Array(x.indices)
        var step = 0.0
        let lambda = settings.l2
        let eta0 = settings.learningRate
        var logits = [Double](repeating: 0, count: classes)
        for _ in 0..<settings.epochs {
            random.shuffle(&order)
            for i in order {
                let eta = eta0 / (1 + eta0 * lambda * step)
                step += 1
                scale *= 1 - eta * lambda
                if scale < 1e-9 {
                    for k in v.indices { v[k] *= scale }
                    scale = 1
                }
                let sample = x[i]
                v.withUnsafeBufferPointer { all in
                    for c in 0..<classes {
                        let row = UnsafeBufferPointer(rebasing: all[(c * features)..<((c + 1) * features)])
                        logits[c] = scale * sample.dot(row) + bias[c]
                    }
                }
                let p = RoleEvidence.softmax(logits)
                v.withUnsafeMutableBufferPointer { all in
                    for c in 0..<classes {
                        let gradient = w[i] * (p[c] - (c == y[i] ? 1 : 0))
                        guard gradient != 0 else { continue }
                        let delta = eta * gradient / scale
                        let base = c * features
                        for k in 0..<sample.indices.count {
                            all[base + sample.indices[k]] -= delta * sample.values[k]
                        }
                        bias[c] -= eta * gradient * 0.1
                    }
                }
            }
        }
        return Weights(matrix: v.map { $0 * scale }, bias: bias, features: features)
    }

    /// Rocchio: a class's weights are the unit-length weighted mean of its vectors; the score is a cosine.
    func centroid(x: [SparseVector], y: [Int], w: [Double], classes: Int, features: Int) -> Weights {
        var matrix = [Double](repeating: 0, count: classes * features)
        for (i, sample) in x.enumerated() {
            for (feature, value) in zip(sample.indices, sample.values) {
                matrix[y[i] * features + feature] += w[i] * value
            }
        }
        for c in 0..<classes {
            let range = (c * features)..<((c + 1) * features)
            let norm = matrix[range].reduce(0) { $0 + $1 * $1 }.squareRoot()
            if norm > 0 { for k in range { matrix[k] /= norm } }
        }
        return Weights(matrix: matrix, bias: [Double](repeating: 0, count: classes), features: features)
    }

    /// Multinomial naive Bayes over TF-IDF weights with uniform priors: weights are log feature probabilities.
    func naiveBayes(x: [SparseVector], y: [Int], w: [Double], classes: Int, features: Int) -> Weights {
        var totals = [Double](repeating: 0, count: classes * features)
        for (i, sample) in x.enumerated() {
            for (feature, value) in zip(sample.indices, sample.values) {
                totals[y[i] * features + feature] += w[i] * value
            }
        }
        var matrix = totals
        let alpha = settings.smoothing
        for c in 0..<classes {
            let range = (c * features)..<((c + 1) * features)
            let sum = totals[range].reduce(0, +) + alpha * Double(features)
            for k in range { matrix[k] = log((totals[k] + alpha) / sum) }
        }
        return Weights(matrix: matrix, bias: [Double](repeating: 0, count: classes), features: features)
    }
}
