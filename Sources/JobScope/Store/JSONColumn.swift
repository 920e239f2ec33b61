/// The store's JSON text columns (`skills.evidence`, `postings.explanation`, `postings.domains`), written by
/// hand because they are written for every posting and skill stored, where a `JSONEncoder` call cost more than
/// the SQL. Read back with `JSONDecoder` like any JSON; keys in sorted order, as `JSONEncoder(.sortedKeys)`
/// writes them.
enum JSONColumn {
    /// A skill's evidence as a JSON array of objects.
    static func evidence(_ evidence: [Evidence]) -> String {
        var out = Writer(capacity: evidence.reduce(2) { $0 + $1.snippet.utf8.count + $1.matched.utf8.count + 48 })
        out.array(evidence) { out, item in
            out.raw("{\"end\":")
            out.raw(String(item.end))
            out.raw(",\"matched\":")
            out.string(item.matched)
            out.raw(",\"snippet\":")
            out.string(item.snippet)
            out.raw(",\"start\":")
            out.raw(String(item.start))
            out.raw("}")
        }
        return out.text
    }

    /// Why the classifier chose a role, as a JSON object.
    static func explanation(_ explanation: RoleExplanation) -> String {
        var out = Writer(capacity: 256)
        out.raw("{\"matchedRoleSkills\":")
        out.array(explanation.matchedRoleSkills) { $0.string($1) }
        out.raw(",\"titleKeywords\":")
        out.array(explanation.titleKeywords) { $0.string($1) }
        out.raw(",\"topTerms\":")
        out.array(explanation.topTerms) { out, term in
            out.raw("{\"term\":")
            out.string(term.term)
            out.raw(",\"weight\":")
            out.number(term.weight)
            out.raw("}")
        }
        out.raw("}")
        return out.text
    }

    /// A JSON array of strings.
    static func strings(_ values: [String]) -> String {
        var out = Writer(capacity: values.reduce(2) { $0 + $1.utf8.count + 3 })
        out.array(values) { $0.string($1) }
        return out.text
    }

    private struct Writer {
        private var bytes: [UInt8] = []

        init(capacity: Int) { bytes.reserveCapacity(capacity) }

        var text: String { String(decoding: bytes, as: UTF8.self) }

        mutating func raw(_ text: String) { bytes.append(contentsOf: text.utf8) }

        mutating func array<T>(_ items: [T], _ element: (inout Writer, T) -> Void) {
            bytes.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                element(&self, item)
            }
            bytes.append(UInt8(ascii: "]"))
        }

        /// Swift's shortest round-trip form is valid JSON for finite values; JSON has no NaN or infinity, and
        /// the classifier never gives one, so those would be written as 0.
        mutating func number(_ value: Double) {
            raw(value.isFinite ? String(value) : "0")
        }

        /// A JSON string literal: quote, backslash and control characters escaped, everything else as UTF-8.
        mutating func string(_ text: String) {
            bytes.append(UInt8(ascii: "\""))
            // Most strings need no escape: their bytes go in at once.
            guard text.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) else {
                bytes.append(contentsOf: text.utf8)
                bytes.append(UInt8(ascii: "\""))
                return
            }
            for byte in text.utf8 {
                switch byte {
                case UInt8(ascii: "\""): raw("\\\"")
                case UInt8(ascii: "\\"): raw("\\\\")
                case UInt8(ascii: "\n"): raw("\\n")
                case UInt8(ascii: "\r"): raw("\\r")
                case UInt8(ascii: "\t"): raw("\\t")
                case 0..<0x20:
                    raw("\\u00")
                    bytes.append(Self.hexDigit(byte >> 4))
                    bytes.append(Self.hexDigit(byte & 0x0F))
                default: bytes.append(byte)
                }
            }
            bytes.append(UInt8(ascii: "\""))
        }

        /// The lowercase hexadecimal digit of `value` (0–15).
        private static func hexDigit(_ value: UInt8) -> UInt8 {
            value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "a") + value - 10
        }
    }
}
