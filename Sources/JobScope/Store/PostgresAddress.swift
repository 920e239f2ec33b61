import Foundation

/// A PostgreSQL database named by a `postgresql://USER[:PASSWORD]@HOST[:PORT]/DATABASE[?sslmode=MODE]` URL
/// (`postgres://` too), as libpq writes it. The password may instead come from `PGPASSWORD`, which keeps it out
/// of the command line; it is never part of `description`, so no message or log shows it.
public struct PostgresAddress: Sendable, Equatable, CustomStringConvertible {
    /// Whether the connection is encrypted (libpq's `sslmode`; `verify-full` also checks the server's certificate).
    public enum TLSMode: String, Sendable, CaseIterable {
        case disable, prefer, require
        case verifyFull = "verify-full"
    }

    public var host: String
    public var port: Int
    public var user: String
    public var password: String?
    public var database: String
    public var tls: TLSMode

    /// Reads a URL; `environment` supplies `PGPASSWORD` (when the URL has no password) and `USER` (when it has no user).
    public init(url text: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        func refuse(_ reason: String) -> StoreError {
            .badLocation(text: PostgresAddress.redacted(text), reason: reason)
        }
        guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased(),
            PostgresAddress.schemes.contains(scheme)
        else { throw refuse("not a URL of the form postgresql://USER@HOST:PORT/DATABASE") }
        guard let host = components.host, !host.isEmpty else { throw refuse("no host") }
        let database = String(components.path.drop { $0 == "/" })
        guard !database.isEmpty, !database.contains("/") else { throw refuse("no database name after the host") }
        guard let user = components.user?.removingPercentEncoding ?? environment["USER"], !user.isEmpty else {
            throw refuse("no user")
        }
        var tls = TLSMode.prefer
        for item in components.queryItems ?? [] {
            guard item.name == "sslmode", let mode = item.value.flatMap(TLSMode.init(rawValue:)) else {
                throw refuse("unknown parameter '\(item.name)=\(item.value ?? "")' (only sslmode="
                    + TLSMode.allCases.map(\.rawValue).joined(separator: "|") + ")")
            }
            tls = mode
        }
        self.host = host.hasPrefix("[") ? String(host.dropFirst().dropLast()) : host
        self.port = components.port ?? 5432
        self.user = user
        self.password = components.password?.removingPercentEncoding ?? environment["PGPASSWORD"]
        self.database = database
        self.tls = tls
    }

    /// The URL schemes that name a PostgreSQL store.
    static let schemes: Set<String> = ["postgresql", "postgres"]

    /// True when `text` is meant as a PostgreSQL URL rather than a file path.
    static func isURL(_ text: String) -> Bool {
        guard let colon = text.range(of: "://") else { return false }
        return schemes.contains(text[..<colon.lowerBound].lowercased())
    }

    /// The URL as shown in messages: no password.
    public var description: String {
        let shownHost = host.contains(":") ? "[\(host)]" : host
        return "postgresql://\(user)@\(shownHost):\(port)/\(database)" + (tls == .prefer ? "" : "?sslmode=\(tls.rawValue)")
    }

    /// `host:port`, as the messages about reaching the server name it.
    var server: String { host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)" }

    /// `text` with any password between `user:` and `@` replaced by `***`, for a message about a URL that could
    /// not be read.
    static func redacted(_ text: String) -> String {
        guard let start = text.range(of: "://"), let at = text[start.upperBound...].lastIndex(of: "@") else {
            return text
        }
        let credentials = text[start.upperBound..<at]
        guard let colon = credentials.firstIndex(of: ":") else { return text }
        return String(text[..<colon]) + ":***" + String(text[at...])
    }
}
