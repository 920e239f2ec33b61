import Foundation

/// Everything JobScope concluded about one posting.
public struct PostingAnalysis: Sendable, Codable, Hashable {
    public var posting: Posting
    public var skills: [SkillMention]
    public var attributes: PostingAttributes
    public var classification: RoleClassification
    /// The model version that produced the classification (`RoleModel.version`).
    public var modelVersion: String

    public init(posting: Posting, skills: [SkillMention], attributes: PostingAttributes,
                classification: RoleClassification, modelVersion: String) {
        self.posting = posting
        self.skills = skills
        self.attributes = attributes
        self.classification = classification
        self.modelVersion = modelVersion
    }
}
