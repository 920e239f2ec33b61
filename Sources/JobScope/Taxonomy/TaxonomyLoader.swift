import Foundation

// OWNER: taxonomy (issue 3). Placeholder so other stages compile; replace the body.

/// Loads and validates a taxonomy file.
public enum TaxonomyLoader {
    /// The taxonomy at `url` (YAML), validated.
    public static func load(from url: URL) throws -> Taxonomy {
        throw CocoaError(.featureUnsupported)
    }

    /// The taxonomy in the located `Models/` folder.
    public static func loadDefault(modelsDirectory: String? = nil) throws -> Taxonomy {
        try load(from: ModelDirectory.locate(explicit: modelsDirectory).appendingPathComponent(ModelDirectory.taxonomyFile))
    }
}
