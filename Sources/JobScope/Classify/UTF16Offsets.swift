import Foundation

/// Converts UTF-8 byte offsets (what the tokenizer reports) to UTF-16 offsets (what `Evidence` stores).
/// Pure ASCII text, the common case, needs no table.
struct UTF16Offsets {
    /// UTF-16 offset at each UTF-8 offset, or empty when the two agree (ASCII).
    private let table: [Int32]

    init(text: String, bytes: [UInt8]) {
        guard text.utf16.count != bytes.count else {
            table = []
            return
        }
        var table = [Int32](repeating: 0, count: bytes.count + 1)
        var units: Int32 = 0
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            let width = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4
            for k in 0..<width where i + k <= bytes.count { table[i + k] = units }
            units += width == 4 ? 2 : 1
            i += width
        }
        table[bytes.count] = units
        self.table = table
    }

    func offset(_ utf8: Int) -> Int {
        table.isEmpty ? utf8 : Int(table[utf8])
    }
}
