import Foundation

/// Which columns (or keys) of an export feed which posting field, resolved once per file from its names.
struct ColumnMapping: Sendable {
    /// For each field, the candidate column indexes, best first; a row takes the first non-empty one.
    var candidates: [PostingField: [Int]]
    /// Unmapped columns worth keeping in `Posting.extra`: (key, index).
    var extras: [(key: String, index: Int)]
    /// Whether `record(from:)` reads the column at each index (a field candidate or an extra): a reader need
    /// not work out the value of any other.
    var readsColumn: [Bool] = []

    /// Normalized names of columns kept in `extra` besides the mapped fields.
    static let keptExtras: Set<String> = [
        "sector", "functions", "function", "jobfunction", "url", "joburl", "joblink", "link", "rating", "size",
        "typeofownership", "revenue", "headquarters", "founded", "country", "applicantscount", "remote",
        "workplacetype", "category", "occupationalcategory", "validthrough", "team", "department",
    ]

    /// Maps `names` (a header row or an object's keys). Overrides (`field → column`) win over the aliases.
    init(names: [String], overrides: [String: String], path: String) throws {
        var candidates: [PostingField: [(rank: Int, index: Int)]] = [:]
        var used = Set<Int>()
        for (index, name) in names.enumerated() {
            guard let field = PostingField(columnName: name), let rank = field.rank(of: name) else { continue }
            candidates[field, default: []].append((rank, index))
        }
        var resolved: [PostingField: [Int]] = [:]
        for (field, list) in candidates {
            resolved[field] = list.sorted { ($0.rank, $0.index) < ($1.rank, $1.index) }.map(\.index)
        }
        for (key, column) in overrides {
            guard let field = PostingField(overrideName: key) else { continue }
            let wanted = PostingField.normalize(column)
            guard let index = names.firstIndex(where: { $0 == column })
                    ?? names.firstIndex(where: { PostingField.normalize($0) == wanted }) else {
                throw IngestError.unknownColumn(path: path, field: key, column: column)
            }
            // The overridden column is this field's only source, and no longer feeds another field.
            for other in resolved.keys { resolved[other]?.removeAll { $0 == index } }
            resolved[field] = [index]
        }
        for list in resolved.values { used.formUnion(list) }
        var extras: [(key: String, index: Int)] = []
        for (index, name) in names.enumerated() where !used.contains(index) {
            if ColumnMapping.keptExtras.contains(PostingField.normalize(name)) {
                extras.append((ColumnMapping.extraKey(name), index))
            }
        }
        self.candidates = resolved
        self.extras = extras
        var reads = Array(repeating: false, count: names.count)
        for index in used.union(extras.map(\.index)) where index < reads.count { reads[index] = true }
        self.readsColumn = reads
    }

    /// Whether the names gave anything to read a posting from.
    var hasTextColumn: Bool {
        !(candidates[.description] ?? []).isEmpty || !(candidates[.title] ?? []).isEmpty
    }

    /// Whether a column feeds the body (a table of titles only has none).
    var hasBodyColumn: Bool {
        !(candidates[.description] ?? []).isEmpty
    }

    /// The first non-empty value for `field` among its candidate columns.
    func value(_ field: PostingField, in row: [String]) -> String? {
        guard let list = candidates[field] else { return nil }
        for index in list where index < row.count {
            let value = row[index]
            if !value.isEmpty, !ColumnMapping.isNullMarker(value) { return value }
        }
        return nil
    }

    /// The record's fields and kept extras, from one row of values aligned with the names.
    func record(from row: [String]) -> PostingRecord {
        var record = PostingRecord()
        for field in PostingField.allCases {
            if let value = value(field, in: row) { record.fields[field] = value }
        }
        for (key, index) in extras where index < row.count {
            let value = row[index]
            if !value.isEmpty, !ColumnMapping.isNullMarker(value) { record.extra[key] = value }
        }
        return record
    }

    /// `extra` key for a column: lowercase, words joined by `_`.
    static func extraKey(_ name: String) -> String {
        name.lowercased().split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "_" }).joined(separator: "_")
    }

    /// Values exports write for "nothing".
    static func isNullMarker(_ value: String) -> Bool {
        value == "-1" || value == "null" || value == "None" || value == "NaN" || value == "nan" || value == "N/A"
    }
}
