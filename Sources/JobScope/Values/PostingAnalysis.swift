import Foundation

/// Everything JobScope concluded about one posting.
public struct PostingAnalysis: Sendable, Codable, Hashable {
    public var posting: Posting
    public var skills: [SkillMention]
    public var attributes: PostingAttributes
    public var classification: RoleClassification
    /// The model version that produced the classification (`RoleModel.version`).
    public var modelVersion: String
    /// How much the posting's work involves AI (from the AI evidence asked of the candidate).
    public var aiInvolvement: AIInvolvement
    /// Every role the posting hires for, the decided role first; one per named title for a post that hires
    /// for several (`Posting.titles`). Counts in the store and the report count each.
    public var hiredRoles: [HiredRole]

    public init(posting: Posting, skills: [SkillMention], attributes: PostingAttributes,
                classification: RoleClassification, modelVersion: String, aiInvolvement: AIInvolvement? = nil,
                hiredRoles: [HiredRole]? = nil) {
        self.posting = posting
        self.skills = skills
        self.attributes = attributes
        self.classification = classification
        self.modelVersion = modelVersion
        self.aiInvolvement = aiInvolvement ?? classification.aiInvolvement
        self.hiredRoles = hiredRoles ?? [HiredRole(title: nil, roleID: classification.roleID ?? RoleModel.otherClass)]
    }
}
