import Foundation

/// One role's score for a posting.
public struct RoleScore: Sendable, Codable, Hashable {
    /// `Role.id`.
    public var roleID: String
    public var name: String
    public var kind: RoleKind
    /// Calibrated probability in 0...1; the scores of one posting sum to at most 1 (the rest is "Other").
    public var probability: Double

    public init(roleID: String, name: String, kind: RoleKind, probability: Double) {
        self.roleID = roleID
        self.name = name
        self.kind = kind
        self.probability = probability
    }
}

/// A term and how much it pushed the posting toward the chosen role.
public struct WeightedTerm: Sendable, Codable, Hashable {
    public var term: String
    public var weight: Double

    public init(term: String, weight: Double) {
        self.term = term
        self.weight = weight
    }
}

/// Why the classifier chose what it chose, in terms a user can check against the posting.
public struct RoleExplanation: Sendable, Codable, Hashable {
    /// Title keywords that matched the chosen role.
    public var titleKeywords: [String]
    /// The body terms with the largest contribution toward the chosen role.
    public var topTerms: [WeightedTerm]
    /// Skill ids found in the posting that the chosen role's documentation lists.
    public var matchedRoleSkills: [String]

    public init(titleKeywords: [String] = [], topTerms: [WeightedTerm] = [], matchedRoleSkills: [String] = []) {
        self.titleKeywords = titleKeywords
        self.topTerms = topTerms
        self.matchedRoleSkills = matchedRoleSkills
    }
}

/// The classifier's answer for one posting.
public struct RoleClassification: Sendable, Codable, Hashable {
    /// The chosen role id, or nil when the posting fits no role in the taxonomy ("Other").
    public var roleID: String?
    /// A close second role, when two are near ("Data Scientist / Machine Learning Engineer").
    public var secondaryRoleID: String?
    /// Confidence in the answer given (the chosen role's probability, or the probability of Other).
    public var confidence: Double
    /// Every role's probability, highest first.
    public var ranked: [RoleScore]
    /// For Other: the nearest role, so a user sees what it almost was.
    public var nearestRoleID: String?
    public var explanation: RoleExplanation

    public init(roleID: String?, secondaryRoleID: String? = nil, confidence: Double, ranked: [RoleScore],
                nearestRoleID: String? = nil, explanation: RoleExplanation = .init()) {
        self.roleID = roleID
        self.secondaryRoleID = secondaryRoleID
        self.confidence = confidence
        self.ranked = ranked
        self.nearestRoleID = nearestRoleID
        self.explanation = explanation
    }

    /// True when the posting fits no role.
    public var isOther: Bool { roleID == nil }
}
