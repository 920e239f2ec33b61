import Foundation
import Testing
@testable import JobScope

@Suite("Output file (atomic)")
struct OutputFileTests {
    @Test("commit puts the new bytes in place, keeps the old file's permissions, and leaves no temporary file")
    func commit() throws {
        let folder = try IngestFixture.scratch("outfile-\(UUID().uuidString)")
        let path = folder + "/report.txt"
        try Data("old".utf8).write(to: URL(fileURLWithPath: path))
        chmod(path, 0o640)
        let file = try OutputFile(path: path)
        try file.write("new ")
        try file.write(Data("bytes".utf8))
        // Not in place before the commit.
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "old")
        try file.commit()
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "new bytes")
        var info = stat()
        stat(path, &info)
        #expect(info.st_mode & 0o777 == 0o640)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["report.txt"])
    }

    @Test("a run that fails before its commit leaves the old file whole and no temporary file")
    func failedRunKeepsOldFile() throws {
        let folder = try IngestFixture.scratch("outfile-fail-\(UUID().uuidString)")
        let path = folder + "/feed.jsonl"
        let old = String(repeating: "{\"id\":1}\n", count: 10_000)
        try Data(old.utf8).write(to: URL(fileURLWithPath: path))
        do {
            let file = try OutputFile(path: path)
            // More than the buffer: bytes really reach the temporary file before the failure.
            try file.write(String(repeating: "x", count: 200_000))
            // The run fails here: the file is dropped without a commit.
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == old)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["feed.jsonl"])
    }

    @Test("a full disk is an error naming the file (/dev/full gives ENOSPC)",
          .enabled(if: FileManager.default.fileExists(atPath: "/dev/full"), "no /dev/full on this system"))
    func diskFull() throws {
        let file = try OutputFile(path: "/dev/full")
        try file.write("a posting")
        #expect(throws: OutputError.diskFull(path: "/dev/full")) { try file.commit() }
        let message = OutputError.diskFull(path: "/dev/full").errorDescription ?? ""
        #expect(message.hasPrefix("/dev/full: no space left"))
    }

    @Test("a folder that does not exist, or a folder as the output, is refused naming the path")
    func badTargets() throws {
        #expect(throws: OutputError.noFolder(output: "/no/such/folder/x.csv")) {
            try OutputFile(path: "/no/such/folder/x.csv")
        }
        let folder = try IngestFixture.scratch("outfile-dir-\(UUID().uuidString)")
        #expect(throws: OutputError.isFolder(output: folder)) { try OutputFile(path: folder) }
    }
}
