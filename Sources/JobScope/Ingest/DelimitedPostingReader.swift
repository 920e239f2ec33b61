import Foundation

/// Reads postings from CSV/TSV exports with a header row: one posting per data row, columns mapped
/// onto fields by name (case-insensitively) or by `--column` overrides.
struct DelimitedPostingReader: Sendable {
    var options: ReaderOptions
    var builder: PostingBuilder

    init(options: ReaderOptions) {
        self.options = options
        self.builder = PostingBuilder(options: options)
    }

    func read(_ bytes: [UInt8], path: String, format: PostingFormat) throws -> FileReadResult {
        let delimiter = format == .tsv ? UInt8(ascii: "\t") : UInt8(ascii: ",")
        // The columns are checked first, so a large table that is not a posting export is refused unparsed.
        let header = try DelimitedTable.parse(bytes, delimiter: delimiter, path: path, headerOnly: true).header
        // O*NET files have Title and Description columns too, but describe occupations, not job openings.
        if options.columns.isEmpty, let first = header.first, PostingField.normalize(first) == "o*netsoccode" {
            throw IngestError.referenceTable(path: path, columns: header)
        }
        let mapping = try ColumnMapping(names: header, overrides: options.columns, path: path)
        guard mapping.hasTextColumn else {
            throw IngestError.noUsableColumns(path: path, columns: header)
        }
        // Titles without a body cannot be classified by their text: a titles-only list is not postings.
        guard mapping.hasBodyColumn || options.allowEmptyBody else {
            throw IngestError.noBodyColumn(path: path, columns: header)
        }
        let table = try DelimitedTable.parse(bytes, delimiter: delimiter, path: path)
        let rows = table.rows
        let builder = self.builder
        let built = ParallelRows.map(count: rows.count) { index -> Posting? in
            let (number, fields) = rows[index]
            return builder.posting(from: mapping.record(from: fields), source: PostingSource(path: path, row: number))
        }
        var result = FileReadResult(postings: [], rowErrors: table.problems, format: format)
        result.postings.reserveCapacity(rows.count)
        for (index, posting) in built.enumerated() {
            if let posting {
                result.postings.append(posting)
            } else {
                result.rowErrors.append(.emptyRecord(path: path, record: "row \(rows[index].number)"))
            }
        }
        if !options.allowEmptyBody, !result.postings.isEmpty, result.postings.allSatisfy({ $0.body.isEmpty }) {
            throw IngestError.noBodyColumn(path: path, columns: header)
        }
        return result
    }
}
