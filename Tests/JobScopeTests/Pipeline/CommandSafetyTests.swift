import Foundation
import GRDB
import JobScope
import Testing

/// The real `jobscope` executable against the careless command lines and hostile folders of issue 14: outputs
/// that name the store or an input, a damaged store, a full disk, two runs on one store at once.
@Suite("jobscope refuses to destroy data")
struct CommandSafetyTests {
    static let ready = AnalyzeCommandKillTests.executable != nil && AnalyzeCommandKillTests.models != nil
    static let skipReason = AnalyzeCommandKillTests.skipReason

    struct Outcome {
        var status: Int32
        var stderr: String
    }

    /// Runs jobscope to the end; standard output goes to `stdout` (default: discarded).
    func run(_ arguments: [String], stdout: FileHandle = FileHandle.nullDevice) throws -> Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: AnalyzeCommandKillTests.executable!)
        process.arguments = arguments
        process.standardOutput = stdout
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let data = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(status: process.terminationStatus, stderr: String(decoding: data, as: UTF8.self))
    }

    /// A folder of `files` JSON Lines files of `perFile` distinct postings each.
    func inputs(files: Int = 3, perFile: Int = 10, seed: Int = 0) throws -> URL {
        let folder = try StoreFixture.scratch()
        for file in 0..<files {
            let lines = (0..<perFile).map { row -> String in
                let n = seed + file * perFile + row
                return StoreFixture.jsonLine(title: "Machine Learning Engineer \(n)", company: "Company \(n)",
                                             body: StoreFixture.body(seed: 20_000 + n, words: 120))
            }
            try StoreFixture.write(lines.joined(separator: "\n"),
                                   to: folder.appendingPathComponent("input/part-\(file).jsonl"))
        }
        return folder
    }

    func analyze(_ folder: URL, store: String, extra: [String] = []) throws -> Outcome {
        try run(["analyze", folder.appendingPathComponent("input").path, "--store", store,
                 "--models", AnalyzeCommandKillTests.models!, "--quiet"] + extra)
    }

    @Test("report -o naming the store: refused with exit 2 before anything is written; the store survives",
          .enabled(if: ready, skipReason))
    func reportOverStore() throws {
        let folder = try inputs()
        let store = folder.appendingPathComponent("s.sqlite").path
        #expect(try analyze(folder, store: store).status == 0)
        let before = try Data(contentsOf: URL(fileURLWithPath: store))
        // The store under another spelling of its path.
        let sameStore = folder.appendingPathComponent("input/../s.sqlite").path
        let outcome = try run(["report", "--store", store, "--format", "html", "-o", sameStore,
                               "--models", AnalyzeCommandKillTests.models!])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains(sameStore) && outcome.stderr.contains("is the store \(store)"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: store)) == before)
        #expect(try PostingStore(path: store).integrityCheck() == ["ok"])
    }

    @Test("analyze --output naming an input file: refused with exit 2; the input survives and the store is not touched",
          .enabled(if: ready, skipReason))
    func outputOverInput() throws {
        let folder = try inputs()
        let input = folder.appendingPathComponent("input/part-1.jsonl").path
        let before = try Data(contentsOf: URL(fileURLWithPath: input))
        let store = folder.appendingPathComponent("s.sqlite").path
        let outcome = try analyze(folder, store: store, extra: ["--output", input])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("inside the input folder"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: input)) == before)
        #expect(!FileManager.default.fileExists(atPath: store))
        // Outside the input folder the export is written.
        let feed = folder.appendingPathComponent("feed.jsonl").path
        #expect(try analyze(folder, store: store, extra: ["--output", feed]).status == 0)
        #expect(try String(contentsOfFile: feed, encoding: .utf8).split(separator: "\n").count == 30)
    }

    @Test("report on a damaged store: exit 2, the message names the store and .recover",
          .enabled(if: ready, skipReason))
    func reportOnDamagedStore() throws {
        let folder = try inputs(files: 4, perFile: 25)
        let store = folder.appendingPathComponent("s.sqlite").path
        #expect(try analyze(folder, store: store).status == 0)
        var bytes = try Data(contentsOf: URL(fileURLWithPath: store))
        for i in (4096 * 2)..<min(bytes.count, 4096 * 6) { bytes[i] = UInt8(truncatingIfNeeded: i &* 13 &+ 5) }
        try bytes.write(to: URL(fileURLWithPath: store))
        let outcome = try run(["report", "--store", store, "--models", AnalyzeCommandKillTests.models!])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains(store) && outcome.stderr.contains(".recover"))
        let again = try analyze(folder, store: store)
        #expect(again.status == 2)
        #expect(try Data(contentsOf: URL(fileURLWithPath: store)) == bytes)
    }

    @Test("a full disk behind standard output: exit 2 and a message naming it",
          .enabled(if: ready && FileManager.default.fileExists(atPath: "/dev/full"), skipReason))
    func fullDisk() throws {
        let folder = try inputs(files: 1, perFile: 5)
        let full = try #require(FileHandle(forWritingAtPath: "/dev/full"))
        let outcome = try run(["extract", folder.appendingPathComponent("input").path, "--format", "jsonl"],
                              stdout: full)
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("standard output: no space left"))
        // --output wants a .jsonl name: a link to /dev/full gives it one.
        let link = folder.appendingPathComponent("full.jsonl").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "/dev/full")
        let export = try run(["analyze", folder.appendingPathComponent("input").path, "--store",
                              folder.appendingPathComponent("s.sqlite").path, "--models", AnalyzeCommandKillTests.models!,
                              "--quiet", "--output", link])
        #expect(export.status == 2)
        #expect(export.stderr.contains("\(link): no space left"))
    }

    @Test("two analyze processes on one store at once: both succeed, every posting stored once, the store sound",
          .enabled(if: ready, skipReason))
    func twoRunsAtOnce() throws {
        let folder = try inputs(files: 20, perFile: 20)
        let other = try inputs(files: 10, perFile: 20, seed: 400)  // 200 more postings
        let store = folder.appendingPathComponent("s.sqlite").path
        func launch(_ input: URL) throws -> Process {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: AnalyzeCommandKillTests.executable!)
            process.arguments = ["analyze", input.appendingPathComponent("input").path, "--store", store,
                                 "--models", AnalyzeCommandKillTests.models!, "--quiet", "--jobs", "2"]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = errors.fileHandleForWriting
            try process.run()
            return process
        }
        // The same folder twice and another one, all at once on a store that does not exist yet.
        let errors = Pipe()
        let runs = [try launch(folder), try launch(folder), try launch(other)]
        for process in runs { process.waitUntilExit() }
        try errors.fileHandleForWriting.close()
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(runs.map(\.terminationStatus) == [0, 0, 0], "\(stderr)")
        let opened = try PostingStore(path: store)
        #expect(try opened.integrityCheck() == ["ok"])
        let counts = try opened.postingSourceCounts()
        #expect(counts.count == 600)
        #expect(Set(counts.map(\.id)).count == 600)
        #expect(counts.allSatisfy { $0.sources == 1 })
        #expect(try opened.runs().map(\.status) == ["completed", "completed", "completed"])
    }

    @Test("classify, extract and skills write JSON as they go: the array parses, JSON Lines has one posting a line",
          .enabled(if: ready, skipReason))
    func streamedJSON() throws {
        let folder = try inputs(files: 2, perFile: 15)
        let input = folder.appendingPathComponent("input").path
        let files = (0..<2).map { folder.appendingPathComponent("input/part-\($0).jsonl").path }
        let models = ["--models", AnalyzeCommandKillTests.models!]
        for (command, paths) in [("classify", files), ("extract", [input]), ("skills", [input])] {
            for format in ["json", "jsonl"] {
                let path = folder.appendingPathComponent("\(command).\(format)").path
                FileManager.default.createFile(atPath: path, contents: nil)
                let out = try #require(FileHandle(forWritingAtPath: path))
                let outcome = try run([command] + paths + ["--format", format] + (command == "extract" ? [] : models),
                                      stdout: out)
                try out.close()
                #expect(outcome.status == 0, "\(command) --format \(format): \(outcome.stderr)")
                let data = try Data(contentsOf: URL(fileURLWithPath: path))
                if format == "json" {
                    let array = try JSONSerialization.jsonObject(with: data) as? [Any]
                    #expect(array?.count == 30, "\(command) --format json")
                } else {
                    let lines = data.split(separator: UInt8(ascii: "\n"))
                    #expect(lines.count == 30, "\(command) --format jsonl")
                    #expect(lines.allSatisfy { (try? JSONSerialization.jsonObject(with: Data($0))) is [String: Any] })
                }
            }
        }
    }
}
