import Foundation

/// Everything the classifier weighs for one posting, per class (classes as in `RoleModel.classes`, `other` last).
public struct RoleEvidence: Sendable {
    /// Body score per class: the linear model's logit on the TF-IDF vector.
    public var body: [Double]
    /// Per role (not `other`): title keywords found.
    public var titleKeywords: [[String]]
    /// Per role (not `other`): the role's documented skill ids found in the posting.
    public var roleSkills: [[String]]
    /// Per role (not `other`): the fraction of the role's documented skills found.
    public var skillOverlap: [Double]
    /// The posting has a title that was looked at.
    public var hasTitle: Bool

    public init(body: [Double], titleKeywords: [[String]], roleSkills: [[String]], skillOverlap: [Double],
                hasTitle: Bool) {
        self.body = body
        self.titleKeywords = titleKeywords
        self.roleSkills = roleSkills
        self.skillOverlap = skillOverlap
        self.hasTitle = hasTitle
    }

    /// Number of evidence features per class (the length of `features(of:)`).
    public static let featureCount = 5

    /// The evidence features of class `c`: body score; a title phrase of two or more words matched; only a
    /// one-word title keyword matched ("analyst", "scientist": weaker, so weighed separately); skill overlap;
    /// "titled but no role named" (the last only for `other`). The logit is their dot product with
    /// `EvidenceWeights.vector`.
    public func features(of c: Int) -> [Double] {
        let isOther = c == body.count - 1
        let phrases = isOther ? [] : titleKeywords[c]
        let long = phrases.contains { $0.split(separator: " ").count >= 2 } ? 1.0 : 0
        let short = long == 0 && !phrases.isEmpty ? 1.0 : 0
        let skills = isOther ? 0 : skillOverlap[c]
        let unnamed = isOther && hasTitle && titleKeywords.allSatisfy(\.isEmpty) ? 1.0 : 0
        return [body[c], long, short, skills, unnamed]
    }

    /// The combined logit per class.
    public func logits(_ weights: EvidenceWeights) -> [Double] {
        let theta = weights.vector
        return (0..<body.count).map { c in zip(features(of: c), theta).reduce(0) { $0 + $1.0 * $1.1 } }
    }

    /// Softmax probabilities per class.
    public func probabilities(_ weights: EvidenceWeights) -> [Double] {
        Self.softmax(logits(weights))
    }

    /// Numerically stable softmax.
    public static func softmax(_ logits: [Double]) -> [Double] {
        guard let top = logits.max() else { return [] }
        let exps = logits.map { exp($0 - top) }
        let sum = exps.reduce(0, +)
        return exps.map { $0 / sum }
    }
}
