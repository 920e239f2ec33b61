/// `String.lowercased()` over UTF-8 bytes, without making a `String` or walking its scalars one by one.
///
/// The standard library lowercases scalar by scalar (each scalar's own `lowercaseMapping`, no context: "ΣΑΣ"
/// becomes "σασ"), so the same can be done here: ASCII capitals byte by byte, a non-ASCII scalar copied as it is
/// unless it `changesWhenLowercased` (which holds exactly when its mapping differs from it; the tests check every
/// scalar), and only then mapped. The bytes equal `Array(text.lowercased().utf8)`.
enum UTF8Lowercase {
    /// The lowercased form of the valid UTF-8 `bytes`, appended to `out`.
    static func append(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        let n = bytes.count
        out.reserveCapacity(out.count + n)
        var i = 0
        while i < n {
            let b = bytes[i]
            if b < 0x80 {
                out.append(ByteScan.lower(b))
                i += 1
                continue
            }
            let width = UTF8Scalar.length(leading: b)
            let scalar = UTF8Scalar.decode(bytes, at: i)
            let end = min(i + width, n)
            if scalar.properties.changesWhenLowercased {
                out.append(contentsOf: scalar.properties.lowercaseMapping.utf8)
            } else {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[i..<end]))
            }
            i = end
        }
    }

    /// The lowercased UTF-8 of `text`: `Array(text.lowercased().utf8)`.
    static func bytes(of text: String) -> [UInt8] {
        var text = text
        return text.withUTF8 { buffer in
            var out: [UInt8] = []
            append(buffer, to: &out)
            return out
        }
    }
}
