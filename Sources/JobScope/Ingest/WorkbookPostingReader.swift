import Foundation
import JobScopeXML
import ZIPFoundation

/// Reads postings from an Excel workbook (`.xlsx`): ZIPFoundation opens the zip container, libxml2 (through
/// `JobScopeXML`) streams each sheet's XML and the shared strings.
///
/// Every worksheet (`xl/worksheets/sheetN.xml`, in N order) whose first row with values is a header the
/// CSV column mapping can use gives one posting per later row; sheets without such a header are passed
/// over. Cells are shared strings, inline strings, formula text, numbers and booleans; a number in a
/// date column is an Excel serial date (days since 1899-12-30). Responsibilities, qualifications,
/// requirements, duties and benefits columns are joined into the body after the description, each under
/// its column name. Rows are numbered like CSV data rows: 1 is the row under the header (the sheet's row
/// number minus the header's); a workbook with several sheets also names the sheet in `extra["sheet"]`.
struct WorkbookPostingReader: Sendable {
    var options: ReaderOptions
    var builder: PostingBuilder

    init(options: ReaderOptions) {
        self.options = options
        self.builder = PostingBuilder(options: options)
    }

    /// Column names (normalized) whose text joins the body under its own heading.
    static let sectionColumns: Set<String> = ["responsibilities", "qualifications", "requirements", "duties", "benefits"]

    func read(_ bytes: [UInt8], path: String) throws -> FileReadResult {
        // ZIPFoundation's in-memory archive traps when an entry's offset lies past the end (a damaged file).
        guard !Self.zipPointsPastEnd(bytes) else {
            throw IngestError.unreadable(path: path, reason: "not a readable Excel workbook (its zip directory points past the end of the file); re-save it as .xlsx")
        }
        let archive: Archive
        do {
            archive = try Archive(data: Data(bytes), accessMode: .read)
        } catch {
            throw IngestError.unreadable(path: path, reason: "not a readable Excel workbook (\(error)); re-save it as .xlsx")
        }
        let sheets = archive.filter { $0.path.hasPrefix("xl/worksheets/") && $0.path.hasSuffix(".xml") && $0.type == .file }
            .map(\.path)
            .sorted { Self.sheetNumber($0) < Self.sheetNumber($1) }
        guard !sheets.isEmpty else {
            throw IngestError.noPostings(path: path, reason: "the workbook has no worksheets")
        }
        let shared = try archive["xl/sharedStrings.xml"].map { try sharedStrings(Self.contents(of: $0, in: archive, path: path)) } ?? []
        var result = FileReadResult(postings: [], format: .xlsx)
        var headersSeen: [String] = []
        var usable = false
        for sheet in sheets {
            guard let entry = archive[sheet] else { continue }
            let table = try Self.table(Self.contents(of: entry, in: archive, path: path), shared: shared, path: path)
            guard let header = table.first else { continue }
            headersSeen += header.values
            let mapping = try ColumnMapping(names: header.values, overrides: options.columns, path: path)
            guard mapping.hasTextColumn else { continue }
            guard mapping.hasBodyColumn || options.allowEmptyBody else {
                throw IngestError.noBodyColumn(path: path, columns: header.values)
            }
            usable = true
            let dateColumns = Set(mapping.candidates[.date] ?? [])
            let sections = header.values.enumerated().filter { Self.sectionColumns.contains(PostingField.normalize($0.element)) }
            let sheetName = sheets.count > 1 ? ((sheet as NSString).lastPathComponent as NSString).deletingPathExtension : nil
            for row in table.dropFirst() {
                var values = row.values
                for column in dateColumns where column < values.count {
                    if let serial = Double(values[column]), let date = Self.excelDate(serial) { values[column] = date.description }
                }
                var record = mapping.record(from: values)
                let parts = sections.compactMap { column -> String? in
                    guard column.offset < values.count else { return nil }
                    let text = WhiteSpace.trimmed(values[column.offset], newlines: true)
                    return text.isEmpty ? nil : "\(column.element)\n\n\(text)"
                }
                if !parts.isEmpty {
                    record.fields[.description] = ([record.fields[.description]].compactMap { $0 } + parts).joined(separator: "\n\n")
                }
                if let sheetName { record.extra["sheet"] = sheetName }
                let number = row.number - header.number
                if let posting = builder.posting(from: record, source: PostingSource(path: path, row: number)) {
                    result.postings.append(posting)
                } else {
                    result.rowErrors.append(.emptyRecord(path: path, record: "row \(number)"))
                }
            }
        }
        guard usable else { throw IngestError.noUsableColumns(path: path, columns: headersSeen) }
        return result
    }

    /// One sheet row: its number in the sheet and its values by column (missing cells empty).
    struct Row {
        var number: Int
        var values: [String]
    }

    /// The rows of a sheet that hold at least one value, in order.
    static func table(_ xml: [UInt8], shared: [String], path: String) throws -> [Row] {
        guard let cells = xml.withUnsafeBufferPointer({ buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                jsx_xlsx_sheet_read($0, Int32(buffer.count))
            }
        }) else { throw IngestError.unreadable(path: path, reason: "a worksheet's XML does not parse") }
        defer { jsx_cells_free(cells) }
        var rows: [Row] = []
        for i in 0..<jsx_cells_count(cells) {
            let number = Int(jsx_cells_row(cells, i)), column = Int(jsx_cells_column(cells, i))
            guard column >= 0, column < 16_384 else { continue }
            let raw = String(cString: jsx_cells_text(cells, i))
            let value: String
            switch UInt8(bitPattern: jsx_cells_kind(cells, i)) {
            case UInt8(ascii: "s"): value = Int(raw).flatMap { $0 >= 0 && $0 < shared.count ? shared[$0] : nil } ?? ""
            case UInt8(ascii: "b"): value = raw == "1" ? "TRUE" : "FALSE"
            default: value = raw
            }
            if rows.last?.number != number { rows.append(Row(number: number, values: [])) }
            if rows[rows.count - 1].values.count <= column {
                rows[rows.count - 1].values += Array(repeating: "", count: column + 1 - rows[rows.count - 1].values.count)
            }
            rows[rows.count - 1].values[column] = value
        }
        return rows.filter { $0.values.contains { !$0.isEmpty } }
    }

    /// The shared strings, in order.
    private func sharedStrings(_ xml: [UInt8]) -> [String] {
        guard let cells = xml.withUnsafeBufferPointer({ buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                jsx_xlsx_shared_strings_read($0, Int32(buffer.count))
            }
        }) else { return [] }
        defer { jsx_cells_free(cells) }
        return (0..<jsx_cells_count(cells)).map { String(cString: jsx_cells_text(cells, $0)) }
    }

    /// An entry's bytes, inflated.
    private static func contents(of entry: Entry, in archive: Archive, path: String) throws -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Int(entry.uncompressedSize))
        do {
            _ = try archive.extract(entry, skipCRC32: true) { bytes.append(contentsOf: $0) }
        } catch {
            throw IngestError.unreadable(path: path, reason: "cannot inflate \(entry.path) (\(error))")
        }
        return bytes
    }

    /// Whether the zip's central directory (found as ZIPFoundation finds it: the last end record) or an entry it
    /// lists (local header, then data) lies past the end of `bytes`. ZIP64 sizes (all bits set) are not judged.
    static func zipPointsPastEnd(_ bytes: [UInt8]) -> Bool {
        let n = bytes.count
        func u16(_ i: Int) -> Int { Int(bytes[i]) | Int(bytes[i + 1]) << 8 }
        func u32(_ i: Int) -> Int { u16(i) | u16(i + 2) << 16 }
        func signature(_ i: Int, _ value: Int) -> Bool { i >= 0 && i + 4 <= n && u32(i) == value }
        guard n >= 22 else { return false }
        var end = n - 22
        while end >= max(0, n - 22 - 65_535), !signature(end, 0x0605_4B50) { end -= 1 }
        guard end >= 0, signature(end, 0x0605_4B50) else { return false } // no end record: ZIPFoundation refuses it
        let entries = u16(end + 10), directorySize = u32(end + 12), directory = u32(end + 16)
        if directory == 0xFFFF_FFFF || directorySize == 0xFFFF_FFFF { return false }
        guard directory + directorySize <= n else { return true }
        var position = directory
        for _ in 0..<entries {
            guard position + 46 <= n, signature(position, 0x0201_4B50) else { return false }
            let compressed = u32(position + 20), local = u32(position + 42)
            let next = position + 46 + u16(position + 28) + u16(position + 30) + u16(position + 32)
            if local != 0xFFFF_FFFF {
                guard local + 30 <= n else { return true }
                if compressed != 0xFFFF_FFFF, local + 30 + u16(local + 26) + u16(local + 28) + compressed > n { return true }
            }
            position = next
        }
        return false
    }

    /// The N of `xl/worksheets/sheetN.xml` (sheets sort by it, not by name: sheet10 after sheet9).
    static func sheetNumber(_ path: String) -> Int {
        let name = (path as NSString).lastPathComponent
        return Int(name.filter(\.isNumber)) ?? Int.max
    }

    /// The day an Excel serial date names (1900 date system; serials before 1 March 1900 are not dates
    /// a posting has). Nil outside 1990–2100.
    static func excelDate(_ serial: Double) -> PostingDate? {
        guard serial.isFinite, serial >= 32_874, serial < 73_051 else { return nil } // 1990-01-01 ..< 2100-01-01
        return PostingDateParser.day(daysSince1970: Int(serial.rounded(.down)) - 25_569) // 25569 = 1970-01-01
    }
}
