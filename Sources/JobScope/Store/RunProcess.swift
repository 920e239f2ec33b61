import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The process an `analyze` run belongs to, as a SQLite store records it (`runs.process`), so that a later run can
/// tell a killed run from one that another process on the same machine is still writing.
///
/// A SQLite store has no server to hold a lock for a run's lifetime (PostgreSQL's advisory lock does that), so the
/// run names its host, its process id and, where `/proc` tells it, the process's start time: a process id that the
/// system has given to a new process since is not taken for the run's.
public struct RunProcess: Sendable, Equatable, Codable {
    /// The machine's host name.
    public var host: String
    /// The process id.
    public var pid: Int32
    /// The process's start time in clock ticks since boot (`/proc/PID/stat`, field 22); nil where unknown.
    public var startTicks: UInt64?

    /// A process by its parts.
    public init(host: String, pid: Int32, startTicks: UInt64?) {
        self.host = host
        self.pid = pid
        self.startTicks = startTicks
    }

    /// This process.
    public static var current: RunProcess {
        let pid = getpid()
        return RunProcess(host: hostName(), pid: pid, startTicks: procStat(pid)?.startTicks)
    }

    /// The text the store keeps: `host pid [start]`.
    public var token: String {
        [host, String(pid), startTicks.map(String.init)].compactMap { $0 }.joined(separator: " ")
    }

    /// Reads a token written by `token`; nil when it is not one.
    public init?(token: String) {
        let parts = token.split(separator: " ")
        guard parts.count == 2 || parts.count == 3, let pid = Int32(parts[1]), pid > 0 else { return nil }
        var start: UInt64?
        if parts.count == 3 {
            guard let ticks = UInt64(parts[2]) else { return nil }
            start = ticks
        }
        self.init(host: String(parts[0]), pid: pid, startTicks: start)
    }

    /// Whether the process still runs: nil when it ran on another host, where this machine cannot tell.
    public var isAlive: Bool? {
        guard host == Self.hostName() else { return nil }
        if kill(pid, 0) != 0 && errno == ESRCH { return false }
        guard let stat = Self.procStat(pid) else { return true }  // no /proc: kill's answer stands
        if stat.state == "Z" || stat.state == "X" { return false }  // exited, not yet reaped by its parent
        if let startTicks, let now = stat.startTicks, now != startTicks { return false }  // id given to another
        return true
    }

    private static func hostName() -> String {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count - 1) == 0 else { return "localhost" }
        let name = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        // The token is split on spaces; a host name has none, but keep the token readable whatever it holds.
        return name.isEmpty ? "localhost" : name.replacingOccurrences(of: " ", with: "_")
    }

    /// The state letter and start time of `/proc/PID/stat`; nil where there is no such file.
    private static func procStat(_ pid: Int32) -> (state: Character, startTicks: UInt64?)? {
        guard let data = FileManager.default.contents(atPath: "/proc/\(pid)/stat") else { return nil }
        let text = String(decoding: data, as: UTF8.self)
        // The command name (field 2) is in parentheses and may hold spaces: read the fields after its last ')'.
        guard let close = text.lastIndex(of: ")") else { return nil }
        let fields = text[text.index(after: close)...].split(separator: " ")
        guard let state = fields.first?.first else { return nil }
        // After the name, field 3 (state) is at index 0, so field 22 (starttime) is at index 19.
        return (state, fields.count > 19 ? UInt64(fields[19]) : nil)
    }
}
