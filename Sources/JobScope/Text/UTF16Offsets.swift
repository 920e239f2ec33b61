import Foundation

/// Converts UTF-8 byte offsets (what the tokenizer reports) to UTF-16 offsets (what `Evidence` stores).
/// Pure ASCII text, the common case, needs no counting.
///
/// Evidence is made for a few matches per posting, in text order: the units are counted from the previous
/// offset asked for (from the start when going back), rather than tabulated for every byte of the text.
struct UTF16Offsets {
    private let bytes: [UInt8]
    private let isASCII: Bool
    /// The last offset converted and its UTF-16 offset.
    private var lastUTF8 = 0
    private var lastUTF16 = 0

    init(text: String, bytes: [UInt8]) {
        self.bytes = bytes
        // Only ASCII has as many UTF-16 units as UTF-8 bytes.
        self.isASCII = !bytes.contains(where: { $0 >= 0x80 })
    }

    /// The UTF-16 offset of the scalar boundary at or before UTF-8 offset `utf8` (a byte inside a scalar
    /// counts as the scalar's start).
    mutating func offset(_ utf8: Int) -> Int {
        if isASCII { return utf8 }
        var target = utf8
        while target > 0, target < bytes.count, bytes[target] & 0xC0 == 0x80 { target -= 1 }
        if target < lastUTF8 {
            lastUTF8 = 0
            lastUTF16 = 0
        }
        var units = lastUTF16
        bytes.withUnsafeBufferPointer { b in
            for i in lastUTF8..<target {
                let c = b[i]
                // A scalar's lead byte counts one unit, a four-byte scalar's two; continuation bytes none.
                if c & 0xC0 != 0x80 { units += c >= 0xF0 ? 2 : 1 }
            }
        }
        lastUTF8 = target
        lastUTF16 = units
        return units
    }
}
