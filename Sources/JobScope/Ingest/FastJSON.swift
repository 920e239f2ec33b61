import Foundation

/// Reads the plain JSON most JSON-LD blocks are (objects, arrays, strings with simple escapes, integers,
/// true/false/null) into the same values `JSONSerialization` gives (`[String: Any]`, `[Any]`, `String`,
/// `NSNumber`, `NSNull`; a repeated key keeps its last value), without Foundation's per-string overhead.
///
/// Anything else gives nil and the caller asks `JSONSerialization`: fractions and exponents, integers of
/// more than 18 digits, `-0`, `\u0000` and lone surrogates, control characters in strings, nesting beyond 64 levels,
/// and every kind of invalid JSON. So a value this returns is one `JSONSerialization` returns too.
enum FastJSON {
    /// The value of a whole JSON text (surrounding white space allowed), or nil (see above).
    static func parse(_ data: Data) -> Any? {
        data.withUnsafeBytes { raw in parse(raw.bindMemory(to: UInt8.self)) }
    }

    /// The value of the JSON text in `bytes`, or nil (see above).
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Any? {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return nil }
        var reader = Reader(bytes: base, count: bytes.count)
        reader.skipSpace()
        guard let value = reader.value(depth: 0) else { return nil }
        reader.skipSpace()
        return reader.position == bytes.count ? value : nil
    }

    /// The parse state over the bytes.
    private struct Reader {
        let bytes: UnsafePointer<UInt8>
        let count: Int
        var position = 0

        init(bytes: UnsafePointer<UInt8>, count: Int) {
            self.bytes = bytes
            self.count = count
        }

        /// JSON white space: space, tab, line feed, carriage return.
        mutating func skipSpace() {
            while position < count {
                let b = bytes[position]
                guard b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 else { return }
                position += 1
            }
        }

        mutating func value(depth: Int) -> Any? {
            guard depth < 64, position < count else { return nil }
            switch bytes[position] {
            case UInt8(ascii: "{"): return object(depth: depth)
            case UInt8(ascii: "["): return array(depth: depth)
            case UInt8(ascii: "\""): return string()
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return integer()
            case UInt8(ascii: "t"): return literal("true") ? NSNumber(value: true) : nil
            case UInt8(ascii: "f"): return literal("false") ? NSNumber(value: false) : nil
            case UInt8(ascii: "n"): return literal("null") ? NSNull() : nil
            default: return nil
            }
        }

        mutating func object(depth: Int) -> [String: Any]? {
            position += 1
            skipSpace()
            var object: [String: Any] = [:]
            if position < count, bytes[position] == UInt8(ascii: "}") {
                position += 1
                return object
            }
            while true {
                guard position < count, bytes[position] == UInt8(ascii: "\""), let key = string() else { return nil }
                skipSpace()
                guard position < count, bytes[position] == UInt8(ascii: ":") else { return nil }
                position += 1
                skipSpace()
                guard let value = value(depth: depth + 1) else { return nil }
                object[key] = value
                guard let more = nextElement(closing: UInt8(ascii: "}")) else { return nil }
                if !more { return object }
            }
        }

        mutating func array(depth: Int) -> [Any]? {
            position += 1
            skipSpace()
            var array: [Any] = []
            if position < count, bytes[position] == UInt8(ascii: "]") {
                position += 1
                return array
            }
            while true {
                guard let value = value(depth: depth + 1) else { return nil }
                array.append(value)
                guard let more = nextElement(closing: UInt8(ascii: "]")) else { return nil }
                if !more { return array }
            }
        }

        /// After an element of an object or array: true past a comma (another element follows), false past the
        /// `closing` bracket, nil when neither comes next (malformed).
        mutating func nextElement(closing: UInt8) -> Bool? {
            skipSpace()
            guard position < count else { return nil }
            if bytes[position] == UInt8(ascii: ",") {
                position += 1
                skipSpace()
                return true
            }
            guard bytes[position] == closing else { return nil }
            position += 1
            return false
        }

        /// A string at the opening quote. Runs between escapes are found eight bytes at a time (while none
        /// is a quote, a backslash or a control character) and taken at once.
        mutating func string() -> String? {
            position += 1
            var runStart = position
            var text: [UInt8]? // only once an escape is met
            while position < count {
                if position + 8 <= count {
                    let word = UnsafeRawPointer(bytes + position).loadUnaligned(as: UInt64.self)
                    let stops = ByteScan.marks(of: UInt8(ascii: "\""), in: word) | ByteScan.marks(of: UInt8(ascii: "\\"), in: word)
                        | ByteScan.zeroMarks(word & 0xE0E0_E0E0_E0E0_E0E0)
                    if stops == 0 {
                        position += 8
                        continue
                    }
                }
                let b = bytes[position]
                if b == UInt8(ascii: "\"") {
                    let run = UnsafeBufferPointer(start: bytes + runStart, count: position - runStart)
                    position += 1
                    guard var escaped = text else { return String(decoding: run, as: UTF8.self) }
                    escaped.append(contentsOf: run)
                    return String(decoding: escaped, as: UTF8.self)
                }
                if b < 0x20 { return nil }
                guard b == UInt8(ascii: "\\") else {
                    position += 1
                    continue
                }
                if text == nil { text = [] }
                text!.append(contentsOf: UnsafeBufferPointer(start: bytes + runStart, count: position - runStart))
                guard position + 1 < count else { return nil }
                switch bytes[position + 1] {
                case UInt8(ascii: "\""): text!.append(UInt8(ascii: "\""))
                case UInt8(ascii: "\\"): text!.append(UInt8(ascii: "\\"))
                case UInt8(ascii: "/"): text!.append(UInt8(ascii: "/"))
                case UInt8(ascii: "b"): text!.append(0x08)
                case UInt8(ascii: "f"): text!.append(0x0C)
                case UInt8(ascii: "n"): text!.append(0x0A)
                case UInt8(ascii: "r"): text!.append(0x0D)
                case UInt8(ascii: "t"): text!.append(0x09)
                case UInt8(ascii: "u"):
                    guard let scalar = unicodeEscape() else { return nil }
                    UTF8.encode(scalar) { text!.append($0) }
                    runStart = position
                    continue
                default: return nil // invalid escapes are left to JSONSerialization
                }
                position += 2
                runStart = position
            }
            return nil
        }

        /// `\uXXXX` at the position (a surrogate pair as two), consumed; nil for U+0000 and lone surrogates,
        /// which are left to JSONSerialization.
        mutating func unicodeEscape() -> Unicode.Scalar? {
            guard let high = hex4(at: position + 2) else { return nil }
            if high >= 0xDC00 && high <= 0xDFFF { return nil }
            if high >= 0xD800 && high <= 0xDBFF {
                guard position + 11 < count, bytes[position + 6] == UInt8(ascii: "\\"), bytes[position + 7] == UInt8(ascii: "u"),
                      let low = hex4(at: position + 8), low >= 0xDC00, low <= 0xDFFF else { return nil }
                position += 12
                return Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))
            }
            guard high != 0 else { return nil }
            position += 6
            return Unicode.Scalar(high)
        }

        /// Four hex digits at `index`, or nil.
        func hex4(at index: Int) -> UInt32? {
            guard index + 4 <= count else { return nil }
            var value: UInt32 = 0
            for k in index..<(index + 4) {
                let b = bytes[k]
                let digit: UInt8
                switch b {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = b - UInt8(ascii: "0")
                case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = b - UInt8(ascii: "a") + 10
                case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = b - UInt8(ascii: "A") + 10
                default: return nil
                }
                value = value << 4 | UInt32(digit)
            }
            return value
        }

        /// `-?(0|[1-9][0-9]*)` of at most 18 digits, not followed by a fraction or exponent; not `-0`.
        mutating func integer() -> NSNumber? {
            var negative = false
            if bytes[position] == UInt8(ascii: "-") {
                negative = true
                position += 1
            }
            let start = position
            var value = 0
            while position < count, bytes[position] >= UInt8(ascii: "0"), bytes[position] <= UInt8(ascii: "9") {
                if position - start == 18 { return nil } // a 19th digit could overflow
                value = value * 10 + Int(bytes[position] - UInt8(ascii: "0"))
                position += 1
            }
            let digits = position - start
            guard digits > 0, !(digits > 1 && bytes[start] == UInt8(ascii: "0")), !(negative && value == 0) else { return nil }
            if position < count {
                let next = bytes[position]
                if next == UInt8(ascii: ".") || next == UInt8(ascii: "e") || next == UInt8(ascii: "E") { return nil }
            }
            return NSNumber(value: negative ? -value : value)
        }

        /// Whether the bytes at the position spell `word` (then consumed).
        mutating func literal(_ word: StaticString) -> Bool {
            let length = word.utf8CodeUnitCount
            guard position + length <= count, memcmp(bytes + position, word.utf8Start, length) == 0 else { return false }
            position += length
            return true
        }
    }
}
