import ArgumentParser
import JobScope

// OWNER: taxonomy. Placeholder; replace.
struct SkillsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "skills", abstract: "(not yet implemented)")

    func run() async throws {
        throw ValidationError("'skills' is not implemented yet")
    }
}
