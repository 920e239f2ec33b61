import Foundation
import PostgresNIO
import Testing
@testable import JobScope

/// The PostgreSQL server the PostgreSQL store tests run against: `JOBSCOPE_TEST_POSTGRES_URL`
/// (`.ci/run` starts a throwaway one; Documentation/store.md says how to start one by hand). Each test gets a
/// database of its own, so tests running at once do not meet.
enum PostgresTestServer {
    static let url = ProcessInfo.processInfo.environment["JOBSCOPE_TEST_POSTGRES_URL"]
    static let isConfigured = url != nil

    static let skipReason: Comment = """
        JOBSCOPE_TEST_POSTGRES_URL is not set: the PostgreSQL store tests need a server \
        (.ci/run starts one; see Documentation/store.md, "PostgreSQL"); skipped
        """

    /// A new, empty database on the test server.
    static func makeDatabase() async throws -> PostgresAddress {
        let base = try PostgresAddress(url: try #require(url))
        var address = base
        address.database = "jobscope_test_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        try await execute("CREATE DATABASE \(address.database)", in: base)
        return address
    }

    /// Drops a database `makeDatabase` made, closing whatever connections it still has.
    static func drop(_ address: PostgresAddress) async throws {
        let base = try PostgresAddress(url: try #require(url))
        try await execute("DROP DATABASE IF EXISTS \(address.database) WITH (FORCE)", in: base)
    }

    /// Runs statements in database `address`, outside any store (to age a schema, to look at the tables).
    @discardableResult
    static func execute(_ sql: String, in address: PostgresAddress) async throws -> [PostgresRow] {
        var logger = Logger(label: "jobscope.tests.postgresql")
        logger.logLevel = .critical
        let connection = try await PostgresConnection.connect(
            configuration: try PostgresStore.configuration(address), id: 99, logger: logger)
        do {
            let rows = try await connection.query(PostgresQuery(unsafeSQL: sql), logger: logger).collect()
            try await connection.close()
            return rows
        } catch {
            try? await connection.close()
            throw error
        }
    }
}
