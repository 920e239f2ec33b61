import ArgumentParser
import JobScope

// OWNER: classifier. Placeholder; replace.
struct TrainCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "train", abstract: "(not yet implemented)")

    func run() async throws {
        throw ValidationError("'train' is not implemented yet")
    }
}
