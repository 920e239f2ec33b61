import Foundation
import Testing

@testable import JobScope

/// The models folder is found from the options, the environment or the executable's place: never a path compiled
/// into the binary.
@Suite("ModelDirectory")
struct ModelDirectoryTests {
    /// A scratch tree with `Models/taxonomy.yaml` at `models` (relative) and an executable at `bin` (relative).
    static func tree(models: String, executable: String) throws -> (root: URL, executable: URL) {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("jobscope-models-\(UUID().uuidString)")
        let folder = root.appendingPathComponent(models)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try "version: \"1\"\n".write(
            to: folder.appendingPathComponent(ModelDirectory.taxonomyFile), atomically: true,
            encoding: .utf8)
        let exe = root.appendingPathComponent(executable)
        try FileManager.default.createDirectory(at: exe.deletingLastPathComponent(), withIntermediateDirectories: true)
        return (root, exe)
    }

    @Test("--models wins, then JOBSCOPE_MODELS, whether or not the folder exists (an error names it later)")
    func explicitAndEnvironment() throws {
        let given = try ModelDirectory.locate(
            explicit: "/given", environment: ["JOBSCOPE_MODELS": "/env"],
            executable: nil)
        #expect(given.path == "/given")
        let env = try ModelDirectory.locate(explicit: nil, environment: ["JOBSCOPE_MODELS": "/env"], executable: nil)
        #expect(env.path == "/env")
    }

    @Test("a build folder inside a checkout finds the checkout's Models/ by walking up from the executable")
    func aboveTheExecutable() throws {
        let (root, exe) = try Self.tree(models: "Models", executable: ".build/x86_64/debug/jobscope")
        let found = try ModelDirectory.locate(
            explicit: nil, environment: [:], executable: exe, workingDirectory: root.path)
        #expect(found.standardizedFileURL.path == root.appendingPathComponent("Models").standardizedFileURL.path)
    }

    @Test("an installed copy finds share/jobscope/Models beside its bin/")
    func installed() throws {
        let (root, exe) = try Self.tree(models: "share/jobscope/Models", executable: "bin/jobscope")
        let found = try ModelDirectory.locate(
            explicit: nil, environment: [:], executable: exe, workingDirectory: root.path)
        #expect(
            found.standardizedFileURL.path
                == root.appendingPathComponent("share/jobscope/Models").standardizedFileURL.path)
    }

    @Test("nothing found: the error lists where it looked and says what to pass")
    func notFound() throws {
        let (root, exe) = try Self.tree(models: "elsewhere/Models", executable: "bin/jobscope")
        do {
            _ = try ModelDirectory.locate(explicit: nil, environment: [:], executable: exe, workingDirectory: root.path)
            Issue.record("found a models folder that is not there")
        } catch let error as ModelDirectoryError {
            #expect(error.localizedDescription.contains("--models DIR"))
            #expect(error.localizedDescription.contains(exe.deletingLastPathComponent().path))
        }
    }
}
