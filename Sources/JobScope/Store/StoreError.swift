import Foundation

/// Why the store or a batch run could not go on.
public enum StoreError: LocalizedError, Sendable, Equatable {
    case cannotOpen(path: String, reason: String)
    case unsupportedOutput(path: String)
    case cannotWriteOutput(path: String, reason: String)
    /// The store was written by a newer JobScope: its schema has migrations this one does not know.
    case newerSchema(path: String, migrations: [String])

    public var errorDescription: String? {
        switch self {
        case .cannotOpen(let path, let reason):
            return "\(path): cannot open the store (\(reason)); check the path and that no other program holds it, "
                + "or pass --store with another file"
        case .unsupportedOutput(let path):
            return "\(path): --output must end in .jsonl or .csv"
        case .cannotWriteOutput(let path, let reason):
            return "\(path): cannot write the output file (\(reason))"
        case .newerSchema(let path, let migrations):
            return "\(path): written by a newer JobScope (schema \(migrations.joined(separator: ", ")) unknown to "
                + "\(JobScopeVersion.current)); update JobScope, or pass --store with another file"
        }
    }
}
