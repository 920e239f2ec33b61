import Foundation

/// How a CSV cell is written: quoted as RFC 4180 asks, and defused so a spreadsheet does not run it.
///
/// The defusing follows OWASP's CSV-injection rule: a cell that starts with `=`, `+`, `-`, `@`, a tab or a
/// carriage return is prefixed with `'`, which spreadsheets read as "this is text" and do not show. A title like
/// `=HYPERLINK("http://x", "Apply")` is then shown as text, never run. A plain number (`-0.25`, `+3`, `-1e-5`)
/// is not a formula and is left as it is, so figures stay numbers. `--raw-csv` turns defusing off.
public enum CSVCell {
    /// The first characters that make a spreadsheet read a cell as a formula.
    public static let formulaStarts: Set<Character> = ["=", "+", "-", "@", "\t", "\r"]

    /// `value`, prefixed with `'` when a spreadsheet would run it as a formula.
    public static func defused(_ value: String) -> String {
        guard let first = value.first, formulaStarts.contains(first), !isPlainNumber(value) else { return value }
        return "'" + value
    }

    /// `value` quoted when it holds a comma, a quote or a line break, quotes doubled (RFC 4180).
    public static func quoted(_ value: String) -> String {
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// The cell as written: defused (unless `raw`), then quoted.
    public static func field(_ value: String, raw: Bool = false) -> String {
        quoted(raw ? value : defused(value))
    }

    /// An optional sign, digits with at most one decimal point, an optional exponent: nothing a formula needs.
    static func isPlainNumber(_ value: String) -> Bool {
        var bytes = Substring(value).utf8[...]
        if let sign = bytes.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") { bytes = bytes.dropFirst() }
        var digits = 0, dots = 0
        while let byte = bytes.first, byte == UInt8(ascii: ".") || (byte >= 0x30 && byte <= 0x39) {
            if byte == UInt8(ascii: ".") { dots += 1 } else { digits += 1 }
            bytes = bytes.dropFirst()
        }
        guard digits > 0, dots <= 1 else { return false }
        if let e = bytes.first, e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
            bytes = bytes.dropFirst()
            if let sign = bytes.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") { bytes = bytes.dropFirst() }
            guard let digit = bytes.first, digit >= 0x30 && digit <= 0x39 else { return false }
            bytes = bytes.drop { $0 >= 0x30 && $0 <= 0x39 }
        }
        return bytes.isEmpty
    }
}
