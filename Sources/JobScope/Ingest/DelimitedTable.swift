import Foundation

/// A parsed CSV/TSV file: the header and the data rows, each with its 1-based data-row number.
struct DelimitedTable: Sendable {
    var header: [String]
    var rows: [(number: Int, fields: [String])]

    /// Parses RFC 4180 CSV (or TSV with `delimiter` = tab) from UTF-8 bytes: quoted fields may hold the
    /// delimiter, line breaks and `""` escapes. Blank lines are skipped, like Python's `csv.DictReader`.
    /// Lenient where a standard reader is: a quote inside an unquoted field is kept as text, and text
    /// after a closing quote is appended. A quote that never closes is an error naming its row.
    /// `headerOnly` stops after the header row, to check the columns before parsing a large file.
    static func parse(_ bytes: [UInt8], delimiter: UInt8, path: String, headerOnly: Bool = false) throws -> DelimitedTable {
        var header: [String]?
        var rows: [(number: Int, fields: [String])] = []
        var fields: [String] = []
        var field: [UInt8] = []
        field.reserveCapacity(256)
        var rowNumber = 0
        let quote = UInt8(ascii: "\"")
        let n = bytes.count
        var i = ByteScan.bomLength(bytes)
        var fieldHasContent = false

        func finishRow() {
            defer { fields.removeAll(keepingCapacity: true) }
            if fields.count == 1, fields[0].isEmpty { return } // blank line
            if header == nil {
                header = fields
            } else {
                rowNumber += 1
                rows.append((rowNumber, fields))
            }
        }

        try bytes.withUnsafeBufferPointer { buf in
            while i < n, !(headerOnly && header != nil) {
                let b = buf[i]
                if b == quote && field.isEmpty && !fieldHasContent {
                    // Quoted field: runs to the next lone quote.
                    let openedRow = rowNumber + (header == nil ? 0 : 1)
                    i += 1
                    var closed = false
                    while i < n {
                        // Copy the run up to the next quote in one go.
                        var j = i
                        while j < n, buf[j] != quote { j += 1 }
                        if j > i { field.append(contentsOf: buf[i..<j]) }
                        if j >= n { i = j; break }
                        if j + 1 < n, buf[j + 1] == quote {
                            field.append(quote)
                            i = j + 2
                            continue
                        }
                        i = j + 1
                        closed = true
                        break
                    }
                    if !closed { throw IngestError.unbalancedQuote(path: path, row: openedRow) }
                    fieldHasContent = true
                    continue
                }
                if b == delimiter {
                    fields.append(String(decoding: field, as: UTF8.self))
                    field.removeAll(keepingCapacity: true)
                    fieldHasContent = false
                    i += 1
                    continue
                }
                if b == 0x0A || b == 0x0D {
                    fields.append(String(decoding: field, as: UTF8.self))
                    field.removeAll(keepingCapacity: true)
                    fieldHasContent = false
                    finishRow()
                    i += (b == 0x0D && i + 1 < n && buf[i + 1] == 0x0A) ? 2 : 1
                    continue
                }
                // Plain run up to the next special byte.
                var j = i
                while j < n {
                    let c = buf[j]
                    if c == delimiter || c == 0x0A || c == 0x0D || c == quote { break }
                    j += 1
                }
                if j == i { field.append(b); j += 1 } else { field.append(contentsOf: buf[i..<j]) }
                fieldHasContent = true
                i = j
            }
        }
        if fieldHasContent || !field.isEmpty || !fields.isEmpty {
            fields.append(String(decoding: field, as: UTF8.self))
            finishRow()
        }
        return DelimitedTable(header: header ?? [], rows: rows)
    }
}
