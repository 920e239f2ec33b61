import Foundation

/// One role a posting hires for: the title that names it (nil for the posting's own title) and the decided
/// role id (`other` for none of JobScope's roles).
public struct HiredRole: Sendable, Codable, Hashable {
    public var title: String?
    public var roleID: String

    public init(title: String?, roleID: String) {
        self.title = title
        self.roleID = roleID
    }
}
