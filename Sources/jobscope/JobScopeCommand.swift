import ArgumentParser
import Foundation
import JobScope

@main
struct JobScopeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "jobscope",
        abstract: "Find which generative-AI roles and skills job postings ask for, and how demand changes.",
        discussion: """
            Exit status (every command): 0 all input read; 1 some input unreadable (the rest done); 2 could not \
            run (models, store, output, disk); 64 bad arguments; 130 analyze stopped by Ctrl-C.
            """,
        version: JobScopeVersion.current,
        subcommands: [
            ClassifyCommand.self, AnalyzeCommand.self, ReportCommand.self,
            ExtractCommand.self, SkillsCommand.self, TaxonomyCommand.self,
            TrainCommand.self, EvaluateCommand.self, EvaluateSkillsCommand.self, TitlesCommand.self, StreamCommand.self,
        ]
    )

    /// Parses, runs, and maps whatever ended the command to one exit status (`ExitStatus`): argument errors exit
    /// 64 as ArgumentParser reports them, input problems exit through the `ExitCode` the command threw, and any
    /// other error is one `error:` line and status 2.
    static func main() async {
        let command: ParsableCommand
        do {
            command = try parseAsRoot()
        } catch {
            exit(withError: error)
        }
        do {
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                var command = command
                try command.run()
            }
        } catch let error where error is ExitCode || error is ValidationError || error is CleanExit {
            exit(withError: error)
        } catch let error as LocalizedError {
            Console().error(error.errorDescription ?? "\(error)")
            exit(withError: ExitStatus.couldNotRun.code)
        } catch {
            // ArgumentParser's own requests thrown from a command it built (`jobscope help analyze`): help,
            // usage or version, printed as ArgumentParser prints them.
            exit(withError: error)
        }
    }
}
