import Foundation
import GRDB
import Testing
@testable import JobScope

@Suite("Run process: a SQLite store tells a killed run from a live one")
struct RunProcessTests {
    /// A process that has exited and been reaped: its id names no process now.
    static func goneProcess() throws -> RunProcess {
        let child = Process()
        child.executableURL = URL(fileURLWithPath: "/bin/sh")
        child.arguments = ["-c", "exit 0"]
        try child.run()
        child.waitUntilExit()
        return RunProcess(host: RunProcess.current.host, pid: child.processIdentifier, startTicks: nil)
    }

    @Test("the token reads back; text that is not one is refused")
    func token() throws {
        let process = RunProcess(host: "build-7", pid: 4242, startTicks: 987_654)
        #expect(process.token == "build-7 4242 987654")
        #expect(RunProcess(token: process.token) == process)
        #expect(RunProcess(token: "build-7 4242") == RunProcess(host: "build-7", pid: 4242, startTicks: nil))
        #expect(RunProcess(token: "") == nil)
        #expect(RunProcess(token: "build-7 pid") == nil)
        #expect(RunProcess(token: "build-7 0") == nil)
    }

    @Test("this process lives, a reaped child does not, another host's cannot be told")
    func liveness() throws {
        #expect(RunProcess.current.isAlive == true)
        #expect(try Self.goneProcess().isAlive == false)
        #expect(RunProcess(host: RunProcess.current.host + "-elsewhere", pid: 1, startTicks: nil).isAlive == nil)
        var reused = RunProcess.current
        reused.startTicks = (reused.startTicks ?? 0) + 1
        if RunProcess.current.startTicks != nil {
            // Same id, other start time: the id was given to a new process, so the run's own is gone.
            #expect(reused.isAlive == false)
        }
    }

    @Test("a new run leaves a live process's run running and marks killed and unnamed runs interrupted")
    func beginRunJudgesEachRun() throws {
        let folder = try StoreFixture.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try PostingStore(path: folder.appendingPathComponent("store.sqlite").path)
        let live = try store.beginRun(modelVersion: "m", taxonomyVersion: "t", inputs: [], startedAt: "1")
        _ = try store.beginRun(modelVersion: "m", taxonomyVersion: "t", inputs: [], startedAt: "2",
                               process: try Self.goneProcess())
        let elsewhere = RunProcess(host: RunProcess.current.host + "-elsewhere", pid: 1, startTicks: nil)
        // Starting the third run finds the second's process gone.
        let third = try store.beginRun(modelVersion: "m", taxonomyVersion: "t", inputs: [], startedAt: "3",
                                       process: elsewhere)
        #expect(third.interrupted == 1)
        // A run written before the store recorded processes names none.
        try store.pool.write { db in
            try db.execute(sql: """
                INSERT INTO runs (started_at, model_version, taxonomy_version, inputs) VALUES ('4', 'm', 't', '')
                """)
        }

        let next = try store.beginRun(modelVersion: "m", taxonomyVersion: "t", inputs: [], startedAt: "5")
        #expect(next.interrupted == 1)
        let statuses = try store.runs().sorted { $0.startedAt < $1.startedAt }.map(\.status)
        #expect(statuses == ["running", "interrupted", "running", "interrupted", "running"])
        #expect(live.interrupted == 0)
    }
}
