import Testing
@testable import JobScope

@Suite struct TokenizerTests {
    let tokenizer = Tokenizer()

    @Test func keepsTechnicalTokensWhole() {
        let words = tokenizer.words(in: "C++, C#, node.js, scikit-learn and GPT-4 on .NET.")
        #expect(words == ["c++", "c#", "node.js", "scikit-learn", "and", "gpt-4", "on", ".net"])
    }

    @Test func dropsSentencePunctuation() {
        #expect(tokenizer.words(in: "Python. R, SQL; (Spark)") == ["python", "r", "sql", "spark"])
    }

    @Test func reportsUTF8Offsets() {
        let text = "Café — PyTorch"
        let tokens = tokenizer.tokens(in: text)
        #expect(tokens.map(\.text) == ["Café", "PyTorch"])
        let bytes = Array(text.utf8)
        let last = tokens[1].utf8Range
        #expect(String(decoding: bytes[last], as: UTF8.self) == "PyTorch")
    }

    /// The tokenizer works on UTF-8 bytes; it must split exactly as its definition over Unicode scalars does.
    @Test func byteLevelSplitEqualsTheScalarDefinition() {
        let texts = [
            "", ".", ".net", "a.b", "x.", "C++ and C#.", "F#, c#1, a#b", "ÉCOLE Straße naïve-résumé", "日本語のテキスト",
            "emoji 👩‍💻 ok", "x\u{301}y", "١٢٣ digits", "gpt-4o_mini node.js .NET..NET", "end-", "__init__", "a-\u{0301}b",
            "Ωmega—dash…dots", "++c", "c+++", "#tag", "İstanbul ǅ ﬁne", "tab\there\r\nnew", "-.5 .5 5.",
        ]
        for text in texts {
            let tokens = tokenizer.tokens(in: text)
            let expected = Self.referenceTokens(text)
            #expect(tokens.map(\.utf8Range) == expected.map(\.range), "\(text)")
            #expect(tokens.map(\.lowercased) == expected.map(\.lowercased), "\(text)")
            #expect(tokens.map { String($0.text) } == expected.map(\.text), "\(text)")
        }
    }

    /// The definition in the doc comment, over an array of scalars (the tokenizer's first implementation).
    static func referenceTokens(_ text: String) -> [(range: Range<Int>, text: String, lowercased: String)] {
        func isLetter(_ s: Unicode.Scalar) -> Bool {
            s.isASCII ? (s.value >= 65 && s.value <= 90) || (s.value >= 97 && s.value <= 122) : s.properties.isAlphabetic
        }
        func isWord(_ s: Unicode.Scalar) -> Bool {
            s.isASCII ? isLetter(s) || (s.value >= 48 && s.value <= 57)
                : s.properties.isAlphabetic || s.properties.numericType != nil
        }
        let scalars = Array(text.unicodeScalars)
        var offsets = [0]
        for s in scalars { offsets.append(offsets.last! + UTF8.width(s)) }
        let bytes = Array(text.utf8)
        var result: [(range: Range<Int>, text: String, lowercased: String)] = []
        var i = 0
        let n = scalars.count
        while i < n {
            let starts = isWord(scalars[i])
                || (scalars[i] == "." && i + 1 < n && isLetter(scalars[i + 1]) && (i == 0 || !isWord(scalars[i - 1])))
            guard starts else { i += 1; continue }
            let start = i
            i += 1
            while i < n {
                if isWord(scalars[i]) { i += 1; continue }
                if ".-_".unicodeScalars.contains(scalars[i]), i + 1 < n, isWord(scalars[i + 1]) { i += 2; continue }
                break
            }
            if i < n, scalars[i] == "+" {
                while i < n, scalars[i] == "+" { i += 1 }
            } else if i < n, scalars[i] == "#", isLetter(scalars[i - 1]), i + 1 == n || !isWord(scalars[i + 1]) {
                i += 1
            }
            let word = String(decoding: bytes[offsets[start]..<offsets[i]], as: UTF8.self)
            result.append((offsets[start]..<offsets[i], word, word.lowercased()))
        }
        return result
    }
}
