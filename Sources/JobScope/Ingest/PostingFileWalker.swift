import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Finds the posting files under files and folders, lazily: depth first in name order (so runs are
/// reproducible), one folder listing in memory at a time, so a walk over 50,000 files stays flat in memory.
///
/// Inside folders it skips hidden names (unless `includeHidden`), a folder's own README, LICENSE, CHANGELOG
/// and similar documents (they describe the folder, not a job), and the paths in `excluded`; files whose
/// extension `PostingReader` does not read come back as `unsupported`. Paths given by the caller are always
/// taken, whatever their name. Missing paths, dangling links and folders that cannot be listed come back as
/// `problem`s, never silently dropped.
///
/// A README that is itself a posting is read (boards that publish one folder per posting name every
/// file `README.md`): a README in Markdown or text whose first line is a heading that links somewhere
/// (`# [Title](url)`), or one alone in its folder whose opening heading is followed by a board header
/// line (a company heading, or a `` `💰 salary` `🌎 location` `` line; see `MarkdownPostingHeader`).
/// A documentation README (prose under a plain heading, beside other files) is still skipped. `index.*`
/// files were never skipped. A `descriptions` folder beside a `jobs.json` is not walked: the JSON reader
/// joins each job with its `descriptions/<id>.html` (files there that no job names, old versions, are
/// then not read).
///
/// Folders and files are keyed by device and inode, so however links and hard links join the tree, each
/// folder is listed once and each file is read once (a link loop ends). A symbolic link inside a folder is
/// followed only when it leads inside one of the given paths, unless `followLinks`; a link that leads out is a
/// `problem` naming where it points (a hostile folder cannot make `/etc/passwd` a posting). Only regular files
/// are returned: FIFOs, sockets and devices are `problem`s and are never opened (a FIFO's open would wait
/// for a writer forever).
public struct PostingFileWalker: Sequence, Sendable {
    /// One thing the walk found.
    public enum Entry: Sendable, Equatable {
        /// A file to read, as the caller wrote its folder (for messages).
        case file(String)
        /// A file inside a folder whose extension JobScope does not read.
        case unsupported(String)
        /// A path that could not be walked or read: missing, a dangling link, an unlistable folder, a link out
        /// of the given paths, something that is not a regular file.
        case problem(IngestError)
    }

    /// The files and folders to walk, in order.
    public var paths: [String]
    /// Also take hidden files and folders (names starting with ".") inside folders.
    public var includeHidden: Bool
    /// Follow symbolic links that lead out of the given paths (still each folder once, so loops end).
    public var followLinks: Bool
    /// Absolute paths (as `absolutePath` gives them) never listed, such as a store inside the folder walked.
    public var excluded: Set<String>

    public init(paths: [String], includeHidden: Bool = false, followLinks: Bool = false,
                excluding excluded: [String] = []) {
        self.paths = paths
        self.includeHidden = includeHidden
        self.followLinks = followLinks
        self.excluded = Set(excluded.map(Self.absolutePath))
    }

    /// `path` made absolute and standardized (`.` and `..` resolved, links kept): one key per place.
    public static func absolutePath(_ path: String) -> String {
        // Most paths met in a walk are absolute and clean already: no URL round trip for them.
        if isCleanAbsolute(path) { return path }
        return URL(fileURLWithPath: path).standardizedFileURL.path
    }

    /// True for "/a/b": absolute, and no empty, "." or ".." component (checked on bytes: `String.contains`
    /// goes through Foundation here, once per file).
    static func isCleanAbsolute(_ path: String) -> Bool {
        let slash = UInt8(ascii: "/"), dot = UInt8(ascii: ".")
        var bytes = path.utf8.makeIterator()
        guard bytes.next() == slash else { return false }
        var component = 0   // bytes in the current component
        var dots = 0        // of which dots, while nothing else came
        while let byte = bytes.next() {
            if byte == slash {
                if component == 0 || dots == component && dots <= 2 { return false }
                component = 0
                dots = 0
            } else {
                if byte == dot { dots += 1 }
                component += 1
            }
        }
        return component > 0 && !(dots == component && dots <= 2)
    }

    /// Every entry at once: the files to read, and the problems met (unsupported files are left out).
    public func collect() -> (files: [String], problems: [IngestError]) {
        var files: [String] = []
        var problems: [IngestError] = []
        for entry in self {
            switch entry {
            case .file(let path): files.append(path)
            case .problem(let error): problems.append(error)
            case .unsupported: break
            }
        }
        return (files, problems)
    }

    public func makeIterator() -> Iterator {
        // The roots links may lead into: the given paths, resolved (a given link is the user's own choice).
        let roots = paths.compactMap { FileIdentity.realPath($0) }
        let excludedIdentities = Set(excluded.compactMap { FileIdentity.of($0) })
        return Iterator(walker: self, pending: paths.reversed().map { ($0, true, "", false) }, roots: roots,
                        excludedIdentities: excludedIdentities)
    }

    /// Walks one step at a time; holds the paths still to visit and the folders and files already met.
    public struct Iterator: IteratorProtocol, Sendable {
        let walker: PostingFileWalker
        /// Paths still to visit, last first; `given` marks the caller's own paths, and `name` is the last
        /// component of the others (a folder listing's entry, known without parsing the path).
        /// `alone`: the entry is the only one in its folder (a README alone there may be a posting).
        var pending: [(path: String, given: Bool, name: String, alone: Bool)]
        /// Real paths of the given paths: links inside the walk may lead only below these.
        let roots: [String]
        /// Device and inode of the excluded paths that exist (the same file under another name is excluded too).
        let excludedIdentities: Set<FileIdentity>
        /// Device and inode of the folders listed and the files returned: one entry each, so loops end and a
        /// file reached twice (a link, a hard link) is read once.
        var visited = Set<FileIdentity>()

        init(walker: PostingFileWalker, pending: [(path: String, given: Bool, name: String, alone: Bool)],
             roots: [String], excludedIdentities: Set<FileIdentity>) {
            self.walker = walker
            self.pending = pending
            self.roots = roots
            self.excludedIdentities = excludedIdentities
        }

        public mutating func next() -> Entry? {
            while let (path, given, name, alone) = pending.popLast() {
                if !given, !walker.includeHidden, name.hasPrefix(".") { continue }
                if !walker.excluded.isEmpty, walker.excluded.contains(PostingFileWalker.absolutePath(path)) { continue }
                var info = stat()
                if given {
                    guard stat(path, &info) == 0 else { return .problem(missing(path)) }
                } else {
                    // lstat first: a link is judged before anything it points to is touched.
                    guard lstat(path, &info) == 0 else { return .problem(missing(path)) }
                    if info.st_mode & S_IFMT == S_IFLNK {
                        guard stat(path, &info) == 0 else { return .problem(missing(path)) }
                        if !walker.followLinks, let outside = outsideRoots(path) {
                            return .problem(.linkOutsideInput(path: path, target: outside))
                        }
                    }
                }
                let identity = FileIdentity(info)
                if excludedIdentities.contains(identity) { continue }
                switch info.st_mode & S_IFMT {
                case S_IFDIR:
                    guard visited.insert(identity).inserted else { continue }
                    do {
                        var children = try PostingFileWalker.names(inFolder: path).sorted()
                        if children.contains("jobs.json") { children.removeAll { $0 == "descriptions" } }
                        let base = path.hasSuffix("/") ? String(path.dropLast()) : path
                        let alone = children.count == 1
                        pending.append(contentsOf: children.reversed().map { ("\(base)/\($0)", false, $0, alone) })
                    } catch {
                        return .problem(.unreadableFolder(path: path, reason: error.localizedDescription))
                    }
                case S_IFREG:
                    if !given {
                        if PostingFileWalker.isFolderDocument(name) {
                            guard PostingFileWalker.isPostingREADME(path: path, name: name, alone: alone) else { continue }
                        } else {
                            guard PostingReader.isSupported(path: path) else { return .unsupported(path) }
                        }
                    }
                    guard visited.insert(identity).inserted else { continue }
                    return .file(path)
                default:
                    return .problem(.notRegularFile(path: path, kind: PostingFileWalker.kind(of: info.st_mode)))
                }
            }
            return nil
        }

        /// Where the link at `path` leads when that is outside every root; nil when it stays inside one.
        private func outsideRoots(_ path: String) -> String? {
            guard let real = FileIdentity.realPath(path) else { return nil }
            for root in roots where real == root || real.hasPrefix(root == "/" ? "/" : root + "/") { return nil }
            return real
        }

        private func missing(_ path: String) -> IngestError {
            if let target = try? FileManager.default.destinationOfSymbolicLink(atPath: path) {
                return .danglingLink(path: path, target: target)
            }
            return .notFound(path: path)
        }
    }

    /// What a file that is neither a folder nor a regular file is, for messages.
    static func kind(of mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFIFO: return "a named pipe (FIFO)"
        case S_IFSOCK: return "a socket"
        case S_IFCHR: return "a character device"
        case S_IFBLK: return "a block device"
        default: return "not a regular file"
        }
    }

    /// The names in a folder, "." and ".." left out, in the order the system lists them: read with
    /// `readdir` (FileManager's listing cost as much as the rest of the walk on a board of one-file folders).
    /// A folder that cannot be opened, or a name that is not UTF-8, goes through FileManager, for its error
    /// message and its decoding.
    static func names(inFolder path: String) throws -> [String] {
        guard let folder = opendir(path) else { return try FileManager.default.contentsOfDirectory(atPath: path) }
        defer { closedir(folder) }
        var names: [String] = []
        while let entry = readdir(folder) {
            let name = withUnsafePointer(to: &entry.pointee.d_name) { tuple in
                tuple.withMemoryRebound(to: CChar.self, capacity: MemoryLayout.size(ofValue: tuple.pointee)) {
                    String(validatingCString: $0)
                }
            }
            guard let name else { return try FileManager.default.contentsOfDirectory(atPath: path) }
            if name == "." || name == ".." { continue }
            names.append(name)
        }
        return names
    }

    /// Whether a README (by `isFolderDocument`) is a posting rather than the folder's documentation (see
    /// the type's comment): decided on its first 4 KB.
    static func isPostingREADME(path: String, name: String, alone: Bool) -> Bool {
        guard stem(of: name) == "README" else { return false }
        let format = PostingFormat(path: name)
        guard format == .markdown || format == .text || (name as NSString).pathExtension.isEmpty else { return false }
        let head = (try? FileBytes.prefix(path: path, count: 4096)) ?? []
        let start = ByteScan.bomLength(head)
        // A header's link comes from its opening heading alone: the rest is parsed only when there is none.
        guard let opening = MarkdownPostingHeader.openingHeading(head, from: start) else { return false }
        if MarkdownPostingHeader.link(opening.text) != nil { return true }
        guard alone, let header = MarkdownPostingHeader.parse(head, from: start) else { return false }
        return header.company != nil || header.salary != nil || header.location != nil
    }

    /// README.md, LICENSE.txt, CHANGELOG.md, read-me.txt and the like.
    static func isFolderDocument(_ name: String) -> Bool {
        // Every such stem starts with A, C, L, N or R: an ASCII name whose first letter (past "-", "_"
        // and spaces) is another one is not one, without the work below.
        if let first = name.utf8.first(where: { $0 != UInt8(ascii: "-") && $0 != UInt8(ascii: "_") && $0 != 0x20 }),
           first < 0x80, !"ACLNRacnlr".utf8.contains(first) {
            return false
        }
        return ["README", "LICENSE", "LICENCE", "CHANGELOG", "CHANGES", "CONTRIBUTING", "NOTICE", "AUTHORS"]
            .contains(stem(of: name))
    }

    /// The name without its extension, uppercased, without "-", "_" and spaces ("read-me.txt" → "README").
    static func stem(of name: String) -> String {
        asciiStem(of: name)
            ?? (name as NSString).deletingPathExtension.uppercased().filter { $0 != "-" && $0 != "_" && $0 != " " }
    }

    /// `stem(of:)` over bytes for the usual names: ASCII letters, digits, "-", "_" and spaces, with at most
    /// one extension of letters and digits after a dot that is not first. Nil for any other name (Foundation's
    /// rules for dots and extensions decide those).
    static func asciiStem(of name: String) -> String? {
        let bytes = Array(name.utf8)
        var stem: [UInt8] = []
        stem.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count, bytes[i] != UInt8(ascii: ".") {
            let b = bytes[i]
            let isLower = b >= 0x61 && b <= 0x7A
            let isLetterOrDigit = isLower || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39)
            guard isLetterOrDigit || b == UInt8(ascii: "-") || b == UInt8(ascii: "_") || b == 0x20 else { return nil }
            if isLetterOrDigit { stem.append(isLower ? b - 0x20 : b) }
            i += 1
        }
        if i < bytes.count {
            // One dot, not first, then one or more letters or digits to the end.
            guard i > 0, i + 1 < bytes.count else { return nil }
            for b in bytes[(i + 1)...] {
                guard (b | 0x20 >= 0x61 && b | 0x20 <= 0x7A) || (b >= 0x30 && b <= 0x39) else { return nil }
            }
        }
        return String(decoding: stem, as: UTF8.self)
    }
}
