import ArgumentParser
import JobScope

// OWNER: report. Placeholder; replace.
struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "report", abstract: "(not yet implemented)")

    func run() async throws {
        throw ValidationError("'report' is not implemented yet")
    }
}
