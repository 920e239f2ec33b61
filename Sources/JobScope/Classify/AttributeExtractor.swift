import Foundation

// OWNER: taxonomy (issue 3). Placeholder so other stages compile; replace the body.

/// Reads education, experience, seniority, workplace, salary and domains from a posting.
public struct AttributeExtractor: Sendable {
    public let taxonomy: Taxonomy

    public init(taxonomy: Taxonomy) {
        self.taxonomy = taxonomy
    }

    /// The posting's attributes.
    public func attributes(of posting: Posting) -> PostingAttributes {
        PostingAttributes()
    }
}
