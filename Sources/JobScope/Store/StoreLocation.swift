import Foundation

/// Where a store is, as `--store` names it: a SQLite file, or a PostgreSQL database by URL.
public enum StoreLocation: Sendable, Equatable, CustomStringConvertible {
    case sqlite(path: String)
    case postgresql(PostgresAddress)

    /// Reads `--store`'s value: a `postgresql://` (or `postgres://`) URL, else the path of a SQLite file.
    /// Another `scheme://` is refused rather than taken for a file name.
    public init(parsing text: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        if PostgresAddress.isURL(text) {
            self = .postgresql(try PostgresAddress(url: text, environment: environment))
        } else if let scheme = text.range(of: "://").map({ text[..<$0.lowerBound] }),
            !scheme.isEmpty, scheme.allSatisfy({ $0.isLetter || $0 == "+" })
        {
            throw StoreError.badLocation(
                text: PostgresAddress.redacted(text), reason: "'\(scheme)://' is not a store JobScope can use")
        } else {
            self = .sqlite(path: text)
        }
    }

    /// The path, or the URL without its password.
    public var description: String {
        switch self {
        case .sqlite(let path): return path
        case .postgresql(let address): return address.description
        }
    }

    /// The store's files on this machine (the SQLite file with its WAL and shared memory), which the input walk
    /// passes over and no output may replace; none for a database on a server.
    public var files: [String] {
        switch self {
        case .sqlite(let path): return [path]
        case .postgresql: return []
        }
    }

    /// True when the store's file is there, or the store is on a server (found out on opening).
    public var mayExist: Bool {
        switch self {
        case .sqlite(let path): return FileManager.default.fileExists(atPath: path)
        case .postgresql: return true
        }
    }

    /// Opens the store, creating and migrating it when needed (`StoreError` when it cannot).
    public func open() async throws -> any AnalysisStore {
        switch self {
        case .sqlite(let path): return try PostingStore(path: path)
        case .postgresql(let address): return try await PostgresStore(address: address)
        }
    }
}
