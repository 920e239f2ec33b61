import ArgumentParser
import JobScope

// OWNER: taxonomy. Placeholder; replace.
struct TaxonomyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "taxonomy", abstract: "(not yet implemented)")

    func run() async throws {
        throw ValidationError("'taxonomy' is not implemented yet")
    }
}
