import Foundation

/// What the non-ASCII characters of a text allow `BytePattern` (see `answersLikeICU`).
struct TextTraits: Sendable {
    var isASCII = true
    /// A character whose case folding differs from it (ß, ſ, a ligature): it may match ASCII ignoring case.
    var holdsCaseFolding = false
    /// A decimal digit outside ASCII, which ICU's `\d` matches.
    var holdsOtherDigits = false

    init(_ text: UnsafeBufferPointer<UInt8>) {
        var i = 0
        let n = text.count
        while i < n {
            if text[i] < 0x80 {
                i += 1
                continue
            }
            isASCII = false
            let scalar = UTF8Scalar.decode(text, at: i)
            let classes = ScalarClasses.of(scalar)
            if classes.contains(.caseFolding) { holdsCaseFolding = true }
            if classes.contains(.digit) { holdsOtherDigits = true }
            i += UTF8Scalar.length(leading: text[i])
        }
    }
}
