import Foundation
import PostgresNIO

/// The PostgreSQL store of analyzed postings: the same tables and migrations as the SQLite store
/// (`StoreSchema`), in a database that several `analyze` processes, on several machines, write at once.
///
/// Concurrent writers are safe because every write is keyed by posting id and idempotent: a posting is inserted
/// with `ON CONFLICT (id) DO NOTHING` (the loser of a race takes the winner's row as already stored), places and
/// files are upserted with their `last_run` only moving forward, and each batch is one transaction, retried whole
/// when PostgreSQL reports a deadlock or a serialization failure. A run holds an advisory lock on its id for as
/// long as its connection lives, so another run only marks it interrupted once its process is gone.
///
/// Connections: postgres-nio is asynchronous and so is `AnalysisStore`, so nothing blocks a thread of Swift's
/// cooperative pool. One connection is the writer's (the pipeline has one writer at a time; its transactions and
/// its run lock live there); a second serves reads (the workers' look-ups and the report), whose queries
/// postgres-nio queues on it.
public final class PostgresStore: AnalysisStore {
    /// The database.
    public let address: PostgresAddress
    let writer: PostgresConnection
    let reader: PostgresConnection
    /// Silent (critical only): postgres-nio logs nothing at that level, and no log shows the password.
    let logger: Logger

    public var location: StoreLocation { .postgresql(address) }

    /// Connects, then creates or migrates the schema. A database migrated by a newer JobScope is refused before
    /// anything is written (`StoreError.newerSchema`); an unreachable server, a refused user or a missing database
    /// is one `StoreError` naming the server and what to do.
    public init(address: PostgresAddress) async throws {
        self.address = address
        var logger = Logger(label: "jobscope.store.postgresql")
        logger.logLevel = .critical
        self.logger = logger
        let configuration = try PostgresStore.configuration(address)
        writer = try await PostgresStore.connect(address, configuration, id: 1, logger: logger)
        do {
            reader = try await PostgresStore.connect(address, configuration, id: 2, logger: logger)
        } catch {
            try? await writer.close()
            throw error
        }
        do {
            try await migrate()
        } catch {
            try? await writer.close()
            try? await reader.close()
            throw storeError(error)
        }
    }

    /// Closes both connections; each is kept alive until its close completes (postgres-nio requires a
    /// connection to be closed before it goes).
    deinit {
        for connection in [writer, reader] {
            let close: () -> EventLoopFuture<Void> = connection.close
            close().whenComplete { _ in withExtendedLifetime(connection) {} }
        }
    }

    static func configuration(_ address: PostgresAddress) throws -> PostgresConnection.Configuration {
        let tls: PostgresConnection.Configuration.TLS
        do {
            switch address.tls {
            case .disable:
                tls = .disable
            case .prefer, .require:
                // As libpq's prefer and require: encrypted when the server offers it, the certificate not checked.
                var client = TLSConfiguration.makeClientConfiguration()
                client.certificateVerification = .none
                let context = try NIOSSLContext(configuration: client)
                tls = address.tls == .prefer ? .prefer(context) : .require(context)
            case .verifyFull:
                tls = .require(try NIOSSLContext(configuration: .makeClientConfiguration()))
            }
        } catch {
            throw StoreError.cannotOpen(path: address.description, reason: "TLS set-up failed: \(error)")
        }
        var configuration = PostgresConnection.Configuration(
            host: address.host, port: address.port, username: address.user, password: address.password,
            database: address.database, tls: tls)
        configuration.options.connectTimeout = .seconds(10)
        return configuration
    }

    private static func connect(_ address: PostgresAddress, _ configuration: PostgresConnection.Configuration,
                                id: Int, logger: Logger) async throws -> PostgresConnection {
        do {
            return try await PostgresConnection.connect(configuration: configuration, id: id, logger: logger)
        } catch {
            throw storeError(error, address: address)
        }
    }

    // MARK: Schema

    /// The advisory lock key that serializes schema changes (a number unlikely to be another program's).
    private static let migrationLock = 7_420_017
    /// The first key of the two-key advisory lock a live run holds on its id (the second key).
    static let runLockSpace = 7_420_018

    /// Runs the migrations this database lacks, under a lock, in one transaction: processes that start at once
    /// migrate one after another, and the later ones find nothing left to do.
    private func migrate() async throws {
        try await transaction { connection in
            try await connection.query("SELECT pg_advisory_xact_lock(\(PostgresStore.migrationLock))", logger: logger)
            try await connection.query(
                "CREATE TABLE IF NOT EXISTS grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY)", logger: logger)
            var applied = Set<String>()
            for try await row in try await connection.query("SELECT identifier FROM grdb_migrations", logger: logger) {
                applied.insert(try row.decode(String.self))
            }
            let known = Set(StoreSchema.migrations.map(\.identifier))
            let unknown = applied.subtracting(known).sorted()
            if !unknown.isEmpty { throw StoreError.newerSchema(path: address.description, migrations: unknown) }
            for migration in StoreSchema.migrations where !applied.contains(migration.identifier) {
                for statement in migration.statements(.postgresql) {
                    try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
                }
                try await connection.query(
                    "INSERT INTO grdb_migrations (identifier) VALUES (\(migration.identifier))", logger: logger)
            }
        }
    }

    // MARK: Transactions and errors

    /// Runs `body` in one transaction on the writer's connection. A deadlock or serialization failure (another
    /// writer took the same rows in another order), or a key another writer stored a moment before, rolls it
    /// back and runs it again, a few times; any other failure is thrown as a `StoreError`.
    func transaction<T>(_ body: (PostgresConnection) async throws -> T) async throws -> T {
        var attempt = 0
        while true {
            attempt += 1
            do {
                try await writer.query("BEGIN", logger: logger)
                let value = try await body(writer)
                try await writer.query("COMMIT", logger: logger)
                return value
            } catch {
                _ = try? await writer.query("ROLLBACK", logger: logger)
                guard attempt < 6, PostgresStore.isTransient(error) else { throw storeError(error) }
                try await Task.sleep(for: .milliseconds(Int.random(in: 5...50) * attempt))
            }
        }
    }

    /// Runs a read on the readers' connection, its failure named after the store.
    func reading<T>(_ body: (PostgresConnection) async throws -> T) async throws -> T {
        do { return try await body(reader) } catch { throw storeError(error) }
    }

    /// SQLSTATEs worth a second try: serialization failure, deadlock, and the unique and foreign-key violations
    /// a concurrent writer can cause between a look-up and a write.
    private static func isTransient(_ error: Error) -> Bool {
        guard let error = error as? PSQLError, let state = error.serverInfo?[.sqlState] else { return false }
        return ["40001", "40P01", "23505", "23503"].contains(state)
    }

    func storeError(_ error: Error) -> StoreError { PostgresStore.storeError(error, address: address) }

    /// A failure as a `StoreError` naming the store, the server and what to do; never the password.
    static func storeError(_ error: Error, address: PostgresAddress) -> StoreError {
        if let error = error as? StoreError { return error }
        let store = address.description
        guard let psql = error as? PSQLError else {
            if error is NIOConnectionError || error is ChannelError || error is IOError {
                return .serverUnreachable(store: store, server: address.server, reason: shortReason(error))
            }
            return .failed(path: store, reason: "\(error)")
        }
        switch psql.code {
        case .server:
            let state = psql.serverInfo?[.sqlState] ?? ""
            let message = psql.serverInfo?[.message] ?? "no message"
            if state.hasPrefix("28") {
                return .authenticationFailed(store: store, user: address.user, reason: message)
            }
            if state == "3D000" {
                return .databaseMissing(store: store, database: address.database, server: address.server)
            }
            if state == "53100" { return .diskFull(path: store) }
            return .failed(path: store, reason: "\(message) [SQLSTATE \(state)]")
        case .connectionError, .serverClosedConnection, .uncleanShutdown:
            return .serverUnreachable(
                store: store, server: address.server, reason: psql.underlying.map(shortReason) ?? "connection lost")
        case .authMechanismRequiresPassword:
            return .authenticationFailed(
                store: store, user: address.user, reason: "the server asks for a password and none was given")
        case .unsupportedAuthMechanism, .saslError:
            return .authenticationFailed(store: store, user: address.user, reason: "authentication failed")
        case .sslUnsupported:
            return .cannotOpen(path: store, reason: "the server does not offer TLS; use sslmode=prefer or disable")
        default:
            return .failed(path: store, reason: psql.code.description)
        }
    }

    /// A connection failure in a few words ("connection refused"), not NIO's whole description.
    private static func shortReason(_ error: Error) -> String {
        if let error = error as? NIOConnectionError {
            if let first = error.connectionErrors.first { return shortReason(first.error) }
            return error.dnsAError != nil || error.dnsAAAAError != nil ? "host name not found" : "no address to try"
        }
        if let error = error as? IOError { return String(cString: strerror(error.errnoCode)).lowercased() }
        if let error = error as? ChannelError, case .connectTimeout = error { return "no answer within 10 s" }
        if let error = error as? PSQLError, let underlying = error.underlying { return shortReason(underlying) }
        return "\(error)"
    }
}
