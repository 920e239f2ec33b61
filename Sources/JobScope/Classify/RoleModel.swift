import Foundation

// OWNER: classifier (issue 4). Placeholder so other stages compile; replace freely (keep `version`, `load`).

/// The trained role model as stored in `Models/role-model.json`.
public struct RoleModel: Sendable, Codable {
    /// Identifies this model; stored with every result so a re-run knows what to reclassify.
    public var version: String
    /// The taxonomy version it was built for.
    public var taxonomyVersion: String

    public init(version: String, taxonomyVersion: String) {
        self.version = version
        self.taxonomyVersion = taxonomyVersion
    }

    /// The model at `url`.
    public static func load(from url: URL) throws -> RoleModel {
        try JSONDecoder().decode(RoleModel.self, from: Data(contentsOf: url))
    }
}
