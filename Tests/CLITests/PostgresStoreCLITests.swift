import Foundation
import Testing

/// `--store postgresql://…` as a user runs it: the same report as SQLite, re-runs adding nothing, three
/// `analyze` processes writing one database at once. Each test makes its own database on the server
/// `JOBSCOPE_TEST_POSTGRES_URL` names (with `psql`, the PostgreSQL client).
@Suite(
    "PostgreSQL store (CLI)", .enabled(if: CLI.available, CLI.skipReason),
    .enabled(if: PostgresServer.url != nil, PostgresServer.skipReason))
struct PostgresStoreCLITests {
    @Test("analyze into PostgreSQL, then report, equals the same into SQLite; a re-run adds nothing")
    func reportEqualsSQLite() throws {
        let folder = try CLI.scratch()
        let url = try PostgresServer.makeDatabase()
        let sqlite = try CLI.run(["analyze", "Examples", "--store", "s.sqlite", "--quiet"], in: folder)
        let postgres = try CLI.run(["analyze", "Examples", "--store", url, "--quiet"], in: folder)
        #expect(sqlite.status == postgres.status, "\(postgres.stderr)")
        #expect(postgres.stdout.contains("new"))
        // Two processes, each with its own hash seed: the report must not depend on a dictionary's order.
        func report(_ store: String) throws -> CLI.Result {
            try CLI.run(["report", "--store", store, "--format", "json"], in: folder)
        }
        let liteReport = try report("s.sqlite")
        let pgReport = try report(url)
        #expect(liteReport.status == 0 && pgReport.status == 0, "\(pgReport.stderr)")
        #expect(!pgReport.stdout.isEmpty)
        #expect(pgReport.stdout == liteReport.stdout)
        let liteExport = try CLI.run(["analyze", "Examples", "--store", "s.sqlite", "--quiet", "--output", "s.jsonl"],
                                     in: folder)
        let again = try CLI.run(["analyze", "Examples", "--store", url, "--quiet", "--output", "p.jsonl"], in: folder)
        #expect(again.status == liteExport.status)
        let newLine = again.stdout.split(separator: "\n").first { $0.trimmingCharacters(in: .whitespaces).hasPrefix("new") }
        #expect(newLine?.split(separator: " ").last == "0", "\(again.stdout)")
        #expect(try String(contentsOf: folder.appendingPathComponent("p.jsonl"), encoding: .utf8)
                == String(contentsOf: folder.appendingPathComponent("s.jsonl"), encoding: .utf8))
        let reportAgain = try report(url)
        #expect(reportAgain.stdout == pgReport.stdout)
        try PostgresServer.drop(url)
    }

    @Test("three analyze processes at once over overlapping folders store every posting exactly once")
    func threeConcurrentProcesses() throws {
        let folder = try CLI.scratch()
        let sets = try (0..<3).map { try PostgresServer.writeSet($0, in: folder) }
        let url = try PostgresServer.makeDatabase()
        let processes = try [[sets[0], sets[1]], [sets[1], sets[2]], [sets[2], sets[0]]].map { paths in
            try CLI.start(["analyze"] + paths + ["--store", url, "--quiet", "--jobs", "2"], in: folder)
        }
        let results = processes.map { $0.wait() }
        for result in results { #expect(result.status == 0, "\(result.stderr)") }
        let single = try CLI.run(["analyze"] + sets + ["--store", "one.sqlite", "--quiet", "--output", "one.jsonl"],
                                 in: folder)
        #expect(single.status == 0)
        let shared = try PostgresServer.postingPlaces(in: url)
        let expected = try PostgresServer.postingPlaces(inExport: folder.appendingPathComponent("one.jsonl"))
        #expect(shared.count == PostgresServer.postingsPerSet * 3)
        #expect(shared == expected)
        try PostgresServer.drop(url)
    }
}

@Suite("PostgreSQL store errors (CLI)", .enabled(if: CLI.available, CLI.skipReason))
struct PostgresStoreErrorCLITests {
    @Test("an unreachable server, a bad URL: exit 2, one line naming the host and what to do, no password")
    func unreachableAndBadURL() throws {
        let unreachable = try CLI.run(["report", "--store", "postgresql://ana:hunter2@127.0.0.1:1/jobs"])
        #expect(unreachable.status == 2)
        let lines = unreachable.stderr.split(separator: "\n")
        #expect(lines.count == 1, "\(unreachable.stderr)")
        #expect(unreachable.stderr.contains("127.0.0.1:1") && unreachable.stderr.contains("pg_isready"))
        #expect(!unreachable.stderr.contains("hunter2"))
        let bad = try CLI.run(["analyze", "Examples", "--store", "postgresql://ana:hunter2@db:5432/", "--quiet"])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("postgresql://USER@HOST:PORT/DATABASE"))
        #expect(!bad.stderr.contains("hunter2"))
    }
}

extension CLI {
    /// A `jobscope` process started and not yet waited for, its output going to files.
    struct Running {
        let process: Process
        let out: URL
        let err: URL

        func wait() -> Result {
            process.waitUntilExit()
            return Result(status: process.terminationStatus,
                          stdout: (try? String(contentsOf: out, encoding: .utf8)) ?? "",
                          stderr: (try? String(contentsOf: err, encoding: .utf8)) ?? "")
        }
    }

    /// Starts `jobscope arguments…` in `folder`, as `run` does (with `environment` added), without waiting for it.
    static func start(_ arguments: [String], in folder: URL, environment added: [String: String] = [:]) throws
        -> Running
    {
        let id = UUID().uuidString
        let out = folder.appendingPathComponent(".stdout-\(id)")
        let err = folder.appendingPathComponent(".stderr-\(id)")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = folder
        var environment = ProcessInfo.processInfo.environment
        environment["JOBSCOPE_MODELS"] = models.path
        environment["NO_COLOR"] = "1"
        environment.merge(added) { $1 }
        process.environment = environment
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        process.standardInput = FileHandle.nullDevice
        try process.run()
        return Running(process: process, out: out, err: err)
    }
}

/// The test server, reached through `psql` (`JOBSCOPE_TEST_POSTGRES_URL`).
enum PostgresServer {
    static let url = ProcessInfo.processInfo.environment["JOBSCOPE_TEST_POSTGRES_URL"]
    static let skipReason: Comment = """
        JOBSCOPE_TEST_POSTGRES_URL is not set: the PostgreSQL store tests need a server \
        (.ci/run starts one; see Documentation/store.md, "PostgreSQL"); skipped
        """
    static let postingsPerSet = 40

    /// Runs `sql` with psql against `database` (a URL), returning what it printed (unaligned, tuples only).
    @discardableResult
    static func psql(_ sql: String, database: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["psql", "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", database, "-c", sql]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw CocoaError(.fileReadUnknown) }
        return String(decoding: data, as: UTF8.self)
    }

    /// A new database on the server, as a URL for --store.
    static func makeDatabase() throws -> String {
        let base = try #require(url)
        let name = "jobscope_cli_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        try psql("CREATE DATABASE \(name)", database: base)
        return replacingDatabase(of: base, with: name)
    }

    static func drop(_ database: String) throws {
        let name = String(database.split(separator: "/").last!.split(separator: "?").first!)
        try psql("DROP DATABASE IF EXISTS \(name) WITH (FORCE)", database: try #require(url))
    }

    static func replacingDatabase(of base: String, with name: String) -> String {
        var components = URLComponents(string: base)!
        components.path = "/" + name
        return components.string!
    }

    /// Writes folder `set` of `postingsPerSet` made-up postings in four JSON Lines files; returns its path.
    static func writeSet(_ set: Int, in folder: URL) throws -> String {
        let words = ["build", "evaluate", "deploy", "language", "models", "retrieval", "python", "pipelines",
                     "customers", "research", "inference", "latency", "quality", "prompts", "agents", "data"]
        let url = folder.appendingPathComponent("set\(set)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        for file in 0..<4 {
            var lines: [String] = []
            for n in 0..<(postingsPerSet / 4) {
                let seed = set * 1000 + file * 100 + n
                let body = (0..<90).map { words[(seed * 7 + $0 * ($0 % 5 + seed % 11 + 1)) % words.count] }
                    .joined(separator: " ")
                let object = ["title": "Generative AI Engineer \(seed)", "company": "Company \(seed)",
                              "description": "We \(body).", "date_posted": "2025-0\(1 + seed % 9)-15"]
                let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
                lines.append(String(decoding: data, as: UTF8.self))
            }
            try Data(lines.joined(separator: "\n").utf8).write(to: url.appendingPathComponent("f\(file).jsonl"))
        }
        return url.path
    }

    /// Each stored posting's id with its places, one line each, sorted: from the database.
    static func postingPlaces(in database: String) throws -> [String] {
        try psql("""
            SELECT p.id || ' ' || string_agg(s.path || ':' || s.row || ':' || s.line, ',' ORDER BY s.path, s.row, s.line)
            FROM postings p JOIN sources s ON s.posting_id = p.id GROUP BY p.id
            """, database: database).split(separator: "\n").map(String.init).sorted()
    }

    /// The same from an `analyze --output` JSON Lines export.
    static func postingPlaces(inExport file: URL) throws -> [String] {
        try String(contentsOf: file, encoding: .utf8).split(separator: "\n").map { line in
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
            let sources = (object["sources"] as! [[String: Any]]).map {
                "\($0["path"]!):\($0["row"] as? Int ?? 0):\($0["line"] as? Int ?? 0)"
            }.sorted()
            return "\(object["id"]!) \(sources.joined(separator: ","))"
        }.sorted()
    }
}
