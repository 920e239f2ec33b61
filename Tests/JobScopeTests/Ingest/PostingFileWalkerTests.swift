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
        for file in ["a.html", "b/z.csv", "b/inner/x.jsonl", "b/notes.pdf", ".hidden.txt", ".git/config.json", "c.md",
                     "README.md", "b/LICENSE", "b/read-me.txt", "b/CHANGELOG.md"] {
            try Data("x".utf8).write(to: URL(fileURLWithPath: root + "/" + file))
        }
        // A link back up the tree: followed, its folder would be walked forever.
        try fm.createSymbolicLink(atPath: root + "/b/inner/loop", withDestinationPath: root + "/b")
        let entries = Array(PostingFileWalker(paths: [root]))
        #expect(entries == [.file(root + "/a.html"), .file(root + "/b/inner/x.jsonl"),
                            .unsupported(root + "/b/notes.pdf"), .file(root + "/b/z.csv"), .file(root + "/c.md")])
        #expect(PostingFileWalker(paths: [root]).collect().files
                == [root + "/a.html", root + "/b/inner/x.jsonl", root + "/b/z.csv", root + "/c.md"])
    }

    @Test("extensions read from the bytes match NSString's", arguments: [
        "a.html", "/x/y/posting-0001.HTML", "noext", "/dir.d/file", ".bashrc", "/x/.hidden.json", "a.", "a..", "..", ".",
        "/x/..", "dir/file.csv/", "a.tar.gz", "/", "", "x//y.jsonl", "./p.md", "ca\u{301}fe\u{301}.txt", "f.\u{301}html", "é.tsv",
    ])
    func pathExtensions(_ path: String) {
        #expect(PostingFormat.pathExtension(of: path) == (path as NSString).pathExtension)
    }

    @Test("the quick test for a folder's own documents agrees with the full one", arguments: [
        "README.md", "readme", "_Read-Me.txt", " license", "LICENCE.md", "Changes.txt", "contributing.md", "NOTICE", "authors",
        "AUTHORS.txt.bak", "posting-0001.html", "notes.md", "Résumé.md", "ÀREADME.md", "---", "", ".README.md", "a", "rEaDmE.rst",
    ])
    func folderDocuments(_ name: String) {
        let stem = (name as NSString).deletingPathExtension.uppercased().filter { $0 != "-" && $0 != "_" && $0 != " " }
        let expected = ["README", "LICENSE", "LICENCE", "CHANGELOG", "CHANGES", "CONTRIBUTING", "NOTICE", "AUTHORS"].contains(stem)
        #expect(PostingFileWalker.isFolderDocument(name) == expected)
    }

    @Test("the stem read from the bytes matches NSString's", arguments: [
        "README.md", "readme", "_Read-Me.txt", "README.2", "README.", "a.b.c", "x.md ", "READ ME.MD", "README.mdé", "Ré.md",
        "-", "", "a.-b", "LICENSE.txt.bak", "notes", "n.", "9.9",
    ])
    func stems(_ name: String) {
        let expected = (name as NSString).deletingPathExtension.uppercased().filter { $0 != "-" && $0 != "_" && $0 != " " }
        #expect(PostingFileWalker.stem(of: name) == expected)
    }

    @Test("a folder's names come out as FileManager lists them")
    func folderNames() throws {
        let root = try IngestFixture.scratch("walker-names")
        for name in ["a.md", "Z.txt", ".hidden", "café.html", "e\u{301}.csv", "with space.json"] {
            try Data("x".utf8).write(to: URL(fileURLWithPath: root + "/" + name))
        }
        try FileManager.default.createDirectory(atPath: root + "/sub", withIntermediateDirectories: true)
        #expect(try PostingFileWalker.names(inFolder: root).sorted()
                == FileManager.default.contentsOfDirectory(atPath: root).sorted())
        #expect(throws: (any Error).self) { try PostingFileWalker.names(inFolder: root + "/missing") }
    }

    @Test("hidden files are taken when asked; a README given by name is read")
    func hiddenAndGiven() throws {
        let root = try IngestFixture.scratch("walker-hidden")
        for file in [".hidden.txt", "README.md"] {
            try Data("x".utf8).write(to: URL(fileURLWithPath: root + "/" + file))
        }
        #expect(PostingFileWalker(paths: [root], includeHidden: true).collect().files == [root + "/.hidden.txt"])
        #expect(PostingFileWalker(paths: [root + "/README.md"]).collect().files == [root + "/README.md"])
    }

    @Test("a dangling link and a missing path are reported as problems naming them; excluded paths are left out")
    func problems() throws {
        let root = try IngestFixture.scratch("walker-problems")
        let fm = FileManager.default
        try Data("x".utf8).write(to: URL(fileURLWithPath: root + "/a.txt"))
        try Data("x".utf8).write(to: URL(fileURLWithPath: root + "/store.jsonl"))
        try fm.createSymbolicLink(atPath: root + "/gone.jsonl", withDestinationPath: root + "/nowhere.jsonl")
        let walker = PostingFileWalker(paths: [root, "/no/such/folder"], excluding: [root + "/./store.jsonl"])
        let (files, problems) = walker.collect()
        #expect(files == [root + "/a.txt"])
        #expect(problems == [.danglingLink(path: root + "/gone.jsonl", target: root + "/nowhere.jsonl"),
                             .notFound(path: "/no/such/folder")])
        let message = try #require(problems.first?.errorDescription)
        #expect(message.hasPrefix(root + "/gone.jsonl: "))
        #expect(message.contains("fix or remove the link"))
    }

    @Test("a folder that cannot be listed is a problem, and the walk goes on",
          .enabled(if: getuid() != 0, "running as root: chmod 000 does not make a folder unreadable"))
    func unreadableFolder() throws {
        let root = try IngestFixture.scratch("walker-locked")
        let fm = FileManager.default
        try fm.createDirectory(atPath: root + "/locked", withIntermediateDirectories: true)
        try Data("x".utf8).write(to: URL(fileURLWithPath: root + "/z.txt"))
        chmod(root + "/locked", 0)
        defer { chmod(root + "/locked", 0o755) }
        let (files, problems) = PostingFileWalker(paths: [root]).collect()
        #expect(files == [root + "/z.txt"])
        #expect(problems.map(\.path) == [root + "/locked"])
    }

    @Test("missing paths are reported; files given directly are kept")
    func missing() throws {
        let file = IngestFixture.path("posting.txt")
        let result = PostingFileWalker(paths: [file, "/no/such/folder"]).collect()
        #expect(result.files == [file])
        #expect(result.problems == [.notFound(path: "/no/such/folder")])
    }

    @Test("the Examples folder walks to its postings: every file but its README, no problems")
    func examples() throws {
        let examples = IngestFixture.repoRoot.appendingPathComponent("Examples").path
        let (files, problems) = PostingFileWalker(paths: [examples]).collect()
        #expect(problems.isEmpty)
        #expect(!files.isEmpty)
        #expect(!files.contains(examples + "/README.md"))
        #expect(files.allSatisfy { PostingReader.isSupported(path: $0) })
    }

    @Test("absolute paths: clean ones kept as they are, the rest standardized as URL does", arguments: [
        "/a/b.csv", "/a//b", "/a/./b", "/a/../b", "/a/b/", "/a/b/.", "/a/b/..", "/", "/a/...", "/a/.hidden", "/a/b..c",
        "relative/x.html", "./x", "/a/b c/ü.txt",
    ])
    func absolutePathMatchesURL(_ path: String) {
        let expected = URL(fileURLWithPath: path).standardizedFileURL.path
        #expect(PostingFileWalker.absolutePath(path) == expected)
    }
}

@Suite("Folder walk: links, loops and special files")
struct PostingFileWalkerSafetyTests {
    func write(_ path: String) throws {
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        try Data("x".utf8).write(to: URL(fileURLWithPath: path))
    }

    @Test("two links back to the root: the walk ends and reads each page once")
    func twoLinksToRoot() throws {
        let root = try IngestFixture.scratch("walker-two-links-\(UUID().uuidString)")
        try write(root + "/a/page1.html")
        try write(root + "/b/page2.html")
        let fm = FileManager.default
        try fm.createSymbolicLink(atPath: root + "/a/up", withDestinationPath: "..")
        try fm.createSymbolicLink(atPath: root + "/b/root", withDestinationPath: root)
        let (files, problems) = PostingFileWalker(paths: [root]).collect()
        #expect(files == [root + "/a/page1.html", root + "/b/page2.html"])
        #expect(problems.isEmpty)
        // Following links out of the roots changes nothing here: still loop-safe.
        #expect(PostingFileWalker(paths: [root], followLinks: true).collect().files.count == 2)
    }

    @Test("a ../sub link loop: each page read once, no false 'does not exist'")
    func relativeLoop() throws {
        let root = try IngestFixture.scratch("walker-sub-loop-\(UUID().uuidString)")
        try write(root + "/sub/page.jsonl")
        try FileManager.default.createSymbolicLink(atPath: root + "/sub/again", withDestinationPath: "../sub")
        let (files, problems) = PostingFileWalker(paths: [root]).collect()
        #expect(files == [root + "/sub/page.jsonl"])
        #expect(problems.isEmpty)
    }

    @Test("a file reached twice (a link and a hard link to it) is read once")
    func sameFileOnce() throws {
        let root = try IngestFixture.scratch("walker-same-file-\(UUID().uuidString)")
        try write(root + "/a.txt")
        try FileManager.default.createSymbolicLink(atPath: root + "/b.txt", withDestinationPath: "a.txt")
        #expect(link(root + "/a.txt", root + "/c.txt") == 0)
        #expect(PostingFileWalker(paths: [root]).collect().files == [root + "/a.txt"])
    }

    @Test("a link out of the given folder is not followed (a problem naming its target) unless followLinks")
    func linkOutside() throws {
        let base = try IngestFixture.scratch("walker-outside-\(UUID().uuidString)")
        try write(base + "/secret/passwd.txt")
        try write(base + "/input/page.txt")
        try FileManager.default.createSymbolicLink(atPath: base + "/input/escape", withDestinationPath: base + "/secret")
        try FileManager.default.createSymbolicLink(atPath: base + "/input/p.txt", withDestinationPath: base + "/secret/passwd.txt")
        let (files, problems) = PostingFileWalker(paths: [base + "/input"]).collect()
        #expect(files == [base + "/input/page.txt"])
        let real = FileIdentity.realPath(base)!
        #expect(problems == [.linkOutsideInput(path: base + "/input/escape", target: real + "/secret"),
                             .linkOutsideInput(path: base + "/input/p.txt", target: real + "/secret/passwd.txt")])
        #expect(problems.first?.errorDescription?.contains("--follow-links") == true)
        let followed = PostingFileWalker(paths: [base + "/input"], followLinks: true).collect()
        #expect(followed.files == [base + "/input/escape/passwd.txt", base + "/input/page.txt"])
        #expect(followed.problems.isEmpty)
        // Given by name, the folder a link points to is the user's own choice.
        #expect(PostingFileWalker(paths: [base + "/input/escape"]).collect().files == [base + "/input/escape/passwd.txt"])
    }

    @Test("a FIFO with a posting extension is skipped with one problem line, never opened")
    func fifoSkipped() throws {
        let root = try IngestFixture.scratch("walker-fifo-\(UUID().uuidString)")
        try write(root + "/a.jsonl")
        #expect(mkfifo(root + "/b.jsonl", 0o644) == 0)
        let (files, problems) = PostingFileWalker(paths: [root]).collect()
        #expect(files == [root + "/a.jsonl"])
        #expect(problems == [.notRegularFile(path: root + "/b.jsonl", kind: "a named pipe (FIFO)")])
        // Given by name, the reader refuses it too instead of waiting for a writer.
        #expect(throws: IngestError.notRegularFile(path: root + "/b.jsonl", kind: "a named pipe (FIFO)")) {
            try PostingReader().read(path: root + "/b.jsonl")
        }
        #expect(PostingFileWalker(paths: [root + "/b.jsonl"]).collect().problems.count == 1)
    }
}
