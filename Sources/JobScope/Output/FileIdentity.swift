import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file's place on disk: device and inode. Two paths with the same identity are the same file, whatever
/// links, `./`, `..` or hard links lie between them.
public struct FileIdentity: Hashable, Sendable {
    public var device: UInt64
    public var inode: UInt64

    public init(device: UInt64, inode: UInt64) {
        self.device = device
        self.inode = inode
    }

    init(_ info: stat) {
        device = UInt64(truncatingIfNeeded: info.st_dev)
        inode = UInt64(truncatingIfNeeded: info.st_ino)
    }

    /// The identity of what `path` names, following symbolic links; nil when it does not exist.
    public static func of(_ path: String) -> FileIdentity? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return FileIdentity(info)
    }

    /// `path` with every symbolic link, `.` and `..` resolved (realpath(3)); nil when it does not exist.
    public static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// The real path `path` would have once created: its folder resolved, its own name kept (a link at
    /// `path` itself is resolved too). Nil when the folder does not exist.
    public static func prospectiveRealPath(_ path: String) -> String? {
        if let real = realPath(path) { return real }
        let url = URL(fileURLWithPath: path)
        let name = url.lastPathComponent
        guard let folder = realPath(url.deletingLastPathComponent().path) else { return nil }
        return folder == "/" ? "/" + name : folder + "/" + name
    }
}
