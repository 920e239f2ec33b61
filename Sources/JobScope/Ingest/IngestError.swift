import Foundation

/// Why a file or a row could not be read. Every message is one line naming the file (and row or line).
public enum IngestError: LocalizedError, Sendable, Equatable {
    /// The file could not be opened or read (permissions, I/O error).
    case unreadable(path: String, reason: String)
    /// The file does not exist (or vanished between listing and reading).
    case notFound(path: String)
    /// A symbolic link whose target does not exist.
    case danglingLink(path: String, target: String)
    /// A folder whose entries could not be listed (permissions, I/O error).
    case unreadableFolder(path: String, reason: String)
    /// A folder was given where a file was expected.
    case isDirectory(path: String)
    /// The file has no bytes, or only white space.
    case empty(path: String)
    /// The file holds NUL bytes: it is binary, not text.
    case binary(path: String)
    /// The file is larger than the limit.
    case tooLarge(path: String, size: Int, limit: Int)
    /// A quoted CSV field opened on this data row never closes.
    case unbalancedQuote(path: String, row: Int)
    /// The CSV/TSV header names no column the reader can use.
    case noUsableColumns(path: String, columns: [String])
    /// The table is an O*NET database file: occupation reference data, not job postings.
    case referenceTable(path: String, columns: [String])
    /// A `--column` override names a column the file does not have.
    case unknownColumn(path: String, field: String, column: String)
    /// The JSON (or one JSONL line) does not parse.
    case invalidJSON(path: String, line: Int?, reason: String)
    /// One record (row, line, array element) held nothing to read.
    case emptyRecord(path: String, record: String)
    /// The file parsed but held no posting text.
    case noPostings(path: String, reason: String)
    /// A Hacker News comment whose first line is not `Company | Role | Location | …` (a reply, a question).
    case notAJobPost(path: String, record: String)
    /// `--date-from-path required`: a posting with no date of its own and none in its path.
    case undated(path: String, record: String)
    /// The column mapping gives no body: the table holds titles (or other fields) only.
    case noBodyColumn(path: String, columns: [String])
    /// A row holds a NUL byte: the row is left out, the rest of the file is read.
    case nulInRow(path: String, row: Int)
    /// A quoted field opened on this row would swallow the rows after it (its quote is stray).
    case strayQuote(path: String, row: Int, lines: Int)

    public var errorDescription: String? {
        switch self {
        case .unreadable(let path, let reason):
            return "\(path): cannot read the file (\(reason)); check its permissions"
        case .notFound(let path):
            return "\(path): no such file or folder (it may have been moved or deleted)"
        case .danglingLink(let path, let target):
            return "\(path): symbolic link to \(target), which does not exist; fix or remove the link"
        case .unreadableFolder(let path, let reason):
            return "\(path): cannot list the folder (\(reason)); check its permissions"
        case .isDirectory(let path):
            return "\(path): is a folder; give a file, or use `analyze` for a folder"
        case .empty(let path):
            return "\(path): the file is empty"
        case .binary(let path):
            return "\(path): binary file (holds NUL bytes), not a posting; skipped"
        case .tooLarge(let path, let size, let limit):
            return "\(path): \(size) bytes is over the \(limit)-byte limit; raise it with --max-size"
        case .unbalancedQuote(let path, let row):
            return "\(path):row \(row): a quoted field opens here and never closes (unbalanced \"); fix the quote or re-export the file"
        case .noUsableColumns(let path, let columns):
            return "\(path): no title or description column among [\(Self.shown(columns))], so not a posting export; "
                + "if it holds postings, name the text column with --column description=NAME"
        case .referenceTable(let path, let columns):
            return "\(path): an O*NET reference table [\(Self.shown(columns))], not a posting export; skipped "
                + "(to read its rows as postings anyway, map a column with --column description=NAME)"
        case .unknownColumn(let path, let field, let column):
            return "\(path): --column \(field)=\(column) names no column of this file"
        case .invalidJSON(let path, let line, let reason):
            let place = line.map { "\(path):\($0)" } ?? path
            return "\(place): invalid JSON (\(reason))"
        case .emptyRecord(let path, let record):
            return "\(path):\(record): no title or description; skipped"
        case .noPostings(let path, let reason):
            return "\(path): no posting text found (\(reason))"
        case .notAJobPost(let path, let record):
            return "\(path):\(record): a comment whose first line is not \"Company | Role | Location\", so not a job post; skipped"
        case .undated(let path, let record):
            let place = record == path ? path : record
            return "\(place): no date in the posting or its path (--date-from-path required); skipped"
        case .noBodyColumn(let path, let columns):
            return "\(path): no description column among [\(Self.shown(columns))], so every posting would have an empty body; "
                + "name the text column with --column description=NAME, or read it anyway with --allow-empty-body"
        case .nulInRow(let path, let row):
            return "\(path):row \(row): holds a NUL byte (damaged export); row skipped, the rest of the file read"
        case .strayQuote(let path, let row, let lines):
            return "\(path):row \(row): a stray \" would merge the next \(lines) lines into this row; "
                + "read them as separate rows and skipped this one; fix the quote or re-export the file"
        }
    }

    /// The file the error is about.
    public var path: String {
        switch self {
        case .unreadable(let path, _), .notFound(let path), .danglingLink(let path, _), .unreadableFolder(let path, _), .isDirectory(let path), .empty(let path),
             .binary(let path), .tooLarge(let path, _, _), .unbalancedQuote(let path, _),
             .noUsableColumns(let path, _), .referenceTable(let path, _), .unknownColumn(let path, _, _), .invalidJSON(let path, _, _),
             .emptyRecord(let path, _), .noPostings(let path, _), .undated(let path, _), .notAJobPost(let path, _), .noBodyColumn(let path, _),
             .nulInRow(let path, _), .strayQuote(let path, _, _):
            return path
        }
    }

    /// Column names for a message: names from a damaged header may hold control characters or run long,
    /// so they are cut and cleaned to keep the message one line.
    private static func shown(_ columns: [String]) -> String {
        columns.prefix(12).map { name in
            String(String.UnicodeScalarView(name.unicodeScalars.prefix(40).map {
                $0.properties.generalCategory == .control ? " " : $0
            }))
        }.joined(separator: ", ")
    }
}
