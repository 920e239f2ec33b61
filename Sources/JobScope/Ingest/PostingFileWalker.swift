import Foundation

/// Finds the posting files under folders: recursive, in sorted order, skipping hidden files and folders,
/// never following a symbolic link into a folder already being walked (no loops), and keeping only the
/// extensions `PostingReader` reads.
public struct PostingFileWalker: Sendable {
    /// Also list files whose extension JobScope does not read (for reporting what was skipped).
    public var includeUnsupported = false

    public init(includeUnsupported: Bool = false) {
        self.includeUnsupported = includeUnsupported
    }

    /// The supported files under each path (a file path is taken as it is), deduplicated, in order.
    /// Paths that do not exist come back in `missing`.
    public func files(under paths: [String]) -> (files: [String], missing: [String]) {
        var files: [String] = []
        var missing: [String] = []
        var seen = Set<String>()
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                missing.append(path)
                continue
            }
            if isDirectory.boolValue {
                var visiting = Set<String>()
                walk(path, visiting: &visiting, into: &files, seen: &seen)
            } else if seen.insert(canonical(path)).inserted {
                files.append(path)
            }
        }
        return (files, missing)
    }

    /// The supported files under one folder.
    public func files(under folder: String) -> [String] {
        files(under: [folder]).files
    }

    private func walk(_ folder: String, visiting: inout Set<String>, into files: inout [String], seen: inout Set<String>) {
        let real = canonical(folder)
        guard visiting.insert(real).inserted else { return } // a symlink back into the walk
        defer { visiting.remove(real) }
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for name in names.sorted() where !name.hasPrefix(".") {
            let path = (folder as NSString).appendingPathComponent(name)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { continue }
            if isDirectory.boolValue {
                walk(path, visiting: &visiting, into: &files, seen: &seen)
            } else if includeUnsupported || PostingReader.isSupported(path: path) {
                if seen.insert(canonical(path)).inserted { files.append(path) }
            }
        }
    }

    private func canonical(_ path: String) -> String {
        (path as NSString).resolvingSymlinksInPath
    }
}
