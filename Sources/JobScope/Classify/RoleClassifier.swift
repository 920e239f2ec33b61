import Foundation

// OWNER: classifier (issue 4). Placeholder so other stages compile; replace the body.

/// Maps a posting to roles with calibrated probabilities and an explanation.
public struct RoleClassifier: Sendable {
    public let model: RoleModel
    public let taxonomy: Taxonomy

    public init(model: RoleModel, taxonomy: Taxonomy) {
        self.model = model
        self.taxonomy = taxonomy
    }

    /// The posting's role, given the skills already found in it.
    public func classify(_ posting: Posting, skills: [SkillMention]) -> RoleClassification {
        RoleClassification(roleID: nil, confidence: 0, ranked: [])
    }
}
