import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Loads a file's bytes with POSIX calls, so each failure (missing, a folder, unreadable, too large)
/// becomes its own `IngestError` and the size is checked before anything is read.
enum FileBytes {
    static func load(path: String, limit: Int) throws -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw error(for: errno, path: path) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw error(for: errno, path: path) }
        if (info.st_mode & S_IFMT) == S_IFDIR { throw IngestError.isDirectory(path: path) }
        let size = Int(info.st_size)
        if size > limit { throw IngestError.tooLarge(path: path, size: size, limit: limit) }
        if size == 0 && (info.st_mode & S_IFMT) == S_IFREG { throw IngestError.empty(path: path) }
        var bytes = [UInt8](repeating: 0, count: max(size, 0))
        var filled = 0
        while filled < size {
            let n = bytes.withUnsafeMutableBytes { buffer in
                read(fd, buffer.baseAddress! + filled, size - filled)
            }
            if n < 0 {
                if errno == EINTR { continue }
                throw error(for: errno, path: path)
            }
            if n == 0 { break } // the file shrank while we read it
            filled += n
        }
        if filled < size { bytes.removeLast(size - filled) }
        return bytes
    }

    /// The first `count` bytes of a file (fewer when it is shorter).
    static func prefix(path: String, count: Int) throws -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw error(for: errno, path: path) }
        defer { close(fd) }
        var bytes = [UInt8](repeating: 0, count: count)
        var filled = 0
        while filled < count {
            let n = bytes.withUnsafeMutableBytes { buffer in read(fd, buffer.baseAddress! + filled, count - filled) }
            if n < 0 {
                if errno == EINTR { continue }
                throw error(for: errno, path: path)
            }
            if n == 0 { break }
            filled += n
        }
        bytes.removeLast(count - filled)
        return bytes
    }

    private static func error(for code: Int32, path: String) -> IngestError {
        switch code {
        case ENOENT, ENOTDIR: return .notFound(path: path)
        case EISDIR: return .isDirectory(path: path)
        default: return .unreadable(path: path, reason: String(cString: strerror(code)))
        }
    }
}
