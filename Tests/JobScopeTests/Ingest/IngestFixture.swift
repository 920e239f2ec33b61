import Foundation
import Testing

/// Paths to the ingest fixtures (written for these tests) and to the shared real corpus beside the repo.
enum IngestFixture {
    /// The repository root, found from this file's path (not the working directory).
    static let repoRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A fixture under Tests/JobScopeTests/Fixtures/Ingest.
    static func path(_ name: String) -> String {
        repoRoot.appendingPathComponent("Tests/JobScopeTests/Fixtures/Ingest").appendingPathComponent(name).path
    }

    /// `../shared/corpus` relative to the repo root, when it is there.
    static var corpus: String? {
        let url = repoRoot.deletingLastPathComponent().appendingPathComponent("shared/corpus")
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && isDirectory.boolValue
            ? url.path : nil
    }

    /// A scratch folder for tests that write files.
    static func scratch(_ name: String = UUID().uuidString) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("jobscope-ingest-\(name)")
        try? FileManager.default.removeItem(at: url)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url.path
    }

    /// Writes bytes to a scratch file and returns its path.
    static func write(_ bytes: [UInt8], named name: String) throws -> String {
        let folder = try scratch()
        let path = (folder as NSString).appendingPathComponent(name)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    static func write(_ text: String, named name: String) throws -> String {
        try write(Array(text.utf8), named: name)
    }
}
