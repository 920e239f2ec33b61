import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file written all or nothing: the bytes go to a hidden temporary file in the same folder, which replaces
/// the target by `rename(2)` only on `commit()`. A run that fails (a full disk, an error, a crash) leaves
/// the old file whole. Writes are buffered and every failure is an `OutputError` naming the target.
///
/// A target that exists and is not a regular file (`/dev/stdout`, a FIFO, `/dev/null`) is written in place:
/// renaming over a device would replace it. `OutputFile.standardOutput()` writes to standard output.
public final class OutputFile {
    /// The path as the caller gave it (for messages).
    public let path: String
    /// The temporary file renamed onto `target` at commit; nil when writing in place.
    private let temporary: String?
    /// Where the file ends up: the real path of `path`.
    private let target: String
    private var descriptor: Int32
    private var buffer: [UInt8] = []
    private var finished = false
    /// Bytes written so far (buffered ones included).
    public private(set) var byteCount = 0

    private static let bufferSize = 1 << 16

    /// Opens a temporary file beside `path` (or `path` itself when it is a device or a FIFO).
    public init(path: String) throws {
        self.path = path
        var info = stat()
        if stat(path, &info) == 0, info.st_mode & S_IFMT != S_IFREG {
            if info.st_mode & S_IFMT == S_IFDIR { throw OutputError.isFolder(output: path) }
            let fd = open(path, O_WRONLY | O_CLOEXEC)
            guard fd >= 0 else { throw OutputError.from(errno: errno, path: path) }
            descriptor = fd
            temporary = nil
            target = path
            return
        }
        guard let target = FileIdentity.prospectiveRealPath(path) else { throw OutputError.noFolder(output: path) }
        self.target = target
        let folder = (target as NSString).deletingLastPathComponent
        let name = (target as NSString).lastPathComponent
        var opened: (String, Int32)?
        for _ in 0..<16 {
            let candidate = "\(folder == "/" ? "" : folder)/.\(name).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp"
            // The umask applies, as for any new file.
            let fd = open(candidate, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
            if fd >= 0 { opened = (candidate, fd); break }
            if errno != EEXIST { throw OutputError.from(errno: errno, path: path) }
        }
        guard let (temporary, fd) = opened else {
            throw OutputError.cannotWrite(path: path, reason: "no free temporary name in its folder")
        }
        self.temporary = temporary
        descriptor = fd
        // A file replaced keeps its permissions.
        var old = stat()
        if stat(target, &old) == 0 { fchmod(fd, old.st_mode & 0o7777) }
    }

    private init(standardOutput: Void) {
        path = "standard output"
        target = path
        temporary = nil
        descriptor = STDOUT_FILENO
    }

    /// Standard output, with the same buffering and error reporting (a full disk behind `>` is an error).
    public static func standardOutput() -> OutputFile { OutputFile(standardOutput: ()) }

    deinit {
        if !finished { discard() }
    }

    /// Appends `text` as UTF-8.
    public func write(_ text: String) throws {
        var text = text
        try text.withUTF8 { try write(bytes: $0) }
    }

    /// Appends bytes.
    public func write(_ data: Data) throws {
        try data.withUnsafeBytes { try write(bytes: $0.bindMemory(to: UInt8.self)) }
    }

    private func write(bytes: UnsafeBufferPointer<UInt8>) throws {
        buffer.append(contentsOf: bytes)
        byteCount += bytes.count
        if buffer.count >= Self.bufferSize { try flush() }
    }

    /// Writes what is buffered.
    public func flush() throws {
        var written = 0
        let total = buffer.count
        try buffer.withUnsafeBytes { raw in
            while written < total {
                let n = systemWrite(descriptor, raw.baseAddress! + written, total - written)
                if n < 0 {
                    if errno == EINTR { continue }
                    throw OutputError.from(errno: errno, path: path)
                }
                written += n
            }
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes the rest, syncs, and puts the file in place. Nothing is left behind if this throws.
    public func commit() throws {
        guard !finished else { return }
        do {
            try flush()
            if let temporary {
                if fsync(descriptor) != 0 { throw OutputError.from(errno: errno, path: path) }
                if close(descriptor) != 0 { descriptor = -1; throw OutputError.from(errno: errno, path: path) }
                descriptor = -1
                if rename(temporary, target) != 0 { throw OutputError.from(errno: errno, path: path) }
            } else if descriptor != STDOUT_FILENO {
                if close(descriptor) != 0 { descriptor = -1; throw OutputError.from(errno: errno, path: path) }
                descriptor = -1
            }
        } catch {
            discard()
            throw error
        }
        finished = true
    }

    /// Drops what was written: the temporary file goes, the target is untouched.
    public func discard() {
        finished = true
        buffer.removeAll()
        if descriptor >= 0 && descriptor != STDOUT_FILENO { close(descriptor) }
        descriptor = -1
        if let temporary { unlink(temporary) }
    }
}

/// write(2), out of reach of `OutputFile`'s own `write` methods.
private func systemWrite(_ fd: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    write(fd, bytes, count)
}
