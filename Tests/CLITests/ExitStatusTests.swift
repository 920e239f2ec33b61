import Foundation
import GRDB
import JobScope
import Testing

/// Every command exits by the one table: 0 all input read, 1 some input unreadable (the rest done), 2 could not
/// run (setup, store, output, disk), 64 bad arguments.
@Suite("exit status", .enabled(if: CLI.available, CLI.skipReason))
struct ExitStatusTests {
    static let commands = [
        "classify", "analyze", "report", "extract", "skills", "taxonomy", "train", "evaluate",
        "evaluate-skills",
    ]
    /// The commands that read posting files, with the arguments each needs besides its paths.
    static let readers: [(String, [String])] = [
        ("extract", []), ("skills", []), ("classify", []), ("analyze", ["--store", "store.sqlite", "--quiet"]),
    ]

    @Test("--version prints this JobScope's version")
    func version() throws {
        let result = try CLI.run(["--version"])
        #expect(result.status == 0)
        #expect(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == JobScopeVersion.current)
    }

    @Test("an unknown option is a bad argument: 64", arguments: commands)
    func unknownOption(command: String) throws {
        let result = try CLI.run([command, "--no-such-option"])
        #expect(result.status == 64, "\(command): \(result.stderr)")
    }

    @Test(
        "the shared input options are validated once, the same way, by every command that reads postings",
        arguments: [
            ["--column", "bogus=Foo"], ["--column", "title"], ["--jobs", "0"], ["--max-size", "0"],
            ["--collected", "2024-13-01"],
        ])
    func inputOptions(bad: [String]) throws {
        for (command, extra) in Self.readers {
            let result = try CLI.run([command, "Examples/model-trainer.txt"] + extra + bad)
            #expect(result.status == 64, "\(command) \(bad): \(result.stderr)")
            #expect(result.stderr.contains(bad[0]), "\(command): the message names \(bad[0])")
        }
    }

    @Test("a folder read to the end: 0, for every command that reads postings")
    func allRead() throws {
        for (command, extra) in Self.readers {
            let result = try CLI.run([command, "Examples"] + extra)
            #expect(result.status == 0, "\(command): \(result.stderr)")
            #expect(!result.stderr.contains("error:"), "\(command): \(result.stderr)")
        }
    }

    @Test("a missing file among readable ones: 1, the readable one still done, the missing one named")
    func someUnreadable() throws {
        for (command, extra) in Self.readers {
            let result = try CLI.run(
                [command, "Examples/model-trainer.txt", "missing.txt", "--format", "jsonl"]
                    .filter { command != "analyze" || !["--format", "jsonl"].contains($0) } + extra)
            #expect(result.status == 1, "\(command): \(result.stderr)")
            #expect(result.stderr.contains("error: missing.txt"), "\(command): \(result.stderr)")
            if command != "analyze" {
                #expect(result.stdout.split(separator: "\n").count == 1, "\(command) printed the readable posting")
            }
        }
    }

    @Test(
        "models that cannot be found: 2, for every command that loads them",
        arguments: ["classify", "analyze", "skills", "taxonomy", "report", "train", "evaluate", "evaluate-skills"])
    func missingModels(command: String) throws {
        let folder = try CLI.scratch()
        var arguments = [command, "--models", folder.appendingPathComponent("nowhere").path]
        if ["classify", "analyze", "skills"].contains(command) { arguments.insert("Examples", at: 1) }
        if command == "report" {
            // A store to report on, so that only the models are missing.
            #expect(try CLI.run(["analyze", "Examples", "--quiet"], in: folder).status == 0)
        }
        let result = try CLI.run(arguments, in: folder)
        #expect(result.status == 2, "\(command): \(result.stderr)")
        #expect(result.stderr.hasPrefix("error: "), "\(command): one error line, in the console's style")
    }

    @Test("no store, a store that cannot be created, an output that cannot be written: 2")
    func storeAndOutput() throws {
        let folder = try CLI.scratch()
        #expect(try CLI.run(["report", "--store", "none.sqlite"], in: folder).status == 2)
        #expect(try CLI.run(["analyze", "Examples", "--store", "no/such/folder/x.sqlite"], in: folder).status == 2)
        #expect(
            try CLI.run(["analyze", "Examples", "--quiet", "--output", "no/such/folder/x.jsonl"], in: folder)
                .status == 2)
        #expect(
            try CLI.run(["report", "--output", "no/such/folder/report.md", "--format", "markdown"], in: folder)
                .status == 2)
    }

    @Test("report: a bad value of an option is a bad argument (64), also when only the taxonomy can tell")
    func reportArguments() throws {
        let folder = try CLI.scratch()
        #expect(try CLI.run(["analyze", "Examples", "--quiet"], in: folder).status == 0)
        #expect(try CLI.run(["report"], in: folder).status == 0)
        #expect(try CLI.run(["report", "--role", "no-such-role"], in: folder).status == 64)
        #expect(try CLI.run(["report", "--since", "last-tuesday"], in: folder).status == 64)
        #expect(try CLI.run(["report", "--compare", "2023"], in: folder).status == 64)
    }

    @Test("a store written by a newer JobScope is refused with a message saying so: 2")
    func newerStore() throws {
        let folder = try CLI.scratch()
        #expect(try CLI.run(["analyze", "Examples/model-trainer.txt", "--quiet"], in: folder).status == 0)
        let store = folder.appendingPathComponent("jobscope.sqlite").path
        try DatabaseQueue(path: store).write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations VALUES ('v99-from-the-future')")
        }
        for arguments in [["report"], ["analyze", "Examples/model-trainer.txt", "--quiet"]] {
            let result = try CLI.run(arguments, in: folder)
            #expect(result.status == 2)
            #expect(result.stderr.contains("newer JobScope"), "\(result.stderr)")
        }
    }
}
