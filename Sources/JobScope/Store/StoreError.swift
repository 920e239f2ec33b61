import Foundation

/// Why the store or a batch run could not go on.
public enum StoreError: LocalizedError, Sendable, Equatable {
    case cannotOpen(path: String, reason: String)
    /// The file is not a SQLite database, or SQLite's integrity check found damage.
    case damaged(path: String, detail: String)
    /// The store was written by a newer JobScope (migrations this build does not know).
    case newerSchema(path: String, migrations: [String])
    /// The disk holding the store is full.
    case diskFull(path: String)
    /// Any other database failure while the store was in use.
    case failed(path: String, reason: String)
    case unsupportedOutput(path: String)
    case cannotWriteOutput(path: String, reason: String)
    /// `--store` is neither a file path nor a PostgreSQL URL JobScope can read (`text` has no password).
    case badLocation(text: String, reason: String)
    /// The PostgreSQL server did not answer at `server` (host:port).
    case serverUnreachable(store: String, server: String, reason: String)
    /// The PostgreSQL server refused the user (wrong password, or no entry in its pg_hba.conf).
    case authenticationFailed(store: String, user: String, reason: String)
    /// The PostgreSQL server has no such database.
    case databaseMissing(store: String, database: String, server: String)

    public var errorDescription: String? {
        switch self {
        case .cannotOpen(let path, let reason):
            return "\(path): cannot open the store (\(reason)); check the path and that no other program holds it, "
                + "or pass --store with another file"
        case .damaged(let path, let detail):
            return "\(path): the store is damaged (\(detail)); nothing was written to it. Recover what it holds with "
                + "`sqlite3 \(path) .recover | sqlite3 recovered.sqlite` and pass --store recovered.sqlite, "
                + "or start a new store with --store NEW.sqlite and analyze the inputs again"
        case .newerSchema(let path, let migrations):
            return "\(path): the store was written by a newer JobScope (schema \(migrations.joined(separator: ", ")) "
                + "unknown to JobScope \(JobScopeVersion.current)); nothing was written to it. Use that newer jobscope, or another --store"
        case .diskFull(let path):
            return "\(path): no space left on the device while writing the store; free some space and run again "
                + "(the store keeps every transaction committed before)"
        case .failed(let path, let reason):
            return "\(path): the store failed (\(reason))"
        case .unsupportedOutput(let path):
            return "\(path): --output must end in .jsonl or .csv"
        case .cannotWriteOutput(let path, let reason):
            return "\(path): cannot write the output file (\(reason))"
        case .badLocation(let text, let reason):
            return "\(text): not a store (\(reason)); give --store a SQLite file path or a URL "
                + "postgresql://USER@HOST:PORT/DATABASE (password in the URL or in PGPASSWORD)"
        case .serverUnreachable(let store, let server, let reason):
            return "\(store): cannot reach the PostgreSQL server at \(server) (\(reason)); check that it runs and "
                + "accepts TCP connections there (pg_isready -h HOST -p PORT), or correct the host and port in --store"
        case .authenticationFailed(let store, let user, let reason):
            return "\(store): the PostgreSQL server refused user '\(user)' (\(reason)); check the user and its "
                + "password (in the URL or in PGPASSWORD) and the server's pg_hba.conf"
        case .databaseMissing(let store, let database, let server):
            return "\(store): the PostgreSQL server at \(server) has no database '\(database)'; create it "
                + "(createdb -h HOST -p PORT -U USER \(database)) or name another in --store"
        }
    }
}
