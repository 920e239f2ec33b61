import Foundation
import Testing
@testable import JobScope

@Suite struct TermSuggesterTests {
    static let yaml = """
    version: "t"
    skills:
      - {id: python, name: Python, category: programming-language}
      - {id: react, name: React, category: software-engineering}
    """

    static func postings() -> [Posting] {
        (0..<4).map { i in
            Posting(source: PostingSource(path: "p\(i).txt"), title: "Engineer",
                    body: "Requirements:\n- Experience with Langfuse and Python.\n- Tools: React, PostHog, Three.js\n")
        }
    }

    @Test func unknownToolsAreSuggestedKnownOnesAreNot() throws {
        let suggester = TermSuggester(matcher: SkillMatcher(taxonomy: try TaxonomyLoader.load(yaml: Self.yaml)))
        let terms = Set(suggester.candidates(in: Self.postings()[0]).map(\.term))
        #expect(terms.isSuperset(of: ["Langfuse", "PostHog", "Three.js"]), "\(terms)")
        #expect(!terms.contains("Python") && !terms.contains("React"))
        let ranked = TermSuggestions.rank(Self.postings().map(suggester.candidates), dates: [nil, nil, nil, nil])
        #expect(ranked.frequent.first(where: { $0.term == "PostHog" })?.postings == 4)
    }

    /// The line `taxonomy suggest` prints, appended to the taxonomy, makes the term a skill the matcher finds.
    @Test func aSuggestedTermIsFoundAfterItsLineIsAdded() throws {
        let before = try TaxonomyLoader.load(yaml: Self.yaml)
        let suggester = TermSuggester(matcher: SkillMatcher(taxonomy: before))
        let ranked = TermSuggestions.rank(Self.postings().map(suggester.candidates), dates: [nil, nil, nil, nil])
        for name in ["PostHog", "Three.js", "Langfuse"] {
            let term = try #require(ranked.frequent.first { $0.term == name })
            let after = try TaxonomyLoader.load(yaml: Self.yaml + "\n" + term.yaml + "\n")
            let found = SkillMatcher(taxonomy: after).mentions(in: Self.postings()[0]).map(\.name)
            #expect(found.contains(name), "\(name) after adding \(term.yaml): \(found)")
            let again = TermSuggester(matcher: SkillMatcher(taxonomy: after)).candidates(in: Self.postings()[0]).map(\.term)
            #expect(!again.contains(name))
        }
    }

    @Test func risingTermsCompareTheLaterHalfWithTheEarlier() {
        let c = TermSuggester.Candidate(term: "Foo", key: "foo", snippet: "Foo")
        let ranked = TermSuggestions.rank([[], [], [c], [c]], dates: ["2024-01", "2024-02", "2024-05", "2024-06"],
                                          minPostings: 2)
        #expect(ranked.splitDate == "2024-05")
        #expect(ranked.rising.first?.term == "Foo")
        #expect(ranked.rising.first?.rise == 100)
    }
}
