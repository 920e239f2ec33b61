import Foundation

/// The file formats JobScope reads postings from.
public enum PostingFormat: String, Sendable, Codable, CaseIterable {
    case html, text, markdown, csv, tsv, json, jsonl
    /// An Excel workbook (Office Open XML, a zip of XML parts).
    case xlsx

    /// The format a file extension names, or nil for extensions JobScope does not read.
    public init?(pathExtension: String) {
        switch pathExtension.lowercased() {
        case "html", "htm", "xhtml", "shtml": self = .html
        case "txt", "text": self = .text
        case "md", "markdown": self = .markdown
        case "csv": self = .csv
        case "tsv", "tab": self = .tsv
        case "json", "jsonld": self = .json
        case "jsonl", "ndjson": self = .jsonl
        case "xlsx", "xlsm": self = .xlsx
        default: return nil
        }
    }

    /// The format a path's extension names (`(path as NSString).pathExtension`): read from the bytes
    /// when the last path component is plain ASCII, which spares the bridging on every file of a walk.
    init?(path: String) {
        self.init(pathExtension: PostingFormat.pathExtension(of: path))
    }

    /// `(path as NSString).pathExtension`, computed directly when the last component is ASCII and the
    /// path does not end with "/" (NSString's rules then reduce to: the text after the component's last
    /// ".", none when that dot starts the component).
    static func pathExtension(of path: String) -> String {
        let utf8 = path.utf8
        let fast = utf8.withContiguousStorageIfAvailable { bytes -> String? in
            guard let last = bytes.last, last != UInt8(ascii: "/") else { return nil }
            var i = bytes.count - 1
            var dot = -1
            while i >= 0, bytes[i] != UInt8(ascii: "/") {
                if bytes[i] >= 0x80 { return nil } // a combining mark could join a "." into another character
                if dot < 0, bytes[i] == UInt8(ascii: ".") { dot = i }
                i -= 1
            }
            guard dot > i + 1 else { return "" }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[(dot + 1)...]), as: UTF8.self)
        }
        if let fast = fast, let known = fast { return known }
        return (path as NSString).pathExtension
    }

    /// Whether one file of this format may hold many postings (and sources carry a row or line).
    public var holdsManyPostings: Bool {
        switch self {
        case .csv, .tsv, .json, .jsonl, .xlsx: return true
        case .html, .text, .markdown: return false
        }
    }

    /// The format the content shows, overriding the extension when the two disagree.
    ///
    /// Strong signatures win over any extension (an HTML page saved as `.txt`, JSON lines in a `.json`).
    /// A CSV/TSV header naming known columns is only believed when the extension is missing or unknown, or
    /// says CSV/TSV. A `.txt` (or extension-less) file that is plainly a tab-separated table (a header of
    /// several fields and the next lines with as many) is read as TSV: read as prose, a 2 MB reference
    /// table would become one meaningless posting, while as a table it gets the column check and its error.
    static func detect(bytes: [UInt8], extensionFormat: PostingFormat?) -> PostingFormat {
        if isZip(bytes), extensionFormat == .xlsx || extensionFormat == nil { return .xlsx }
        let start = ByteScan.firstNonSpace(bytes, from: ByteScan.bomLength(bytes))
        guard start < bytes.count else { return extensionFormat ?? .text }
        let first = bytes[start]
        if first == UInt8(ascii: "<"), ByteScan.looksLikeHTMLDocument(bytes, from: start) { return .html }
        if first == UInt8(ascii: "{") || first == UInt8(ascii: "[") {
            // A `.jsonl` file stays JSON lines even when one line is broken (that line is its row error).
            if extensionFormat == .jsonl, first == UInt8(ascii: "{") { return .jsonl }
            if let json = sniffJSON(bytes, from: start) { return json }
        }
        switch extensionFormat {
        case .csv?, .tsv?:
            return sniffDelimited(bytes, from: start) ?? extensionFormat!
        case nil:
            if let delimited = sniffDelimited(bytes, from: start) { return delimited }
            if looksLikeTabTable(bytes, from: start) { return .tsv }
            return ByteScan.looksLikeHTMLFragment(bytes, from: start) ? .html : .text
        case .html?:
            return .html // libxml2 reads any text as HTML; a page without markup is its text
        case .json?, .jsonl?:
            return extensionFormat! // not JSON after all: the JSON parser says where it breaks
        case .text?:
            return looksLikeTabTable(bytes, from: start) ? .tsv : .text
        case .markdown?, .xlsx?:
            return extensionFormat!
        }
    }

    /// A zip container's local-file signature (`PK\u{3}\u{4}`): what a workbook starts with.
    static func isZip(_ bytes: [UInt8]) -> Bool {
        bytes.count >= 4 && bytes[0] == 0x50 && bytes[1] == 0x4B && bytes[2] == 0x03 && bytes[3] == 0x04
    }

    /// `{…}` on the first line followed by another line starting with `{` is JSON lines; else JSON.
    private static func sniffJSON(_ bytes: [UInt8], from start: Int) -> PostingFormat? {
        if bytes[start] == UInt8(ascii: "[") { return .json }
        guard let newline = bytes[start...].firstIndex(of: 0x0A) else { return .json }
        var lineEnd = newline
        while lineEnd > start, ByteScan.isSpace(bytes[lineEnd - 1]) { lineEnd -= 1 }
        let next = ByteScan.firstNonSpace(bytes, from: newline)
        if lineEnd > start, bytes[lineEnd - 1] == UInt8(ascii: "}"), next < bytes.count, bytes[next] == UInt8(ascii: "{") {
            return .jsonl
        }
        return .json
    }

    /// A first line that splits into at least two known column names on tabs or commas.
    private static func sniffDelimited(_ bytes: [UInt8], from start: Int) -> PostingFormat? {
        let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
        let header = String(decoding: bytes[start..<end], as: UTF8.self)
        for (delimiter, format) in [("\t", PostingFormat.tsv), (",", PostingFormat.csv)] {
            let names = header.components(separatedBy: delimiter)
            guard names.count >= 2 else { continue }
            let known = names.filter { PostingField(columnName: $0.trimmingCharacters(in: CharacterSet(charactersIn: "\" \r"))) != nil }
            if !known.isEmpty { return format }
        }
        return nil
    }

    /// A header line of at least three tab-separated fields, followed by lines (up to five are checked,
    /// blank ones passed over) that all have as many fields: a table, not prose with a stray tab.
    static func looksLikeTabTable(_ bytes: [UInt8], from start: Int) -> Bool {
        let minimumFields = 3, linesChecked = 5
        var fieldCounts: [Int] = []
        var fields = 1, lineHasText = false
        var index = start
        let end = min(bytes.count, start + 256 * 1024)
        while index < end, fieldCounts.count <= linesChecked {
            let byte = bytes[index]
            if byte == 0x0A {
                if lineHasText { fieldCounts.append(fields) }
                fields = 1
                lineHasText = false
            } else if byte == 0x09 {
                fields += 1
                lineHasText = true
            } else if !ByteScan.isSpace(byte) {
                lineHasText = true
            }
            index += 1
        }
        if index == bytes.count, lineHasText, fieldCounts.count <= linesChecked { fieldCounts.append(fields) }
        guard let header = fieldCounts.first, header >= minimumFields, fieldCounts.count >= 2 else { return false }
        return fieldCounts.allSatisfy { $0 == header }
    }
}
