/// A level on an ordered scale of the taxonomy (education, seniority): higher `rank` is more advanced.
public struct RankedLevel: Sendable, Codable, Equatable, Identifiable {
    public var id: String
    public var name: String
    public var rank: Int
    /// Lowercase phrases that signal the level in a posting.
    public var keywords: [String]

    public init(id: String, name: String, rank: Int, keywords: [String]) {
        self.id = id
        self.name = name
        self.rank = rank
        self.keywords = keywords
    }
}

/// An education level, ordered by `rank`.
public typealias EducationLevel = RankedLevel
/// A seniority level, ordered by `rank`.
public typealias SeniorityLevel = RankedLevel
