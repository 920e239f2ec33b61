import Foundation

/// Reads postings from any supported file: HTML pages (JSON-LD, microdata, visible text), plain text and
/// Markdown, CSV/TSV exports, Excel workbooks, JSON and JSON lines. The format comes from the extension, corrected by the
/// content when the two disagree; bad input throws an `IngestError` naming the file.
public struct PostingReader: Sendable {
    public var options: ReaderOptions

    public init(options: ReaderOptions = .init()) {
        self.options = options
    }

    /// Reads every posting in one file. Throws `IngestError` when the file as a whole cannot be read.
    public func read(path: String) throws -> FileReadResult {
        let bytes = try FileBytes.load(path: path, limit: options.maxFileSize)
        return try read(bytes: bytes, path: path)
    }

    /// Reads postings from bytes already in memory; `path` names them in sources and errors and its
    /// extension hints at the format.
    public func read(bytes raw: [UInt8], path: String) throws -> FileReadResult {
        let result = try readContent(bytes: raw, path: path)
        return options.dateFromPath == .off ? result : datedFromPath(result, path: path)
    }

    /// Postings without a date of their own get the path's (`dateSource` `.path`); with `.required`, a
    /// posting still undated is a row error.
    private func datedFromPath(_ result: FileReadResult, path: String) -> FileReadResult {
        guard result.postings.contains(where: { $0.datePosted == nil }) else { return result }
        var result = result
        let date = PathDate.date(in: path)
        var kept: [Posting] = []
        kept.reserveCapacity(result.postings.count)
        for var posting in result.postings {
            if posting.datePosted == nil, let date {
                posting.datePosted = date
                posting.dateSource = .path
            }
            if posting.datePosted == nil, options.dateFromPath == .required {
                result.rowErrors.append(.undated(path: path, record: posting.source.description))
                continue
            }
            kept.append(posting)
        }
        result.postings = kept
        return result
    }

    private func readContent(bytes raw: [UInt8], path: String) throws -> FileReadResult {
        guard raw.count <= options.maxFileSize else {
            throw IngestError.tooLarge(path: path, size: raw.count, limit: options.maxFileSize)
        }
        guard ByteScan.firstNonSpace(raw, from: ByteScan.bomLength(raw)) < raw.count else {
            throw IngestError.empty(path: path)
        }
        if PostingFormat.isZip(raw), PostingFormat(path: path) == .xlsx || PostingFormat(path: path) == nil {
            return try WorkbookPostingReader(options: options).read(raw, path: path)
        }
        let utf16 = CharsetDetector.isUTF16(raw)
        if !utf16, ByteScan.containsNUL(raw), !Self.mayHoldStrayNULs(raw, path: path) { throw IngestError.binary(path: path) }
        let hinted = PostingFormat(path: path)
        let format = PostingFormat.detect(bytes: utf16 ? CharsetDetector.utf8Bytes(raw) : raw, extensionFormat: hinted)
        if format == .html && !utf16 {
            // libxml2 decodes the page itself, honouring its declared charset.
            return try HTMLPostingReader(options: options).read(raw, path: path)
        }
        let bytes = CharsetDetector.utf8Bytes(raw)
        switch format {
        case .html:
            return try HTMLPostingReader(options: options).read(bytes, path: path)
        case .csv, .tsv:
            return try DelimitedPostingReader(options: options).read(bytes, path: path, format: format)
        case .json:
            return try JSONPostingReader(options: options).readJSON(bytes, path: path)
        case .jsonl:
            return try JSONPostingReader(options: options).readJSONLines(bytes, path: path)
        case .text, .markdown:
            return try PlainTextPostingReader(options: options).read(bytes, path: path, markdown: format == .markdown)
        case .xlsx:
            // Not a zip after all (checked above): say so rather than read XML bytes as text.
            throw IngestError.unreadable(path: path, reason: "not an Excel workbook (no zip container); re-save it as .xlsx")
        }
    }

    /// A CSV, TSV or JSON-lines export with a few NUL bytes (under one in a thousand) is damaged text, not
    /// binary: the rows holding them are reported and left out, the rest is read.
    static func mayHoldStrayNULs(_ bytes: [UInt8], path: String) -> Bool {
        guard let format = PostingFormat(path: path), format == .csv || format == .tsv || format == .jsonl else { return false }
        var count = 0
        for b in bytes where b == 0 { count += 1 }
        return count * 1000 < bytes.count
    }

    /// Whether a path's extension is one JobScope reads (what a folder walk picks up).
    public static func isSupported(path: String) -> Bool {
        PostingFormat(path: path) != nil
    }
}
