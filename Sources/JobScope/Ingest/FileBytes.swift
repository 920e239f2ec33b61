import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Loads a file's bytes with POSIX calls, so each failure (missing, a folder, unreadable, too large)
/// becomes its own `IngestError` and the size is checked before anything is read. Only regular files are read:
/// the open is non-blocking (a FIFO's open would otherwise wait for a writer forever) and anything else is refused.
enum FileBytes {
    static func load(path: String, limit: Int) throws -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { throw error(for: errno, path: path) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw error(for: errno, path: path) }
        if (info.st_mode & S_IFMT) == S_IFDIR { throw IngestError.isDirectory(path: path) }
        if (info.st_mode & S_IFMT) != S_IFREG {
            throw IngestError.notRegularFile(path: path, kind: PostingFileWalker.kind(of: info.st_mode))
        }
        let size = Int(info.st_size)
        if size > limit { throw IngestError.tooLarge(path: path, size: size, limit: limit) }
        if size == 0 && (info.st_mode & S_IFMT) == S_IFREG { throw IngestError.empty(path: path) }
        // Read straight into the array's storage (no zero fill first: the pages are touched once).
        var failure: Int32?
        let bytes = [UInt8](unsafeUninitializedCapacity: max(size, 0)) { buffer, count in
            var filled = 0
            while filled < size {
                let n = read(fd, buffer.baseAddress! + filled, size - filled)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    break
                }
                if n == 0 { break } // the file shrank while we read it
                filled += n
            }
            count = filled
        }
        if let failure { throw error(for: failure, path: path) }
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
