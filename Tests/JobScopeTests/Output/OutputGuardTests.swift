import Foundation
import Testing
@testable import JobScope

@Suite("Output guard")
struct OutputGuardTests {
    /// A scratch folder with a store file and an input folder holding one posting.
    func scene() throws -> (folder: String, store: String, input: String, page: String) {
        let folder = try IngestFixture.scratch("guard-\(UUID().uuidString)")
        let store = folder + "/s.sqlite"
        try Data("store".utf8).write(to: URL(fileURLWithPath: store))
        let input = folder + "/input"
        try FileManager.default.createDirectory(atPath: input + "/sub", withIntermediateDirectories: true)
        let page = input + "/sub/feed.jsonl"
        try Data("{}".utf8).write(to: URL(fileURLWithPath: page))
        return (folder, store, input, page)
    }

    @Test("the store is refused under every name: as given, ./ relative, through a symbolic link, as a hard link, its WAL")
    func storeUnderAnyName() throws {
        let s = try scene()
        let fm = FileManager.default
        try fm.createSymbolicLink(atPath: s.folder + "/link.sqlite", withDestinationPath: s.store)
        #expect(link(s.store, s.folder + "/hard.sqlite") == 0)
        let guardian = OutputGuard(stores: [s.store], inputs: [s.input])
        // The store relative to the working directory, "./" first (no chdir: tests run in parallel).
        let up = fm.currentDirectoryPath.split(separator: "/").count
        let relative = "./" + String(repeating: "../", count: up) + s.store.dropFirst()
        for name in [s.store, relative, s.folder + "/input/../s.sqlite", s.folder + "/link.sqlite",
                     s.folder + "/hard.sqlite", s.store + "-wal"] {
            #expect(throws: OutputError.isStore(output: name, store: s.store)) { try guardian.check(output: name) }
        }
        // A store not created yet is caught by where it would be.
        let fresh = OutputGuard(stores: [s.folder + "/new.sqlite"])
        #expect(throws: OutputError.isStore(output: s.folder + "/./new.sqlite", store: s.folder + "/new.sqlite")) {
            try fresh.check(output: s.folder + "/./new.sqlite")
        }
    }

    @Test("an input file, and any file inside an input folder (however deep, however named), is refused")
    func inputs() throws {
        let s = try scene()
        let guardian = OutputGuard(stores: [s.store], inputs: [s.input, s.page])
        #expect(throws: OutputError.isInput(output: s.page, input: s.page)) {
            try OutputGuard(inputs: [s.page]).check(output: s.page)
        }
        #expect(throws: OutputError.insideInput(output: s.input + "/feed.csv", folder: s.input)) {
            try guardian.check(output: s.input + "/feed.csv")
        }
        #expect(throws: OutputError.insideInput(output: s.input + "/sub/../sub/new.jsonl", folder: s.input)) {
            try guardian.check(output: s.input + "/sub/../sub/new.jsonl")
        }
        try FileManager.default.createSymbolicLink(atPath: s.folder + "/alias", withDestinationPath: s.input + "/sub")
        #expect(throws: OutputError.insideInput(output: s.folder + "/alias/x.jsonl", folder: s.input)) {
            try guardian.check(output: s.folder + "/alias/x.jsonl")
        }
        // Beside the input and the store: fine.
        try guardian.check(output: s.folder + "/report.html")
        try guardian.check(output: s.folder + "/feed.jsonl")
    }

    @Test("the messages name both paths and say nothing was written")
    func messages() {
        let message = OutputError.isStore(output: "s.sqlite", store: "./s.sqlite").errorDescription ?? ""
        #expect(message.hasPrefix("s.sqlite: "))
        #expect(message.contains("./s.sqlite"))
        #expect(message.contains("nothing written"))
        let inside = OutputError.insideInput(output: "in/x.csv", folder: "in").errorDescription ?? ""
        #expect(inside.hasPrefix("in/x.csv: ") && inside.contains("input folder in,"))
    }
}
