import ArgumentParser
import JobScope

// OWNER: classifier. Placeholder; replace.
struct ClassifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "classify", abstract: "(not yet implemented)")

    func run() async throws {
        throw ValidationError("'classify' is not implemented yet")
    }
}
