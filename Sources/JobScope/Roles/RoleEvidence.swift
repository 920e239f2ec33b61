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
    /// Per class (including `other`): 1 for the class the title parser names, 0.5 for a second role it
    /// supports, 0 otherwise (all 0 when the title is undecided or hidden).
    public var parsedTitle: [Double]
    /// The title as the parser read it (nil when hidden or when the model carries no parse rules).
    public var parsed: ParsedTitle?
    /// The AI evidence of the body alone (what decides the AI-gated roles) and of body plus title (reported).
    public var bodyAI: AIEvidenceCounts
    public var postingAI: AIEvidenceCounts
    /// Per class (including `other`): how strongly the body's AI evidence is of the kind the class's work builds
    /// (generative-AI terms for a class whose floor is builds_genai, ML or generative-AI terms for one whose
    /// floor is builds_ml), 0 to 1; 0 for classes that build nothing. Vocabulary-free, so it travels between
    /// sources better than the body's words.
    public var aiMatch: [Double]
    /// Per class (including `other`): the share of the titles the body itself names ("As a Product Manager,
    /// you…") that name the class (`BodyRoleStatements`); all 0 when it names none.
    public var bodyStated: [Double]

    public init(body: [Double], titleKeywords: [[String]], roleSkills: [[String]], skillOverlap: [Double],
                hasTitle: Bool, parsedTitle: [Double]? = nil, parsed: ParsedTitle? = nil,
                bodyAI: AIEvidenceCounts = .init(), postingAI: AIEvidenceCounts = .init(), aiMatch: [Double]? = nil,
                bodyStated: [Double]? = nil) {
        self.body = body
        self.titleKeywords = titleKeywords
        self.roleSkills = roleSkills
        self.skillOverlap = skillOverlap
        self.hasTitle = hasTitle
        self.parsedTitle = parsedTitle ?? [Double](repeating: 0, count: body.count)
        self.parsed = parsed
        self.bodyAI = bodyAI
        self.postingAI = postingAI
        self.aiMatch = aiMatch ?? [Double](repeating: 0, count: body.count)
        self.bodyStated = bodyStated ?? [Double](repeating: 0, count: body.count)
    }

    /// Number of evidence features per class (the length of `features(of:)`).
    public static let featureCount = 8

    /// The evidence features of class `c`: body score; a title phrase of two or more words matched; only a
    /// one-word title keyword matched ("analyst", "scientist": weaker, so weighed separately); skill overlap;
    /// "titled but no role named" (the last only for `other`); the title parser names the class; the body's AI
    /// evidence is of the class's kind; the body names the class as its job. The logit is
    /// their dot product with `EvidenceWeights.vector`.
    public func features(of c: Int) -> [Double] {
        let isOther = c == body.count - 1
        let phrases = isOther ? [] : titleKeywords[c]
        let long = phrases.contains { $0.split(separator: " ").count >= 2 } ? 1.0 : 0
        let short = long == 0 && !phrases.isEmpty ? 1.0 : 0
        let skills = isOther ? 0 : skillOverlap[c]
        let unnamed = isOther && hasTitle && titleKeywords.allSatisfy(\.isEmpty) ? 1.0 : 0
        return [body[c], long, short, skills, unnamed, parsedTitle[c], aiMatch[c], bodyStated[c]]
    }

    /// The combined logit per class.
    public func logits(_ weights: EvidenceWeights) -> [Double] {
        let theta = weights.vector
        return (0..<body.count).map { c in zip(features(of: c), theta).reduce(0) { $0 + $1.0 * $1.1 } }
    }

    /// Softmax probabilities per class of the body evidence alone (what "the body strongly contradicts the
    /// title" is judged by).
    public func bodyProbabilities(_ weights: EvidenceWeights) -> [Double] {
        Self.softmax(body.map { $0 * max(weights.body, 1e-6) })
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
