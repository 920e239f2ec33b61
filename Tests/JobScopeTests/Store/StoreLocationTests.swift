import Foundation
import Testing
@testable import JobScope

@Suite("StoreLocation")
struct StoreLocationTests {
    @Test("a path is a SQLite store; postgresql:// and postgres:// URLs are PostgreSQL stores")
    func parsing() throws {
        #expect(try StoreLocation(parsing: "jobscope.sqlite", environment: [:]) == .sqlite(path: "jobscope.sqlite"))
        #expect(try StoreLocation(parsing: "/data/a b.sqlite", environment: [:]) == .sqlite(path: "/data/a b.sqlite"))
        guard case .postgresql(let a) = try StoreLocation(
            parsing: "postgresql://ana:s%40cret@db.example.org:6543/jobs?sslmode=require", environment: [:])
        else { Issue.record("not read as PostgreSQL"); return }
        #expect(a.host == "db.example.org")
        #expect(a.port == 6543)
        #expect(a.user == "ana")
        #expect(a.password == "s@cret")
        #expect(a.database == "jobs")
        #expect(a.tls == .require)
        guard case .postgresql(let b) = try StoreLocation(
            parsing: "POSTGRES://ana@127.0.0.1/jobs", environment: ["PGPASSWORD": "from-env"])
        else { Issue.record("not read as PostgreSQL"); return }
        #expect(b.port == 5432)
        #expect(b.password == "from-env")
        #expect(b.tls == .prefer)
    }

    @Test("the password is in no description and no message")
    func passwordNeverShown() throws {
        let location = try StoreLocation(parsing: "postgresql://ana:hunter2@db:5432/jobs", environment: [:])
        #expect(location.description == "postgresql://ana@db:5432/jobs")
        #expect(location.files.isEmpty)
        #expect(PostgresAddress.redacted("postgresql://ana:hunter2@db/x?bad") == "postgresql://ana:***@db/x?bad")
        #expect(throws: StoreError.badLocation(text: "postgresql://ana:***@db:5432/",
                                               reason: "no database name after the host")) {
            try StoreLocation(parsing: "postgresql://ana:hunter2@db:5432/", environment: [:])
        }
    }

    @Test("bad URLs are refused, saying what is wrong", arguments: [
        ("postgresql://ana@/jobs", "no host"),
        ("postgresql://ana@db:5432", "no database name after the host"),
        ("postgresql://db/jobs", "no user"),
        ("postgresql://ana@db/jobs?sslmode=maybe", "unknown parameter 'sslmode=maybe' (only sslmode=disable|prefer|require|verify-full)"),
        ("mysql://ana@db/jobs", "'mysql://' is not a store JobScope can use"),
    ])
    func badURLs(text: String, reason: String) {
        #expect(throws: StoreError.badLocation(text: text, reason: reason)) {
            try StoreLocation(parsing: text, environment: [:])
        }
    }

    @Test("a server that does not answer is one error naming host and port and what to do")
    func unreachable() async throws {
        // Port 1 on the loopback: nothing listens there, so the connection is refused at once.
        let location = try StoreLocation(parsing: "postgresql://ana:hunter2@127.0.0.1:1/jobs", environment: [:])
        do {
            _ = try await location.open()
            Issue.record("opened a store on a closed port")
        } catch let error as StoreError {
            #expect(error == .serverUnreachable(store: "postgresql://ana@127.0.0.1:1/jobs", server: "127.0.0.1:1",
                                                reason: "connection refused"))
            let message = try #require(error.errorDescription)
            #expect(message.contains("127.0.0.1:1") && message.contains("pg_isready"))
            #expect(!message.contains("hunter2"))
        }
    }
}
