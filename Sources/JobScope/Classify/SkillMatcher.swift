import Foundation

// OWNER: taxonomy (issue 3). Placeholder so other stages compile; replace the body.

/// Finds the taxonomy's skills in a posting.
public struct SkillMatcher: Sendable {
    public let taxonomy: Taxonomy

    public init(taxonomy: Taxonomy) {
        self.taxonomy = taxonomy
    }

    /// Every skill the posting mentions, with evidence, in order of first mention.
    public func mentions(in posting: Posting) -> [SkillMention] {
        []
    }
}
