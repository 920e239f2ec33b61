import Foundation

/// Whether a posting demands a skill or only would like it.
public enum RequirementLevel: String, Sendable, Codable, CaseIterable {
    /// Listed under requirements, qualifications, "must have".
    case required
    /// Listed under "nice to have", "bonus", "preferred".
    case preferred
    /// Mentioned where the posting says neither (responsibilities, an unsectioned body).
    case mentioned
}

/// Where in the text a match was found, so a user can check it.
public struct Evidence: Sendable, Codable, Hashable {
    /// The text as it stands in the posting ("scikit-learn", "R").
    public var matched: String
    /// Offsets in the searched text, in UTF-16 code units (what NSString and JavaScript count): start, end.
    public var start: Int
    public var end: Int
    /// A short window of text around the match.
    public var snippet: String

    public init(matched: String, start: Int, end: Int, snippet: String) {
        self.matched = matched
        self.start = start
        self.end = end
        self.snippet = snippet
    }
}

/// One taxonomy skill found in a posting.
public struct SkillMention: Sendable, Codable, Hashable {
    public var skillID: String
    public var name: String
    public var category: SkillCategory
    /// The strongest level any mention had (required beats preferred beats mentioned).
    public var requirement: RequirementLevel
    /// How many times the skill was found.
    public var count: Int
    /// Up to a few matches, first first.
    public var evidence: [Evidence]
    /// How the skill was found when the posting does not spell it: "title" for one its title implies (the
    /// skill's `titleHeads`); nil for a skill the posting names.
    public var inferred: String?

    public init(skillID: String, name: String, category: SkillCategory, requirement: RequirementLevel,
                count: Int, evidence: [Evidence], inferred: String? = nil) {
        self.skillID = skillID
        self.name = name
        self.category = category
        self.requirement = requirement
        self.count = count
        self.evidence = evidence
        self.inferred = inferred
    }
}
