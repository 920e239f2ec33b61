import Foundation

/// A parsed CSV/TSV file: the header and the data rows, each with its 1-based data-row number.
struct DelimitedTable: Sendable {
    var header: [String]
    var rows: [(number: Int, fields: [String])]
    /// Rows left out or read specially, each naming its row: a NUL byte, a quote that never closes,
    /// a stray quote that would merge rows.
    var problems: [IngestError] = []

    /// Parses RFC 4180 CSV (or TSV with `delimiter` = tab) from UTF-8 bytes: quoted fields may hold the
    /// delimiter, line breaks and `""` escapes. Blank lines are skipped, like Python's `csv.DictReader`.
    /// Lenient where a standard reader is: a quote inside an unquoted field is kept as text, and text
    /// after a closing quote is appended.
    ///
    /// Damage costs only the rows it touches. A quote that never closes is reported on its row, and that
    /// line is read again with the quote as text. A quoted field that spans lines and leaves its row
    /// with another field count than the header, or closes with text right after its quote, is a stray
    /// quote merging rows: reported, and the lines it
    /// spanned are read again as rows of their own, quotes as text. A row holding a NUL byte is reported
    /// and left out. `headerOnly` stops after the header row, to check the columns before parsing a large file.
    static func parse(_ bytes: [UInt8], delimiter: UInt8, path: String, headerOnly: Bool = false) throws -> DelimitedTable {
        var header: [String]?
        var rows: [(number: Int, fields: [String])] = []
        var problems: [IngestError] = []
        var fields: [String] = []
        var field: [UInt8] = []
        field.reserveCapacity(256)
        var rowNumber = 0
        let quote = UInt8(ascii: "\"")
        let n = bytes.count
        var i = ByteScan.bomLength(bytes)
        var fieldHasContent = false
        let mayHoldNUL = ByteScan.containsNUL(bytes)
        // Where the current row started, and how many line breaks its quoted fields spanned.
        var rowStart = i
        var spannedLines = 0
        var strayClose = false
        // Up to this index, quotes are text (a line read again after a quote problem).
        var literalUntil = -1

        func finishRow() {
            defer {
                fields.removeAll(keepingCapacity: true)
                spannedLines = 0
                strayClose = false
            }
            if fields.count == 1, fields[0].isEmpty { return } // blank line
            if header == nil {
                header = fields
            } else {
                rowNumber += 1
                if mayHoldNUL, fields.contains(where: { $0.utf8.contains(0) }) {
                    problems.append(.nulInRow(path: path, row: rowNumber))
                    return
                }
                rows.append((rowNumber, fields))
            }
        }

        bytes.withUnsafeBufferPointer { buf in
            while i < n, !(headerOnly && header != nil) {
                let b = buf[i]
                if b == quote && field.isEmpty && !fieldHasContent && i >= literalUntil {
                    // Quoted field: runs to the next lone quote.
                    let opened = i
                    i += 1
                    var closed = false
                    while i < n {
                        // Copy the run up to the next quote in one go.
                        var j = i
                        while j < n, buf[j] != quote {
                            if buf[j] == 0x0A { spannedLines += 1 }
                            j += 1
                        }
                        if j > i { field.append(contentsOf: buf[i..<j]) }
                        if j >= n { i = j; break }
                        if j + 1 < n, buf[j + 1] == quote {
                            field.append(quote)
                            i = j + 2
                            continue
                        }
                        i = j + 1
                        closed = true
                        // A closing quote that text follows, after the field spanned lines, closed
                        // nothing: it was another stray quote.
                        if spannedLines > 0, i < n, buf[i] != delimiter, buf[i] != 0x0A, buf[i] != 0x0D {
                            strayClose = true
                        }
                        break
                    }
                    if !closed {
                        // Read the row again up to the end of the quote's line, the quote as text.
                        problems.append(.unbalancedQuote(path: path, row: rowNumber + (header == nil ? 0 : 1)))
                        literalUntil = ByteScan.nextIndex(of: 0x0A, in: bytes, from: opened) ?? n
                        i = rowStart
                        fields.removeAll(keepingCapacity: true)
                        field.removeAll(keepingCapacity: true)
                        spannedLines = 0
                        fieldHasContent = false
                        continue
                    }
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
                    if let header, spannedLines > 0, fields.count != header.count || strayClose, i > literalUntil {
                        // A quote that opened a field spanning lines, and a row that no longer fits the
                        // header: the quote was stray. Its lines become rows again, quotes as text.
                        problems.append(.strayQuote(path: path, row: rowNumber + 1, lines: spannedLines))
                        literalUntil = i
                        i = rowStart
                        fields.removeAll(keepingCapacity: true)
                        spannedLines = 0
                        strayClose = false
                        continue
                    }
                    finishRow()
                    i += (b == 0x0D && i + 1 < n && buf[i + 1] == 0x0A) ? 2 : 1
                    rowStart = i
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
        return DelimitedTable(header: header ?? [], rows: rows, problems: problems)
    }
}
