import ArgumentParser
import JobScope

// OWNER: ingest. Placeholder; replace.
struct ExtractCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "extract", abstract: "(not yet implemented)")

    func run() async throws {
        throw ValidationError("'extract' is not implemented yet")
    }
}
