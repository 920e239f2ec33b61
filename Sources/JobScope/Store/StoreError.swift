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
        }
    }
}
