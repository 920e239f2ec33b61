import Foundation

/// One `--column FIELD=NAME`: read posting field `field` from the export column (or JSON key) named `column`.
public struct ColumnOverride: Sendable, Hashable {
    public var field: PostingField
    public var column: String

    public init(field: PostingField, column: String) {
        self.field = field
        self.column = column
    }

    /// Parses `FIELD=NAME` (`title=Job Title`); FIELD is matched like a column name (`employmentType` works too).
    public init(parsing text: String) throws {
        guard let eq = text.firstIndex(of: "="), let field = PostingField(overrideName: String(text[..<eq])),
            !text[text.index(after: eq)...].isEmpty
        else {
            throw ColumnOverrideError.malformed(text)
        }
        self.init(field: field, column: String(text[text.index(after: eq)...]))
    }
}

/// Why a `--column` value was refused.
public enum ColumnOverrideError: LocalizedError, Equatable {
    case malformed(String)

    public var errorDescription: String? {
        switch self {
        case .malformed(let text):
            let fields = PostingField.allCases.map(\.rawValue).joined(separator: ", ")
            return "--column expects FIELD=NAME with FIELD one of: \(fields); got '\(text)'"
        }
    }
}

extension ReaderOptions {
    /// Reads each override's field from its column (a later override of the same field wins).
    public mutating func apply(_ overrides: [ColumnOverride]) {
        for override in overrides { columns[override.field.rawValue] = override.column }
    }
}
