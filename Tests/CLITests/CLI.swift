import Foundation
import Testing

/// Runs the `jobscope` executable that `swift test` built, as a user would.
enum CLI {
    /// The repository (this file is Tests/CLITests/CLI.swift).
    static let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    /// The repository's models folder, passed explicitly (`JOBSCOPE_MODELS`) unless a test says otherwise.
    static let models = repoRoot.appendingPathComponent("Models")
    static let examples = repoRoot.appendingPathComponent("Examples")

    /// The executable built beside the test bundle, else in `.build/debug`.
    static let executable: URL? = {
        var candidates: [URL] = []
        if let runner = Bundle.main.executableURL {
            candidates.append(runner.deletingLastPathComponent().appendingPathComponent("jobscope"))
        }
        candidates.append(repoRoot.appendingPathComponent(".build/debug/jobscope"))
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()

    /// True when the executable and a trained model are there to run.
    static let available =
        executable != nil
        && FileManager.default.fileExists(atPath: models.appendingPathComponent("role-model.json").path)

    static let skipReason: Comment = "needs the jobscope executable (swift build) and Models/role-model.json; skipped"

    /// What one run gave.
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs `jobscope arguments…` in `folder` (default: a fresh scratch folder); `models: false` leaves
    /// `JOBSCOPE_MODELS` unset so the executable has to find its models itself.
    static func run(_ arguments: [String], in folder: URL? = nil, models: Bool = true) throws -> Result {
        let folder = try folder ?? scratch()
        let out = folder.appendingPathComponent(".stdout-\(UUID().uuidString)")
        let err = folder.appendingPathComponent(".stderr-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        defer {
            try? FileManager.default.removeItem(at: out)
            try? FileManager.default.removeItem(at: err)
        }
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = folder
        var environment = ProcessInfo.processInfo.environment
        environment["JOBSCOPE_MODELS"] = models ? Self.models.path : nil
        environment["NO_COLOR"] = "1"
        process.environment = environment
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus,
            stdout: (try? String(contentsOf: out, encoding: .utf8)) ?? "",
            stderr: (try? String(contentsOf: err, encoding: .utf8)) ?? "")
    }

    /// A fresh scratch folder holding a link to the repository's `Examples/`, so examples run as written.
    static func scratch() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("jobscope-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            at: url.appendingPathComponent("Examples"),
            withDestinationURL: examples)
        return url
    }
}
