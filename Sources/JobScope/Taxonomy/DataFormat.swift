import Foundation

/// The layout versions of JobScope's data files, kept apart from their content `version:` (which says what the
/// data holds and retrains the model). A file's `format:` says how it is written; a file without one is format 1.
/// A JobScope refuses a file written in a newer format than it reads, rather than misreading it.
public enum DataFormat {
    /// `Models/taxonomy.yaml`.
    public static let taxonomy = 1
    /// `Corpus/title-rules.yaml`.
    public static let titleRules = 1

    /// Checks a file's `format:` (`nil`: none given) against the newest one this JobScope reads.
    public static func check(_ format: Int?, newest: Int, file: String) throws {
        guard let format else { return }
        guard format >= 1 else { throw DataFormatError.invalid(file: file, format: format) }
        if format > newest { throw DataFormatError.newer(file: file, format: format, newest: newest) }
    }
}

/// Why a data file's `format:` was refused.
public enum DataFormatError: LocalizedError, Equatable {
    case newer(file: String, format: Int, newest: Int)
    case invalid(file: String, format: Int)

    public var errorDescription: String? {
        switch self {
        case .newer(let file, let format, let newest):
            return "\(file): written in format \(format) by a newer JobScope; this one (\(JobScopeVersion.current)) "
                + "reads format \(newest) at most: update JobScope, or use a file of format \(newest)"
        case .invalid(let file, let format):
            return "\(file): format \(format) is not a format number; write format: 1 (or leave it out)"
        }
    }
}
