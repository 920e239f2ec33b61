import Foundation
import Testing

/// Every command that prints postings reads folders and writes `--format jsonl`: one JSON object a line, with
/// `source` an object naming the file.
@Suite("posting output", .enabled(if: CLI.available, CLI.skipReason))
struct OutputFormatTests {
    @Test(
        "jsonl: one object per posting of the folder, source an object with its path",
        arguments: ["extract", "skills", "classify"])
    func jsonLines(command: String) throws {
        let result = try CLI.run([command, "Examples/pages", "--format", "jsonl"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 9, "Examples/pages holds nine pages")
        for line in lines {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let source = try #require(object["source"] as? [String: Any], "\(command): source is an object")
            #expect((source["path"] as? String)?.hasPrefix("Examples/pages/") == true)
        }
    }

    @Test("json: one array holding what jsonl writes line by line", arguments: ["extract", "skills", "classify"])
    func jsonArray(command: String) throws {
        let lines = try CLI.run([command, "Examples/text", "--format", "jsonl"]).stdout.split(separator: "\n")
        let array = try CLI.run([command, "Examples/text", "--format", "json"])
        let decoded = try #require(try JSONSerialization.jsonObject(with: Data(array.stdout.utf8)) as? [Any])
        #expect(decoded.count == lines.count)
        #expect(!decoded.isEmpty)
    }

    @Test("the built executable finds the repository's Models/ by walking up from itself, with no setting")
    func modelsBesideTheExecutable() throws {
        let result = try CLI.run(["taxonomy", "--roles"], models: false)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("ROLES"))
    }

    @Test("--models and JOBSCOPE_MODELS name the folder; a wrong one is an error naming it")
    func explicitModels() throws {
        let folder = try CLI.scratch()
        let wrong = folder.appendingPathComponent("elsewhere").path
        let result = try CLI.run(["taxonomy", "--models", wrong], in: folder)
        #expect(result.status == 2)
        #expect(result.stderr.contains(wrong))
        #expect(try CLI.run(["taxonomy", "--models", CLI.models.path], in: folder, models: false).status == 0)
    }
}
