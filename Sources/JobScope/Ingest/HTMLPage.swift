import Foundation
import JobScopeXML

/// What libxml2 found in one HTML page: title, JSON-LD blocks and microdata at once, and the visible text
/// and first heading on demand (a page whose JSON-LD carries the description never pays for them).
///
/// A class because it owns the C page (freed in `deinit`); it never leaves the reader that made it.
final class HTMLPage {
    private let page: OpaquePointer
    var title: String?
    /// Raw contents of `<script type="application/ld+json">` blocks (UTF-8).
    var jsonLD: [Data] = []
    /// Parsing stopped after the last JSON-LD block: only `jsonLD` is complete (no title, text, microdata).
    let isPartial: Bool
    /// schema.org microdata as (dotted itemprop name, value), in document order.
    var microdata: [(name: String, value: String)] = []

    /// Parses `bytes` as HTML with the given encoding (nil: the document's own declaration).
    /// Nil only when libxml2 could not build a document at all. With `stopAfterJSONLD` (UTF-8 only),
    /// parsing may stop after the last JSON-LD block; `isPartial` then says only `jsonLD` is complete.
    /// With `textOnly`, a simple fragment (paragraphs, inline elements, a few character references: what Hacker
    /// News comments are) is rendered without libxml2, to the same text; `shortcut: false` always parses it.
    init?(_ bytes: [UInt8], encoding: String?, textOnly: Bool = false, stopAfterJSONLD: Bool = false, shortcut: Bool = true) {
        guard !bytes.isEmpty else { return nil }
        var flags = textOnly ? Int32(JSX_TEXT_ONLY) : (stopAfterJSONLD ? Int32(JSX_STOP_AFTER_JSONLD) : 0)
        if textOnly, !shortcut { flags |= Int32(JSX_NO_SHORTCUT) }
        let parsed: OpaquePointer? = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { base in
                jsx_page_parse(base, Int32(buffer.count), encoding, flags)
            }
        }
        guard let parsed else { return nil }
        page = parsed
        isPartial = jsx_page_is_partial(page) != 0
        guard !textOnly else { return }
        for i in 0..<jsx_page_jsonld_count(page) {
            if let block = jsx_page_jsonld(page, i) {
                jsonLD.append(Data(HTMLPage.validUTF8(UnsafeRawBufferPointer(start: block, count: strlen(block)))))
            }
        }
        // A partial page's title and microdata are cut short: left out so that nothing reads them.
        guard !isPartial else { return }
        title = jsx_page_title(page).map { String(cString: $0) }
        for i in 0..<jsx_page_microdata_count(page) {
            if let name = jsx_page_microdata_name(page, i), let value = jsx_page_microdata_value(page, i) {
                microdata.append((String(cString: name), String(cString: value)))
            }
        }
    }

    deinit { jsx_page_free(page) }

    /// Whether `textOnly` renders these UTF-8 bytes without libxml2 (a simple fragment).
    static func isSimpleFragment(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return false }
            return base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                jsx_fragment_is_simple($0, Int32(buffer.count)) != 0
            }
        }
    }

    /// `bytes` with invalid UTF-8 replaced as `String(decoding:)` does; ASCII is copied as is.
    private static func validUTF8(_ bytes: UnsafeRawBufferPointer) -> [UInt8] {
        // Valid UTF-8 (what libxml2 hands over) is copied once, with no String built and copied again.
        let valid = bytes.withMemoryRebound(to: UInt8.self) { CharsetDetector.isValidUTF8($0) }
        return valid ? Array(bytes) : Array(String(decoding: bytes, as: UTF8.self).utf8)
    }

    /// Visible text: paragraphs separated by blank lines, list items as "• " lines.
    lazy var text: String = {
        var length: Int32 = 0
        guard let pointer = jsx_page_text(page, &length) else { return "" }
        return pointer.withMemoryRebound(to: UInt8.self, capacity: Int(length)) {
            String(decoding: UnsafeBufferPointer(start: $0, count: Int(length)), as: UTF8.self)
        }
    }()

    /// `text` as UTF-8 bytes, repaired the same way, without a String in between when the text is ASCII.
    var textBytes: [UInt8] {
        var length: Int32 = 0
        guard let pointer = jsx_page_text(page, &length) else { return [] }
        return HTMLPage.validUTF8(UnsafeRawBufferPointer(start: pointer, count: Int(length)))
    }

    /// The first publication-date `<meta>` (`article:published_time`, `datePublished`, `DC.date`, …).
    lazy var metaDate: String? = jsx_page_meta_date(page).map { String(cString: $0) }

    /// The first visible `<time datetime>`.
    lazy var timeDate: String? = jsx_page_time_datetime(page).map { String(cString: $0) }

    /// The first visible `<h1>`.
    lazy var heading: String? = jsx_page_heading(page).map { String(cString: $0) }
}
