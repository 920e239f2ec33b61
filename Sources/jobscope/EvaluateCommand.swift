import ArgumentParser
import JobScope

// OWNER: classifier. Placeholder; replace.
struct EvaluateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "evaluate", abstract: "(not yet implemented)")

    func run() async throws {
        throw ValidationError("'evaluate' is not implemented yet")
    }
}
