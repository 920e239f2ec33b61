import Foundation

/// Why a folder of result files could not be merged.
public enum ResultFolderError: LocalizedError, Equatable {
    case notFolder(path: String)
    case noResultFiles(path: String)
    case unreadable(path: String, reason: String)
    case badLine(path: String, line: Int, reason: String)

    public var errorDescription: String? {
        switch self {
        case .notFolder(let path):
            return "\(path): not a folder; give --from the folder that holds the result files (*.jsonl or part-*)"
        case .noResultFiles(let path):
            return "\(path): holds no result files (*.jsonl, or part-* as Spark and Hadoop write); "
                + "write them with `jobscope stream` or `jobscope analyze --output FILE.jsonl`"
        case .unreadable(let path, let reason):
            return "\(path): cannot read the file (\(reason)); check its permissions"
        case .badLine(let path, let line, let reason):
            return "\(path):\(line): not a result record (\(reason)); the line is left out"
        }
    }
}
