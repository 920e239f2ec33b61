import ArgumentParser
import JobScope

@main
struct JobScopeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "jobscope",
        abstract: "Find which generative-AI roles and skills job postings ask for, and how demand changes.",
        subcommands: [
            ClassifyCommand.self, AnalyzeCommand.self, ReportCommand.self,
            ExtractCommand.self, SkillsCommand.self, TaxonomyCommand.self,
            TrainCommand.self, EvaluateCommand.self, EvaluateSkillsCommand.self, TitlesCommand.self,
        ]
    )
}
