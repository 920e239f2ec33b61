import Foundation
import Testing
@testable import JobScope

@Suite("TfidfVectorizer")
struct TfidfVectorizerTests {
    let documents = ["python sql", "python python spark", "sql excel"]

    @Test("fit learns a sorted vocabulary and smoothed IDF: ln((1+n)/(1+df)) + 1")
    func idfByHand() {
        var vectorizer = TfidfVectorizer()
        vectorizer.fit(documents)
        #expect(vectorizer.vocabulary == ["excel", "python", "spark", "sql"])
        // n = 3; df(excel) = df(spark) = 1 → ln(4/2) + 1; df(python) = df(sql) = 2 → ln(4/3) + 1.
        let expected = [1.6931471805599454, 1.2876820724517808, 1.6931471805599454, 1.2876820724517808]
        for (got, want) in zip(vectorizer.idf, expected) { #expect(abs(got - want) < 1e-12) }
    }

    @Test("transform weights raw counts by IDF and L2-normalizes (scikit-learn's defaults)")
    func rawCounts() {
        var vectorizer = TfidfVectorizer()
        vectorizer.fit(documents)
        let x = vectorizer.transform("python python spark")
        // python: 2 × 1.28768 = 2.57536; spark: 1 × 1.69315; divided by their Euclidean length 3.08209.
        #expect(abs(x[vectorizer.featureIndex(of: "python")!] - 0.8355915419449177) < 1e-9)
        #expect(abs(x[vectorizer.featureIndex(of: "spark")!] - 0.5493512310263033) < 1e-9)
        #expect(x.count == 2)
        #expect(abs(x.norm - 1) < 1e-12)
    }

    @Test("sublinear TF uses 1 + ln(count)")
    func sublinear() {
        var vectorizer = TfidfVectorizer(options: .init(sublinearTF: true))
        vectorizer.fit(documents)
        let x = vectorizer.transform("python python spark")
        #expect(abs(x[vectorizer.featureIndex(of: "python")!] - 0.7898069290660905) < 1e-9)
        #expect(abs(x[vectorizer.featureIndex(of: "spark")!] - 0.6133555370249717) < 1e-9)
    }

    @Test("unsmoothed IDF is ln(n/df) + 1")
    func unsmoothed() {
        var vectorizer = TfidfVectorizer(options: .init(smoothIDF: false, normalize: false))
        vectorizer.fit(documents)
        #expect(abs(vectorizer.idf[vectorizer.featureIndex(of: "excel")!] - (log(3.0) + 1)) < 1e-12)
        #expect(abs(vectorizer.transform("sql sql")[vectorizer.featureIndex(of: "sql")!] - 2 * (log(1.5) + 1)) < 1e-12)
    }

    @Test("stop words go before bigrams are formed, so a bigram spans a removed word")
    func stopWordsAndBigrams() {
        let vectorizer = TfidfVectorizer(options: .init(stopWords: ["the", "and"], maxN: 2))
        #expect(vectorizer.analyze("The Python and SQL") == ["python", "sql", "python sql"])
        #expect(vectorizer.analyze("and the") == [])
    }

    @Test("technical tokens stay whole and lowercased")
    func technicalTokens() {
        let vectorizer = TfidfVectorizer()
        #expect(vectorizer.analyze("C++ and Node.js with scikit-learn, GPT-4.") == ["c++", "and", "node.js", "with", "scikit-learn", "gpt-4"])
    }

    @Test("min_df drops rare terms; max_features keeps the most frequent, ties alphabetical")
    func pruning() {
        var rare = TfidfVectorizer(options: .init(minDF: 2))
        rare.fit(documents)
        #expect(rare.vocabulary == ["python", "sql"])
        var top = TfidfVectorizer(options: .init(maxFeatures: 2))
        top.fit(documents)
        // Corpus counts: python 3, sql 2, excel 1, spark 1.
        #expect(top.vocabulary == ["python", "sql"])
        var tie = TfidfVectorizer(options: .init(maxFeatures: 3))
        tie.fit(documents)
        #expect(tie.vocabulary == ["excel", "python", "sql"])
        var common = TfidfVectorizer(options: .init(maxDFFraction: 0.5))
        common.fit(documents)
        #expect(common.vocabulary == ["excel", "spark"])
    }

    @Test("unknown words are ignored; an all-unknown text is the zero vector")
    func unknownWords() {
        var vectorizer = TfidfVectorizer()
        vectorizer.fit(documents)
        #expect(vectorizer.transform("haskell cobol").count == 0)
        #expect(vectorizer.transform("").count == 0)
    }

    @Test("encodes and decodes to the same vectorizer")
    func roundTrip() throws {
        var vectorizer = TfidfVectorizer(options: .init(stopWords: ["the"], maxN: 2, sublinearTF: true))
        vectorizer.fit(documents)
        let decoded = try JSONDecoder().decode(TfidfVectorizer.self, from: JSONEncoder().encode(vectorizer))
        #expect(decoded.vocabulary == vectorizer.vocabulary)
        #expect(decoded.idf == vectorizer.idf)
        #expect(decoded.options == vectorizer.options)
        #expect(decoded.transform("the python sql") == vectorizer.transform("the python sql"))
    }

    /// Texts that exercise what the byte-level path treats specially: case, non-ASCII words, hyphens, dots,
    /// digits, stop words, unknown words, a title that is empty or missing.
    static let mixedTexts: [(String?, String)] = [
        ("Senior Data Scientist", "Python, SQL and scikit-learn; build ML models.\nNaïve Bayes, Zürich café."),
        ("", "PYTHON python Python — data-driven C++ .NET node.js v2.0 24/7 e-mail"),
        (nil, "Ünïcödé WORDS straße STRASSE İstanbul and the of to in 数据 科学 😀 end."),
        ("ML Engineer (NLP)", "   leading spaces\t\ttabs\r\nwindows lines; ümlaut-words and some-more-words"),
    ]

    @Test("the word-id path (title plus analyzed body) gives the string path's vector", arguments: [1, 2])
    func wordIDPathMatchesStringPath(maxN: Int) {
        var vectorizer = TfidfVectorizer(options: .init(stopWords: ["and", "the", "of"], maxN: maxN, sublinearTF: true))
        vectorizer.fit(Self.mixedTexts.map { RoleClassifier.document(title: $0.0, body: $0.1) } + documents)
        for (title, body) in Self.mixedTexts + [("Python", "sql sql excel"), (nil, "")] {
            let viaIDs = vectorizer.transform(title: title, body: AnalyzedText(body))
            let viaString = vectorizer.transform(RoleClassifier.document(title: title, body: body))
            #expect(viaIDs.indices == viaString.indices)
            for (a, b) in zip(viaIDs.values, viaString.values) { #expect(abs(a - b) < 1e-12) }
            // The list-of-words entry point agrees too.
            let viaWords = vectorizer.transform(words: Tokenizer().words(in: RoleClassifier.document(title: title, body: body)))
            #expect(viaWords.indices == viaString.indices)
        }
    }
}
