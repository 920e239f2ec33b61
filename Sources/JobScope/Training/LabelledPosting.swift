import Foundation

/// A posting with the class it is known to be (from a title rule, an explicit label, or a role profile).
public struct LabelledPosting: Sendable {
    public var posting: Posting
    /// Class name: a role id or `other`.
    public var label: String
    /// The employer it belongs to, for grouped cross-validation (`EmployerGroup.key`).
    public var group: String
    /// A role profile from `Corpus/roles/`: always trained on, never tested.
    public var isProfile: Bool
    /// Taxonomy skill ids found in the posting.
    public var skillIDs: [String]

    public init(posting: Posting, label: String, group: String, isProfile: Bool = false, skillIDs: [String] = []) {
        self.posting = posting
        self.label = label
        self.group = group
        self.isProfile = isProfile
        self.skillIDs = skillIDs
    }
}
