import Foundation
import JobScopeXML

/// What libxml2 found in one HTML page: visible text, title, first heading, JSON-LD blocks and microdata.
struct HTMLPage: Sendable {
    /// Visible text: paragraphs separated by blank lines, list items as "• " lines.
    var text: String
    var title: String?
    var heading: String?
    /// Raw contents of `<script type="application/ld+json">` blocks.
    var jsonLD: [String]
    /// schema.org microdata as (dotted itemprop name, value), in document order.
    var microdata: [(name: String, value: String)]

    /// Parses `bytes` as HTML with the given encoding (nil: the document's own declaration).
    /// Nil only when libxml2 could not build a document at all.
    static func parse(_ bytes: [UInt8], encoding: String?, textOnly: Bool = false) -> HTMLPage? {
        let page: OpaquePointer? = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { base in
                if let encoding {
                    return jsx_page_parse(base, Int32(buffer.count), encoding, textOnly ? Int32(JSX_TEXT_ONLY) : 0)
                }
                return jsx_page_parse(base, Int32(buffer.count), nil, textOnly ? Int32(JSX_TEXT_ONLY) : 0)
            }
        }
        guard let page else { return nil }
        defer { jsx_page_free(page) }
        var length: Int32 = 0
        let textPointer = jsx_page_text(page, &length)!
        let text = textPointer.withMemoryRebound(to: UInt8.self, capacity: Int(length)) {
            String(decoding: UnsafeBufferPointer(start: $0, count: Int(length)), as: UTF8.self)
        }
        var result = HTMLPage(text: text, title: nil, heading: nil, jsonLD: [], microdata: [])
        guard !textOnly else { return result }
        result.title = jsx_page_title(page).map { String(cString: $0) }
        result.heading = jsx_page_heading(page).map { String(cString: $0) }
        for i in 0..<jsx_page_jsonld_count(page) {
            if let block = jsx_page_jsonld(page, i) { result.jsonLD.append(String(cString: block)) }
        }
        for i in 0..<jsx_page_microdata_count(page) {
            if let name = jsx_page_microdata_name(page, i), let value = jsx_page_microdata_value(page, i) {
                result.microdata.append((String(cString: name), String(cString: value)))
            }
        }
        return result
    }
}
