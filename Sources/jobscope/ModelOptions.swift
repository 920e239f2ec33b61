import ArgumentParser
import Foundation
import JobScope

/// Where the taxonomy and trained model come from; shared by every command that loads them.
struct ModelOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Folder with taxonomy.yaml and role-model.json (default: $JOBSCOPE_MODELS, ./Models, or Models/ beside or above the executable).", valueName: "dir"))
    var models: String?

    @Option(name: .long, help: "Use this taxonomy file instead of the one in the models folder.")
    var taxonomy: String?

    /// The models folder (`ModelDirectory.locate`).
    func directory() throws -> URL {
        try ModelDirectory.locate(explicit: models)
    }

    /// The taxonomy file: `--taxonomy`, or the one in the models folder.
    func taxonomyURL() throws -> URL {
        try taxonomy.map { URL(fileURLWithPath: $0) } ?? directory().appendingPathComponent(ModelDirectory.taxonomyFile)
    }

    /// The taxonomy from `--taxonomy`, or the one in the models folder.
    func loadTaxonomy() throws -> Taxonomy {
        try TaxonomyLoader.load(from: taxonomyURL())
    }

    /// The taxonomy and the trained role model, ready to analyze postings.
    func loadAnalyzer() throws -> PostingAnalyzer {
        try PostingAnalyzer.load(modelsDirectory: models, taxonomyPath: taxonomy)
    }
}
