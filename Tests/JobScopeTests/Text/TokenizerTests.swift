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
}
