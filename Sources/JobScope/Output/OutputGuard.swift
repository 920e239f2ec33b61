import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Refuses an output path that would destroy what a command reads: the store (or its WAL and shared-memory
/// files), an input file, or any file inside an input folder. Paths are compared by device and inode and by
/// real path, so `./s.sqlite`, an absolute path, a symbolic link or a hard link to the store are all caught.
/// Runs before anything is written.
public struct OutputGuard: Sendable {
    /// Stores the command opens.
    public var stores: [String]
    /// Input files and folders the command reads.
    public var inputs: [String]

    public init(stores: [String] = [], inputs: [String] = []) {
        self.stores = stores
        self.inputs = inputs
    }

    /// Throws `OutputError` when writing `output` would overwrite a store or an input, or land inside an input folder.
    public func check(output: String) throws {
        let outputIdentity = FileIdentity.of(output)
        let outputReal = FileIdentity.prospectiveRealPath(output)
        var info = stat()
        if stat(output, &info) == 0, info.st_mode & S_IFMT == S_IFDIR { throw OutputError.isFolder(output: output) }
        func same(_ other: String) -> Bool {
            if let outputIdentity, let identity = FileIdentity.of(other) { return outputIdentity == identity }
            // Neither need exist yet (a store about to be created): compare where they would be.
            guard let outputReal, let otherReal = FileIdentity.prospectiveRealPath(other) else { return false }
            return outputReal == otherReal
        }
        for store in stores {
            for file in [store, store + "-wal", store + "-shm", store + "-journal"] where same(file) {
                throw OutputError.isStore(output: output, store: store)
            }
        }
        // The folders that would hold the output, up to the root: one of them may be an input folder.
        var ancestors: [FileIdentity] = []
        if let outputReal {
            var folder = (outputReal as NSString).deletingLastPathComponent
            while true {
                if let identity = FileIdentity.of(folder) { ancestors.append(identity) }
                if folder == "/" || folder.isEmpty { break }
                folder = (folder as NSString).deletingLastPathComponent
            }
        }
        for input in inputs {
            var inputInfo = stat()
            guard stat(input, &inputInfo) == 0 else { continue }
            if inputInfo.st_mode & S_IFMT == S_IFDIR {
                if ancestors.contains(FileIdentity(inputInfo)) {
                    throw OutputError.insideInput(output: output, folder: input)
                }
            } else if same(input) {
                throw OutputError.isInput(output: output, input: input)
            }
        }
    }
}
