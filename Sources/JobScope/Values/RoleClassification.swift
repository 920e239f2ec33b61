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
    /// What decided the answer: `title` (the title names the role), `model` (the combined evidence), or
    /// `title-contradicted` (the title named a role the body strongly contradicts).
    public var decidedBy: String?
    /// The title-parser rule(s) that read the title ("software-engineer.named+generative-ai.engineering").
    public var titleRule: String?
    /// A sentence on the AI-involvement decision when it changed the role ("no AI work: Product Manager").
    public var aiNote: String?

    public init(titleKeywords: [String] = [], topTerms: [WeightedTerm] = [], matchedRoleSkills: [String] = [],
                decidedBy: String? = nil, titleRule: String? = nil, aiNote: String? = nil) {
        self.titleKeywords = titleKeywords
        self.topTerms = topTerms
        self.matchedRoleSkills = matchedRoleSkills
        self.decidedBy = decidedBy
        self.titleRule = titleRule
        self.aiNote = aiNote
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
    /// How much the posting's work involves AI (what decides the AI-gated roles).
    public var aiInvolvement: AIInvolvement

    public init(roleID: String?, secondaryRoleID: String? = nil, confidence: Double, ranked: [RoleScore],
                nearestRoleID: String? = nil, explanation: RoleExplanation = .init(),
                aiInvolvement: AIInvolvement = .none) {
        self.roleID = roleID
        self.secondaryRoleID = secondaryRoleID
        self.confidence = confidence
        self.ranked = ranked
        self.nearestRoleID = nearestRoleID
        self.explanation = explanation
        self.aiInvolvement = aiInvolvement
    }

    private enum CodingKeys: String, CodingKey {
        case roleID, secondaryRoleID, confidence, ranked, nearestRoleID, explanation, aiInvolvement
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(roleID: try c.decodeIfPresent(String.self, forKey: .roleID),
                  secondaryRoleID: try c.decodeIfPresent(String.self, forKey: .secondaryRoleID),
                  confidence: try c.decode(Double.self, forKey: .confidence),
                  ranked: try c.decode([RoleScore].self, forKey: .ranked),
                  nearestRoleID: try c.decodeIfPresent(String.self, forKey: .nearestRoleID),
                  explanation: try c.decode(RoleExplanation.self, forKey: .explanation),
                  aiInvolvement: try c.decodeIfPresent(AIInvolvement.self, forKey: .aiInvolvement) ?? .none)
    }

    /// True when the posting fits no role.
    public var isOther: Bool { roleID == nil }
}
