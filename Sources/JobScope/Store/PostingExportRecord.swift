import Foundation

/// One stored posting with its whole analysis, as `analyze --output` writes it (a JSONL line or a CSV row).
public struct PostingExportRecord: Sendable, Codable, Equatable {
    public var id: String
    /// Every place the posting was seen, first first.
    public var sources: [PostingSource]
    public var title: String?
    public var company: String?
    public var location: String?
    public var datePosted: PostingDate?
    /// The decided role: a role id, or `other`.
    public var role: String
    /// Chosen role id; nil for Other.
    public var roleID: String?
    public var secondaryRoleID: String?
    /// For Other: the role it came nearest to.
    public var nearestRoleID: String?
    public var confidence: Double
    /// Every role's probability, highest first.
    public var roles: [RoleScore]
    public var skills: [SkillMention]
    public var attributes: PostingAttributes
    /// The posting this one is a near-duplicate repost of.
    public var repostOf: String?
    public var modelVersion: String
    /// `Posting.contentHash` of what was analyzed: with `id`, what deduplicating merged results compares.
    public var contentHash: String?
    /// The body's SimHash as 16 hex digits (nil for a body too short to fingerprint): what finding
    /// near-duplicate reposts across merged results compares.
    public var simhash: String?
    /// How much the work involves AI (nil in stores written before it was recorded).
    public var aiInvolvement: AIInvolvement?
    /// Every role the posting hires for, the decided one first (several for a multi-role Hacker News post).
    public var hiredRoles: [String]

    public init(id: String, sources: [PostingSource], title: String?, company: String?, location: String?,
                datePosted: PostingDate?, roleID: String?, secondaryRoleID: String?, nearestRoleID: String?,
                confidence: Double, roles: [RoleScore], skills: [SkillMention], attributes: PostingAttributes,
                repostOf: String?, modelVersion: String, contentHash: String? = nil, simhash: String? = nil,
                aiInvolvement: AIInvolvement? = nil, hiredRoles: [String]? = nil) {
        self.id = id
        self.sources = sources
        self.title = title
        self.company = company
        self.location = location
        self.datePosted = datePosted
        self.role = roleID ?? RoleModel.otherClass
        self.roleID = roleID
        self.secondaryRoleID = secondaryRoleID
        self.nearestRoleID = nearestRoleID
        self.confidence = confidence
        self.roles = roles
        self.skills = skills
        self.attributes = attributes
        self.repostOf = repostOf
        self.modelVersion = modelVersion
        self.contentHash = contentHash
        self.simhash = simhash
        self.aiInvolvement = aiInvolvement
        self.hiredRoles = hiredRoles ?? [roleID ?? RoleModel.otherClass]
    }
}
