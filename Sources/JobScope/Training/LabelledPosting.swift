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
    /// Every class the title supports, `label` first (lenient evaluation accepts any of them).
    public var acceptedLabels: [String]
    /// The corpus source it came from (`remotewlb-2024`, `glassdoor-2020`, `Corpus/roles`), for by-source splits.
    public var sourceName: String
    /// The AI evidence of the body, when already read.
    public var bodyAI: AIEvidenceCounts?

    public init(posting: Posting, label: String, group: String, isProfile: Bool = false, skillIDs: [String] = [],
                acceptedLabels: [String]? = nil, sourceName: String = "", bodyAI: AIEvidenceCounts? = nil) {
        self.posting = posting
        self.label = label
        self.group = group
        self.isProfile = isProfile
        self.skillIDs = skillIDs
        self.acceptedLabels = acceptedLabels ?? [label]
        self.sourceName = sourceName
        self.bodyAI = bodyAI
    }
}
