import Foundation

/// A word of a text, with where it stands.
public struct Token: Sendable, Hashable {
    /// The token as written.
    public var text: Substring
    /// Lowercased form, the key for vocabularies and skill aliases.
    public var lowercased: String
    /// Byte offsets in the text's UTF-8.
    public var utf8Range: Range<Int>
}

/// Splits text into words while keeping technical tokens whole: `c++`, `c#`, `node.js`, `scikit-learn`,
/// `gpt-4`, `.net`, `3.5`. Shared by the skill matcher and the TF-IDF vectorizer so both see the same words.
///
/// A token starts at a letter or digit (or a `.` directly before a letter, for `.net`), goes on through letters
/// and digits, and through one `.`, `-` or `_` only when a letter or digit follows it (so a sentence's final
/// period is not part of its last word). Trailing `+` runs and a `#` directly after a letter are kept (`c++`, `c#`).
public struct Tokenizer: Sendable {
    public init() {}

    /// The tokens of `text`, in order.
    public func tokens(in text: String) -> [Token] {
        var result: [Token] = []
        result.reserveCapacity(text.utf8.count / 6)
        let scalars = Array(text.unicodeScalars)
        var offsets = [Int](repeating: 0, count: scalars.count + 1)
        var running = 0
        for (i, s) in scalars.enumerated() {
            offsets[i] = running
            running += UTF8.width(s)
        }
        offsets[scalars.count] = running
        let utf8 = text.utf8
        var i = 0
        let n = scalars.count
        while i < n {
            let startsWord = Tokenizer.isWordScalar(scalars[i])
                || (scalars[i] == "." && i + 1 < n && Tokenizer.isLetter(scalars[i + 1])
                    && (i == 0 || !Tokenizer.isWordScalar(scalars[i - 1])))
            guard startsWord else { i += 1; continue }
            let start = i
            i += 1
            while i < n {
                let s = scalars[i]
                if Tokenizer.isWordScalar(s) { i += 1; continue }
                if (s == "." || s == "-" || s == "_"), i + 1 < n, Tokenizer.isWordScalar(scalars[i + 1]) {
                    i += 2
                    continue
                }
                break
            }
            // Suffixes that make technical names: c++, c#, f#.
            if i < n, scalars[i] == "+" {
                while i < n, scalars[i] == "+" { i += 1 }
            } else if i < n, scalars[i] == "#", Tokenizer.isLetter(scalars[i - 1]),
                      i + 1 == n || !Tokenizer.isWordScalar(scalars[i + 1]) {
                i += 1
            }
            let lo = utf8.index(utf8.startIndex, offsetBy: offsets[start])
            let hi = utf8.index(lo, offsetBy: offsets[i] - offsets[start])
            let word = text[lo..<hi]
            result.append(Token(text: word, lowercased: word.lowercased(), utf8Range: offsets[start]..<offsets[i]))
        }
        return result
    }

    /// The lowercased tokens only: what the vectorizer needs.
    public func words(in text: String) -> [String] {
        tokens(in: text).map(\.lowercased)
    }

    static func isLetter(_ s: Unicode.Scalar) -> Bool {
        if s.isASCII {
            let v = s.value
            return (v >= 65 && v <= 90) || (v >= 97 && v <= 122)
        }
        return s.properties.isAlphabetic
    }

    static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        if s.isASCII {
            let v = s.value
            return (v >= 48 && v <= 57) || (v >= 65 && v <= 90) || (v >= 97 && v <= 122)
        }
        return s.properties.isAlphabetic || s.properties.numericType != nil
    }
}
