import Foundation

/// One skill of a posting, as the report counts it.
public struct ReportSkill: Sendable, Codable, Hashable {
    public var skillID: String
    public var category: SkillCategory
    public var requirement: RequirementLevel

    public init(skillID: String, category: SkillCategory, requirement: RequirementLevel) {
        self.skillID = skillID
        self.category = category
        self.requirement = requirement
    }
}

/// What the trend report needs of one analyzed posting (no body, no evidence), as the store hands it over.
public struct ReportRecord: Sendable, Codable, Hashable {
    public var postingID: String
    /// The file the posting came from.
    public var sourcePath: String
    public var datePosted: PostingDate?
    /// Chosen role id; nil for Other.
    public var roleID: String?
    public var secondaryRoleID: String?
    public var confidence: Double
    public var skills: [ReportSkill]
    public var attributes: PostingAttributes
    /// A near-duplicate repost of an earlier posting (excluded from counts unless asked for).
    public var isRepost: Bool
    /// The posting this one reposts (`isRepost`); `--count active` counts the original in the repost's period.
    public var repostOf: String?
    public var company: String?
    public var location: String?
    /// The collection the posting came from (the folder or file below the input `analyze` was given); nil: the
    /// report derives it from `sourcePath`.
    public var collection: String?
    /// How the job involves AI; nil when the store predates the signal.
    public var aiInvolvement: AIInvolvement?

    public init(postingID: String, sourcePath: String, datePosted: PostingDate?, roleID: String?,
                secondaryRoleID: String? = nil, confidence: Double, skills: [ReportSkill],
                attributes: PostingAttributes, isRepost: Bool = false, repostOf: String? = nil,
                company: String? = nil, location: String? = nil, collection: String? = nil,
                aiInvolvement: AIInvolvement? = nil) {
        self.postingID = postingID
        self.sourcePath = sourcePath
        self.datePosted = datePosted
        self.roleID = roleID
        self.secondaryRoleID = secondaryRoleID
        self.confidence = confidence
        self.skills = skills
        self.attributes = attributes
        self.isRepost = isRepost || repostOf != nil
        self.repostOf = repostOf
        self.company = company
        self.location = location
        self.collection = collection
        self.aiInvolvement = aiInvolvement
    }

    /// The record of an analysis.
    public init(analysis: PostingAnalysis, isRepost: Bool = false) {
        self.init(postingID: analysis.posting.id, sourcePath: analysis.posting.source.path,
                  datePosted: analysis.posting.datePosted, roleID: analysis.classification.roleID,
                  secondaryRoleID: analysis.classification.secondaryRoleID,
                  confidence: analysis.classification.confidence,
                  skills: analysis.skills.map { ReportSkill(skillID: $0.skillID, category: $0.category,
                                                           requirement: $0.requirement) },
                  attributes: analysis.attributes, isRepost: isRepost, company: analysis.posting.company,
                  location: analysis.posting.location)
    }
}
