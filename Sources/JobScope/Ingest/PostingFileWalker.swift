import Foundation

/// Finds the posting files under folders: recursive, in sorted order, skipping hidden files and folders,
/// never following a symbolic link into a folder already being walked (no loops), and keeping only the
/// extensions `PostingReader` reads. A folder's own README, LICENSE and CHANGELOG files describe the
/// folder rather than a job, so the walk skips them (a path given directly is always kept).
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
        var visited = Set<String>()
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                missing.append(path)
                continue
            }
            if isDirectory.boolValue {
                walk(path, visited: &visited, into: &files, seen: &seen)
            } else if seen.insert(path).inserted {
                files.append(path)
            }
        }
        return (files, missing)
    }

    /// The supported files under one folder.
    public func files(under folder: String) -> [String] {
        files(under: [folder]).files
    }

    /// Walks one folder; `visited` holds the real paths of folders already walked, so a symbolic link
    /// back up the tree (a loop) or across to a walked folder is not followed twice.
    private func walk(_ folder: String, visited: inout Set<String>, into files: inout [String], seen: inout Set<String>) {
        guard visited.insert(canonical(folder)).inserted else { return }
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for name in names.sorted() where !name.hasPrefix(".") {
            let path = (folder as NSString).appendingPathComponent(name)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { continue }
            if isDirectory.boolValue {
                walk(path, visited: &visited, into: &files, seen: &seen)
            } else if includeUnsupported || (PostingReader.isSupported(path: path) && !Self.isFolderDocument(name)) {
                if seen.insert(path).inserted { files.append(path) }
            }
        }
    }

    /// README.md, LICENSE.txt, CHANGELOG.md and the like.
    static func isFolderDocument(_ name: String) -> Bool {
        let stem = (name as NSString).deletingPathExtension.uppercased()
        return ["README", "LICENSE", "LICENCE", "CHANGELOG", "CONTRIBUTING", "NOTICE"].contains(stem)
    }

    private func canonical(_ path: String) -> String {
        (path as NSString).resolvingSymlinksInPath
    }
}
