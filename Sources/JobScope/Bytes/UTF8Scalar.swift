import Foundation

/// Decoding single scalars of valid UTF-8 (a Swift string's bytes).
enum UTF8Scalar {
    @inline(__always) static func length(leading b: UInt8) -> Int {
        b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4
    }

    /// The byte where the first `units` UTF-16 units of `text` after byte `start` end (the text's end when it
    /// holds fewer); nil when they end inside a character of two units. Byte offsets that stand for an
    /// `NSString` length, as ICU counts it.
    static func end(ofUTF16Units units: Int, in text: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        // A UTF-8 byte never stands for more than one UTF-16 unit.
        if text.count - start <= units { return text.count }
        var i = start
        var counted = 0
        while i < text.count, counted < units {
            let width = text[i] >= 0xF0 ? 2 : 1
            if counted + width > units { return nil }
            counted += width
            i += length(leading: text[i])
        }
        return i
    }

    /// The scalar whose first byte is at `i`.
    static func decode(_ text: UnsafeBufferPointer<UInt8>, at i: Int) -> Unicode.Scalar {
        let b = text[i]
        var value: UInt32
        let length = Self.length(leading: b)
        switch length {
        case 1: value = UInt32(b)
        case 2: value = UInt32(b & 0x1F)
        case 3: value = UInt32(b & 0x0F)
        default: value = UInt32(b & 0x07)
        }
        var k = 1
        while k < length, i + k < text.count {
            value = value << 6 | UInt32(text[i + k] & 0x3F)
            k += 1
        }
        return Unicode.Scalar(value) ?? "\u{FFFD}"
    }

    /// The scalar that ends just before byte `end`, and where it begins.
    static func decode(_ text: UnsafeBufferPointer<UInt8>, before end: Int) -> (Unicode.Scalar, Int) {
        var start = end - 1
        while start > 0, text[start] & 0xC0 == 0x80 { start -= 1 }
        return (decode(text, at: start), start)
    }
}
