import Foundation
import Testing
@testable import JobScope

@Suite("Folder walk")
struct PostingFileWalkerTests {
    @Test("recursive, sorted; hidden files, READMEs and unsupported extensions skipped; symlink loops not followed")
    func walk() throws {
        let root = try IngestFixture.scratch("walker")
        let fm = FileManager.default
        try fm.createDirectory(atPath: root + "/b/inner", withIntermediateDirectories: true)
        try fm.createDirectory(atPath: root + "/.git", withIntermediateDirectories: true)
        for file in ["a.html", "b/z.csv", "b/inner/x.jsonl", "b/notes.pdf", ".hidden.txt", ".git/config.json", "c.md", "README.md"] {
            try Data("x".utf8).write(to: URL(fileURLWithPath: root + "/" + file))
        }
        try fm.createSymbolicLink(atPath: root + "/b/inner/loop", withDestinationPath: root + "/b")
        let files = PostingFileWalker().files(under: root)
        #expect(files == [root + "/a.html", root + "/b/inner/x.jsonl", root + "/b/z.csv", root + "/c.md"])
    }

    @Test("missing paths are reported; files given directly are kept")
    func missing() throws {
        let file = IngestFixture.path("posting.txt")
        let result = PostingFileWalker().files(under: [file, "/no/such/folder"])
        #expect(result.files == [file])
        #expect(result.missing == ["/no/such/folder"])
    }
}
