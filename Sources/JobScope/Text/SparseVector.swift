import Foundation

/// A sparse vector of feature weights: parallel arrays of strictly increasing feature indices and their values.
public struct SparseVector: Sendable, Hashable {
    public private(set) var indices: [Int]
    public private(set) var values: [Double]

    /// The empty vector.
    public init() {
        indices = []
        values = []
    }

    /// A vector from (index, value) pairs; duplicate indices are summed, zeros dropped.
    public init<S: Sequence>(pairs: S) where S.Element == (Int, Double) {
        let sorted = pairs.sorted { $0.0 < $1.0 }
        var indices: [Int] = []
        var values: [Double] = []
        indices.reserveCapacity(sorted.count)
        values.reserveCapacity(sorted.count)
        for (index, value) in sorted {
            if let last = indices.last, last == index {
                values[values.count - 1] += value
            } else {
                indices.append(index)
                values.append(value)
            }
        }
        let kept = zip(indices, values).filter { $0.1 != 0 }
        self.indices = kept.map(\.0)
        self.values = kept.map(\.1)
    }

    /// A vector from pairs whose indices strictly increase (what `init(pairs:)` gives them, without sorting);
    /// zeros dropped.
    init(ascending pairs: [(Int, Double)]) {
        var indices: [Int] = []
        var values: [Double] = []
        indices.reserveCapacity(pairs.count)
        values.reserveCapacity(pairs.count)
        for (index, value) in pairs where value != 0 {
            indices.append(index)
            values.append(value)
        }
        self.indices = indices
        self.values = values
    }

    /// Number of stored (non-zero) entries.
    public var count: Int { indices.count }

    /// The value at `index` (0 when absent).
    public subscript(index: Int) -> Double {
        var lo = 0, hi = indices.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if indices[mid] < index { lo = mid + 1 } else { hi = mid }
        }
        return lo < indices.count && indices[lo] == index ? values[lo] : 0
    }

    /// Euclidean length.
    public var norm: Double { values.reduce(0) { $0 + $1 * $1 }.squareRoot() }

    /// The vector scaled to unit length (unchanged when it is all zeros).
    public func normalized() -> SparseVector {
        let length = norm
        guard length > 0 else { return self }
        var copy = self
        copy.values = values.map { $0 / length }
        return copy
    }

    /// Dot product with a dense row of weights, where `row[index]` is the weight of feature `index`.
    @inlinable
    public func dot(_ row: UnsafeBufferPointer<Double>) -> Double {
        var sum = 0.0
        for k in 0..<indices.count { sum += values[k] * row[indices[k]] }
        return sum
    }

    /// Dot product with a dense array of weights.
    public func dot(_ row: [Double]) -> Double {
        row.withUnsafeBufferPointer { dot($0) }
    }
}
