import ArgumentParser
import Foundation
import JobScope

/// Where the taxonomy and trained model come from; shared by every command that classifies.
struct ModelOptions: ParsableArguments {
    @Option(name: .long, help: "Folder with taxonomy.yaml and role-model.json (default: ./Models or the one beside the executable).")
    var models: String?

    @Option(name: .long, help: "Use this taxonomy file instead of the one in the models folder.")
    var taxonomy: String?

    /// The taxonomy from `--taxonomy`, or the one in the models folder.
    func loadTaxonomy() throws -> Taxonomy {
        if let taxonomy { return try TaxonomyLoader.load(from: URL(fileURLWithPath: taxonomy)) }
        return try TaxonomyLoader.loadDefault(modelsDirectory: models)
    }
}
