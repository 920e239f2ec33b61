import Foundation
import Testing
@testable import JobScope

/// `BytePattern` must find exactly what `NSRegularExpression` finds wherever it says it answers like ICU.
@Suite("BytePattern")
struct BytePatternTests {
    /// Every match ICU finds, as UTF-8 byte offsets.
    static func icuMatches(_ pattern: NSRegularExpression, in text: String) -> [Range<Int>] {
        icuGroupMatches(pattern, in: text).map { $0[0]! }
    }

    /// Every match ICU finds with its group 1 (nil when it took no part), as UTF-8 byte offsets.
    static func icuGroupMatches(_ pattern: NSRegularExpression, in text: String) -> [[Range<Int>?]] {
        // UTF-16 offsets to UTF-8 ones, also where a match begins or ends inside a grapheme ("e" + U+0301).
        func offset(_ utf16: Int) -> Int {
            text.utf8.distance(from: text.startIndex, to: String.Index(utf16Offset: utf16, in: text))
        }
        func offsets(_ range: NSRange) -> Range<Int>? {
            guard range.location != NSNotFound else { return nil }
            return offset(range.location)..<offset(range.location + range.length)
        }
        return pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)).map { match in
            [offsets(match.range), match.numberOfRanges > 1 ? offsets(match.range(at: 1)) : nil]
        }
    }

    /// The same by `BytePattern` (compiled with `captureGroups: 1`), nil when it leaves the text to ICU.
    static func byteGroupMatches(_ pattern: BytePattern, in text: String) -> [[Range<Int>?]]? {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { buffer in
            guard pattern.answersLikeICU(TextTraits(buffer)) else { return nil }
            var stack: [Int] = []
            return pattern.groupMatches(in: buffer, stack: &stack).map { [$0.match as Range<Int>?] + $0.groups }
        }
    }

    /// Every match `BytePattern` finds, nil when it leaves the text to ICU.
    static func byteMatches(_ pattern: BytePattern, in text: String) -> [Range<Int>]? {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { buffer in
            guard pattern.answersLikeICU(TextTraits(buffer)) else { return nil }
            var stack: [Int] = []
            return pattern.matches(in: buffer, stack: &stack)
        }
    }

    /// Texts made of the patterns' own words and of the characters that trip word boundaries, case and
    /// Unicode up (combining marks, format characters, case folds to ASCII, non-ASCII digits, line breaks).
    static func texts(count: Int, pieces: [String], seed: UInt64) -> [String] {
        let tricky = [
            " ", " ", " ", "-", ".", ",", "_", "/", "(", ")", "'", "\u{2019}", "\u{2014}", "\u{2022}", "é", "E\u{301}",
            "\u{301}", "\u{200B}", "\u{AD}", "\u{200D}", "ß", "ſ", "\u{212A}", "\u{130}", "\u{FB01}", "\u{663}", "1", "42",
            "x", "\n", "\r\n", "\r", "\u{2028}", "\u{85}", "\u{1F916}", "\u{FF21}", "\u{3A3}", "ǅ", "\t", "\u{A0}",
        ]
        var state = seed
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        return (0..<count).map { _ in
            (0..<(1 + next(14))).map { _ -> String in
                let piece = next(3) == 0 ? tricky[next(tricky.count)] : pieces[next(pieces.count)]
                return next(5) == 0 ? piece.uppercased() : piece
            }.joined()
        }
    }

    /// The words of a pattern's alternatives, as fuzz pieces.
    static func pieces(of patterns: [String]) -> [String] {
        var words: Set<String> = []
        for pattern in patterns {
            let plain = pattern.replacingOccurrences(of: #"\\[bdws]|[()?:*+^$\[\]{}\\]"#, with: "|", options: .regularExpression)
            for word in plain.split(separator: "|") where !word.isEmpty { words.insert(String(word)) }
        }
        return words.sorted()
    }

    static func aiPatterns() throws -> [String] {
        let rules = try AIEvidenceRules.load(from: ClassifierFixture.layout.aiEvidence)
        return [rules.uses, rules.genai, rules.ml, rules.work]
    }

    static func expectSameMatches(_ source: String, options: NSRegularExpression.Options, texts: [String],
                                  nonASCIISteps: Bool = false) throws -> Int {
        let icu = try NSRegularExpression(pattern: source, options: options)
        let bytes = try #require(BytePattern(source, options: options, nonASCIISteps: nonASCIISteps), "\(source) compiles")
        var answered = 0
        for text in texts {
            guard let found = byteMatches(bytes, in: text) else { continue }
            answered += 1
            #expect(found == icuMatches(icu, in: text), "\(source) in \(text.debugDescription)")
        }
        return answered
    }

    /// The same for matches and their group 1, steps taking non-ASCII characters.
    static func expectSameGroupMatches(_ source: String, options: NSRegularExpression.Options, texts: [String]) throws -> Int {
        let icu = try NSRegularExpression(pattern: source, options: options)
        let bytes = try #require(
            BytePattern(source, options: options, captureGroups: 1, nonASCIISteps: true), "\(source) compiles")
        var answered = 0
        for text in texts {
            guard let found = byteGroupMatches(bytes, in: text) else { continue }
            answered += 1
            #expect(found == icuGroupMatches(icu, in: text), "\(source) in \(text.debugDescription)")
        }
        return answered
    }

    /// Characters beyond `texts`' own that the non-ASCII steps and line anchors read: more white space and
    /// line ends, and words around them.
    static let wideTricky = [
        "\u{B}", "\u{C}", "\u{2029}", "\u{3000}", "\u{2007}", "\u{1680}", "\u{FEFF}", "\u{200A}", "é", "ü", "\u{1F680}",
        "\u{0663}", "\u{FF10}", "*", "#", ">", "|", ":", " - ", "  ", "\r\n", "\n\n",
    ]

    @Test("the ASCII classes and word characters are ICU's")
    func asciiClasses() throws {
        let classes: [(String, BytePattern.ByteSet)] = [
            (#"\d"#, .digits), (#"\w"#, .word), (#"\s"#, .space), (".", .dot),
        ]
        for (source, set) in classes {
            let icu = try NSRegularExpression(pattern: #"\A"# + source + #"\z"#)
            for b in UInt8(0)..<128 {
                let text = String(UnicodeScalar(b))
                let inICU = icu.firstMatch(in: text, range: NSRange(location: 0, length: 1)) != nil
                #expect(set.contains(b) == inICU, "\(source) and byte \(b)")
            }
        }
    }

    @Test("the word-byte test of the scan and of \\b is the \\w set, byte for byte")
    func wordBytes() {
        for b in UInt8.min...UInt8.max {
            #expect(BytePattern.isWordByte(b) == BytePattern.ByteSet.word.contains(b), "byte \(b)")
        }
    }

    @Test("patterns whose every alternative opens with \\b, ^ or \\A match where the scan passes over starts as ICU does")
    func leadingAnchors() throws {
        let sources = [
            #"\b(ai|ml)\b|\bdata\b"#, #"\bai\w*"#, #"\b-\w+|\bx"#, #"(\bai|\bml)s?"#, #"\b(?:as|at) (a|an)\b"#,
            #"(?m)^[ *-]*(role|title): ?\w+"#, #"(?m)^ai|^x"#, #"^(senior|sr\.?) |^lead\b"#, #"\Aai|^x"#, #"^ai|\bml"#,
        ]
        let texts = ["mail ai-ml data", "bailai aix xai ai_ml", "x-ray co-op -x --x", "maids as an at a  ata", "ai", "xai",
                     "é-ai éai aié ai\u{301}x", "data2 2data _data data_", "x\nai\r\nrole: ml\n- title:x\rai\u{85}ai",
                     "senior lead senior\nlead", "lead", "sr. ai ml\u{2028}ai", "ml\n\nx"]
        for source in sources {
            for options: NSRegularExpression.Options in [[], .caseInsensitive] {
                #expect(try Self.expectSameMatches(source, options: options, texts: texts) > 0, "\(source)")
            }
        }
    }

    @Test("the AI-evidence patterns match as ICU does, on tricky text")
    func aiEvidencePatterns() throws {
        let patterns = try Self.aiPatterns()
        let texts = [
            "ai", "AI", "a.i.", "a.i.s", "ai.", "ai-powered tools", "ai\u{301} tools", "ai\u{200B}", "\u{200B}ai", "_ai", "ai_",
            "llm\u{AD}s", "llms", "llms's", "gpt-4", "gpt 4.5", "gpt4", "gpt-\u{663}", "gpt\u{663}", "ºai", "éai", "aié", "\u{1F916}ai",
            "ai\u{1F916}", "straße ml", "ſtable diffusion", "fine-tuning of llms", "fine tuned models", "retrieval augmented generation",
            "use of ai tools", "using genai", "copilots", "copilot.", "github copilot", "vector databases", "hugging face\r\n",
            "machine learning\u{2028}", "ml—ai", "ml\u{2019}s", "model outputs", "data labelling", "data labeling", "annotate",
            "e\u{301}ml", "ml\u{301}", "İai", "ai\u{130}", "ﬁne-tuning", "AI-ENABLED TOOLS", "ai tools ai tools", "chatgpt/claude",
        ]
        for pattern in patterns {
            let answered = try Self.expectSameMatches(pattern, options: .caseInsensitive, texts: texts.map { $0.lowercased() })
            #expect(answered >= texts.count - 6)
        }
    }

    @Test("the AI-evidence patterns match as ICU does, on generated text")
    func aiEvidenceFuzz() throws {
        let patterns = try Self.aiPatterns()
        let texts = Self.texts(count: 1500, pieces: Self.pieces(of: patterns), seed: 15).map { $0.lowercased() }
        for pattern in patterns {
            let answered = try Self.expectSameMatches(pattern, options: .caseInsensitive, texts: texts)
            #expect(answered > texts.count / 3)
        }
    }

    @Test("the title rules' patterns match as ICU does, on generated titles")
    func titlePatterns() throws {
        let parse = try TitleParseRules.load(from: ClassifierFixture.layout.titleParseRules)
        let titleRules = try TitleRuleSet.load(from: ClassifierFixture.layout.titleRules)
        let patterns = parse.seniority + parse.segments.map(\.pattern) + [parse.roleWords] + parse.heads.map(\.pattern)
            + parse.specialisations.map(\.pattern) + titleRules.rules.map(\.pattern)
        let texts = Self.texts(count: 300, pieces: Self.pieces(of: patterns), seed: 11)
            .map(TitleRuleSet.normalize)
        var compiled = 0
        for pattern in patterns where !pattern.isEmpty {
            guard BytePattern(pattern, options: .caseInsensitive) != nil else { continue }
            compiled += 1
            _ = try Self.expectSameMatches(pattern, options: .caseInsensitive, texts: texts)
        }
        #expect(compiled > patterns.count / 2)
    }

    @Test("the syntax beyond the rule files' own: lazy, lookahead, anchors, counts, classes")
    func syntax() throws {
        let sources = [
            #"\b(data|ml) ?(and |& )?analyst\b"#, #"^(us|uk|[a-z]{2})$"#, #"\d+k\b|^\$|\bequity\b"#, #"^#?\d[\d\- ]*$"#,
            #"\bsoftware [a-z ]{0,30}?(engineer|developer)\b"#, #"\b(ux|ui) ?(designer|lead)?\b(?! ?(developer|engineer))"#,
            #"\bdata scien\w*|\bscientist\W+data\b"#, #".*\b(remote|hybrid)$"#, #"\blabel+ing\b"#, #"(?=ai)a|x(?:y|z)+"#,
            #"[^a-z ]+"#, #"\Bing\b"#, #"\s+[-|/~]+\s+|\s*[,:]\s+"#, #"\Aab|c\.d"#, #"a{2,}|b{3}"#,
        ]
        let texts = Self.texts(count: 800, pieces: Self.pieces(of: sources) + ["data", "ml", "ux"], seed: 7)
        for source in sources {
            for options: NSRegularExpression.Options in [[], .caseInsensitive] {
                _ = try Self.expectSameMatches(source, options: options, texts: texts)
            }
        }
    }

    @Test("the same syntax with steps over non-ASCII characters, lookbehinds, (?m) anchors and a captured group")
    func wideSyntax() throws {
        let sources = [
            #"\b(data|ml) ?(and |& )?analyst\b"#, #"^(us|uk|[a-z]{2})$"#, #"(\d+)k\b|^\$|\bequity\b"#, #"^#?(\d[\d\- ]*)$"#,
            #"\bsoftware [a-z ]{0,30}?(engineer|developer)\b"#, #"\bdata (scien\w*)|\bscientist\W+data\b"#,
            #".*\b(remote|hybrid)$"#, #"([^a-z ]+)"#, #"\s+([-|/~]+)\s+|\s*[,:]\s+"#, #"(\S+) ?\D{2}"#, #"[^\s](\w\w)"#,
            #"\bas(?<!such as)(?<!worked as) (?:a|an|the) ([a-z][a-z -]{2,20}?)(?=\s*[,;.\n]| to\b| at\b)"#,
            #"(?<=[0-9])(k)\b|(?<!data |ml )(engineer)"#,
            #"(?m)^[ \t*#>-]*(?:role|title)[ \t*]*[:\-][ \t*]*([^\n|*]{3,20}?)[ \t*]*$"#, #"(?m)(x|ml)$|^(data)"#,
            #"(a.c)|\b(\d\d)\b"#, #"(role)[:\-] ?([^\n]{2,9}?)$"#,
        ]
        let pieces = Self.pieces(of: sources) + ["data", "ml", "ux", "as a ", "such as the ", "role: ", "title - "] + Self.wideTricky
        let texts = Self.texts(count: 800, pieces: pieces, seed: 21)
        for source in sources {
            for options: NSRegularExpression.Options in [[], .caseInsensitive] {
                let answered = try Self.expectSameGroupMatches(source, options: options, texts: texts)
                #expect(answered > texts.count / 3, "\(source) answered \(answered)")
                _ = try Self.expectSameMatches(source, options: options, texts: texts)
            }
        }
    }

    @Test("the body-statement patterns match as ICU does, with their titles, on generated text")
    func bodyStatementPatterns() throws {
        let rules = try #require(try TitleParseRules.load(from: ClassifierFixture.layout.titleParseRules).bodyStatements)
        let pieces = Self.pieces(of: rules.patterns) + Self.wideTricky + [
            "as a ", "As an ", "such as a ", "worked as the ", "we are looking for a ", "Seeking an ", "this ", "The ",
            " role is ", " position will ", "**Job Title:** ", "\n## Position - ", "Role: ", "Data Engineer", "product manager",
            ", you", " to join", " who ", " based in", "\n", ".",
        ]
        let texts = Self.texts(count: 1500, pieces: pieces, seed: 31)
        for pattern in rules.patterns {
            let answered = try Self.expectSameGroupMatches(pattern, options: .caseInsensitive, texts: texts)
            #expect(answered > texts.count / 3, "\(pattern) answered \(answered)")
        }
    }

    @Test("patterns outside the subset are left to ICU")
    func unsupported() {
        for source in [#"(?i)ai"#, #"a*?"#, #"(?<=x+)y"#, #"(?<n>x)"#, #"\p{L}+"#, #"[[a-z]&&[^aeiou]]"#, #"(a*)*"#, #"x|"#,
                       #"a++"#, #"\1"#] {
            #expect(BytePattern(source) == nil, "\(source)")
        }
        #expect(BytePattern("ai", options: .anchorsMatchLines) == nil)
        // A group reported must be matched at most once, outside lookarounds, and exist.
        for source in [#"(a)+"#, #"(a){2}"#, #"x(?=(a))"#, #"x(?:y)"#] {
            #expect(BytePattern(source, captureGroups: 1) == nil, "\(source)")
        }
        #expect(BytePattern(#"(a)?b"#, captureGroups: 1) != nil)
        // A non-ASCII literal is matched by its bytes only in a case-sensitive pattern.
        #expect(BytePattern("€5", options: .caseInsensitive, nonASCIISteps: true)?.answersAnyText == false)
        #expect(BytePattern("€5", nonASCIISteps: true)?.answersAnyText == true)
        // Steps over non-ASCII characters cannot join a class's negated and plain classes.
        #expect(BytePattern(#"[\W\d]"#, nonASCIISteps: true) == nil)
        #expect(BytePattern(#"[\W\d]"#) != nil)
    }

    @Test("a text whose characters could match otherwise in ICU is left to it")
    func textLeftToICU() throws {
        let pattern = try #require(BytePattern(#"\b(ss|gpt\d)\b"#, options: .caseInsensitive))
        for text in ["straße", "ſs", "gpt\u{663}"] { #expect(Self.byteMatches(pattern, in: text) == nil, "\(text)") }
        #expect(Self.byteMatches(pattern, in: "café ss") == [6..<8])
        let dot = try #require(BytePattern("a.c"))
        #expect(Self.byteMatches(dot, in: "aéc") == nil)
        #expect(Self.byteMatches(dot, in: "abc") == [0..<3])
        // Steps over non-ASCII characters answer it (a UTF-8 range), and still leave case folds to ICU.
        let wideDot = try #require(BytePattern("a.c", options: .caseInsensitive, nonASCIISteps: true))
        #expect(Self.byteMatches(wideDot, in: "aéc a\u{2028}c") == [0..<4])
        #expect(Self.byteMatches(wideDot, in: "aÉc") == nil)
    }

    @Test("AIInvolvementDetector counts by bytes as by ICU")
    func detectorCounts() throws {
        let detector = try AIInvolvementDetectorTests.detector()
        let texts = [
            "you will use generative ai tools and github copilot daily; you build llm agents with rag.",
            "experience with machine learning, ml models and ai-powered products.",
            "café owners’ ai\u{301} assistants — ai tools, ai\u{200B} tools; naïve bayes classification models",
            "You’ll fine-tune LLMs (GPT-4, Claude) — and evaluate model outputs.",
            "straße: ai tools", "ﬁne-tuning llms", "gpt-\u{663} prompts", "",
        ]
        var answered = 0
        for text in texts + Self.texts(count: 400, pieces: Self.pieces(of: try Self.aiPatterns()), seed: 3) {
            let icu = detector.countsByICU(in: text)
            if let bytes = detector.countsByBytes(in: text) {
                answered += 1
                #expect(bytes == icu, "\(text.debugDescription)")
            }
            #expect(detector.counts(in: text) == icu)
        }
        #expect(answered > 200)
        #expect(detector.countsByBytes(in: texts[2]) != nil)
        #expect(detector.countsByBytes(in: "straße: ai tools") == nil)
    }
}
