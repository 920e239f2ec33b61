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
        let table = try DelimitedTable.parse(bytes, delimiter: delimiter, path: path)
        let mapping = try ColumnMapping(names: table.header, overrides: options.columns, path: path)
        guard mapping.hasTextColumn else {
            throw IngestError.noUsableColumns(path: path, columns: table.header)
        }
        var result = FileReadResult(postings: [], format: format)
        result.postings.reserveCapacity(table.rows.count)
        for (number, fields) in table.rows {
            let source = PostingSource(path: path, row: number)
            if let posting = builder.posting(from: mapping.record(from: fields), source: source) {
                result.postings.append(posting)
            } else {
                result.rowErrors.append(.emptyRecord(path: path, record: "row \(number)"))
            }
        }
        return result
    }
}
