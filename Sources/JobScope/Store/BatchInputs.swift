import Foundation

/// The files a batch run reads, found lazily: files given as such, and every file under the folders given,
/// depth first in name order (so runs are reproducible), one directory listing in memory at a time.
/// Hidden files and folders are left out unless asked for; so are the paths in `excluded` (the store itself).
/// Inside folders only the extensions `PostingReader` reads are taken (as `PostingFileWalker` does); others are
/// reported as `unsupported` so a summary can say how many were passed over. A file given by name is always read.
///
/// Unlike `PostingFileWalker`, which returns the whole list, this walks lazily: a run over millions of files
/// never holds their names, and a dangling link inside a folder is handed on so the reader reports it.
struct BatchInputs: Sequence, Sendable {
    /// A file to read, or a path that could not be walked.
    enum Entry: Sendable, Equatable {
        /// `path` as the user would write it (for messages), `key` its absolute form (for the store).
        case file(path: String, key: String)
        case problem(path: String, message: String)
        /// A file inside a folder whose extension JobScope does not read.
        case unsupported(path: String)
    }

    var paths: [String]
    var includeHidden: Bool
    var excluded: Set<String>

    static func key(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.path
    }

    func makeIterator() -> Iterator {
        Iterator(inputs: self, pending: paths.reversed().map { ($0, true) })
    }

    struct Iterator: IteratorProtocol {
        let inputs: BatchInputs
        /// Paths still to visit, last first; `given` marks the user's own arguments.
        var pending: [(path: String, given: Bool)]

        mutating func next() -> Entry? {
            let fm = FileManager.default
            while let (path, given) = pending.popLast() {
                let name = (path as NSString).lastPathComponent
                if !given, !inputs.includeHidden, name.hasPrefix(".") { continue }
                let key = BatchInputs.key(path)
                if inputs.excluded.contains(key) { continue }
                var isDirectory: ObjCBool = false
                guard fm.fileExists(atPath: path, isDirectory: &isDirectory) else {
                    if given { return .problem(path: path, message: StoreError.inputNotFound(path: path).localizedDescription) }
                    // A dangling link or an entry that vanished while walking: the reader names the problem.
                    if !PostingReader.isSupported(path: path) { return .unsupported(path: path) }
                    return .file(path: path, key: key)
                }
                guard isDirectory.boolValue else {
                    if !given, !PostingReader.isSupported(path: path) { return .unsupported(path: path) }
                    return .file(path: path, key: key)
                }
                // Symbolic links to folders are followed only when given: a link cycle cannot trap the walk.
                if !given, (try? fm.destinationOfSymbolicLink(atPath: path)) != nil { continue }
                do {
                    let children = try fm.contentsOfDirectory(atPath: path).sorted()
                    let base = path.hasSuffix("/") ? String(path.dropLast()) : path
                    pending.append(contentsOf: children.reversed().map { ("\(base)/\($0)", false) })
                } catch {
                    return .problem(path: path, message: "\(path): cannot list the folder (\(error.localizedDescription))")
                }
            }
            return nil
        }
    }
}
