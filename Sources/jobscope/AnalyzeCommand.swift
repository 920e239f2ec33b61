import ArgumentParser
import JobScope

// OWNER: store. Placeholder; replace.
struct AnalyzeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "analyze", abstract: "(not yet implemented)")

    func run() async throws {
        throw ValidationError("'analyze' is not implemented yet")
    }
}
