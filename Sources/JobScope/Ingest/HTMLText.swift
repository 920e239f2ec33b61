import Foundation

/// Renders HTML held in a text field (a CSV description, a JSON-LD `description`) to clean text.
enum HTMLText {
    /// The visible text of a UTF-8 HTML fragment; on a libxml2 failure, the input with tags removed.
    static func render(fragment bytes: [UInt8]) -> String {
        guard !bytes.isEmpty else { return "" }
        if let page = HTMLPage(bytes, encoding: "UTF-8", textOnly: true) { return page.text }
        return stripTags(bytes)
    }

    /// `render(fragment:)` as UTF-8 bytes, without a String in between when the text is ASCII.
    static func renderBytes(fragment bytes: [UInt8]) -> [UInt8] {
        guard !bytes.isEmpty else { return [] }
        if let page = HTMLPage(bytes, encoding: "UTF-8", textOnly: true) { return page.textBytes }
        return Array(stripTags(bytes).utf8)
    }

    /// Last resort: drops everything between `<` and `>`.
    static func stripTags(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var inTag = false
        for b in bytes {
            if b == UInt8(ascii: "<") { inTag = true } else if b == UInt8(ascii: ">") { inTag = false } else if !inTag { out.append(b) }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
