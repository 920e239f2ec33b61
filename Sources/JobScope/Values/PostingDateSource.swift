import Foundation

/// Where a posting's date came from when the posting did not carry it itself.
public enum PostingDateSource: String, Sendable, Codable, Hashable, CaseIterable {
    /// A `YYYY-MM` or `YYYY-MM-DD` folder or file-name segment of the posting's path (a month gives day 1).
    case path
}
