import Foundation

/// Why an output file was refused or could not be written. Each message names the file and says what to do.
public enum OutputError: LocalizedError, Sendable, Equatable {
    /// The output would overwrite the store the command reads or writes.
    case isStore(output: String, store: String)
    /// The output would overwrite one of the inputs.
    case isInput(output: String, input: String)
    /// The output would be written inside a folder being read as input.
    case insideInput(output: String, folder: String)
    /// The output's folder does not exist.
    case noFolder(output: String)
    /// The output path names a folder.
    case isFolder(output: String)
    /// The disk (or quota) is full.
    case diskFull(path: String)
    /// Any other failure to create, write or rename the file.
    case cannotWrite(path: String, reason: String)

    public var errorDescription: String? {
        switch self {
        case .isStore(let output, let store):
            return "\(output): is the store \(store); refusing to overwrite it (nothing written). Give the output another name"
        case .isInput(let output, let input):
            return "\(output): is the input \(input); refusing to overwrite it (nothing written). Give the output another name"
        case .insideInput(let output, let folder):
            return "\(output): lies inside the input folder \(folder), which is being read; refusing to write there "
                + "(nothing written). Write the output outside that folder"
        case .noFolder(let output):
            return "\(output): its folder does not exist; create it first or give another path"
        case .isFolder(let output):
            return "\(output): is a folder; give a file name"
        case .diskFull(let path):
            return "\(path): no space left on the device; free some space and run again (an existing file there is left as it was)"
        case .cannotWrite(let path, let reason):
            return "\(path): cannot write (\(reason)); check the folder's permissions"
        }
    }

    /// The error for a failed system call on `path`, from errno.
    static func from(errno code: Int32, path: String) -> OutputError {
        switch code {
        case ENOSPC, EDQUOT: return .diskFull(path: path)
        case EISDIR: return .isFolder(output: path)
        case ENOENT, ENOTDIR: return .noFolder(output: path)
        default: return .cannotWrite(path: path, reason: String(cString: strerror(code)))
        }
    }
}
