import Foundation
import Testing
@testable import JobScope

@Suite struct SkillEvaluationTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let corpus = root.deletingLastPathComponent().appendingPathComponent("shared/corpus")
    static var corpusPresent: Bool { FileManager.default.fileExists(atPath: corpus.path) }

    @Test(arguments: ["skills-gold.yaml", "skills-heldout.yaml"])
    func goldSetsUseOnlyTaxonomySkills(_ name: String) throws {
        let gold = try SkillGoldSet.load(from: Self.root.appendingPathComponent("Corpus/gold/\(name)"))
        let taxonomy = try TaxonomyLoader.load(from: TaxonomyLoaderTests.committedFile)
        #expect(gold.postings.count >= 20)
        for entry in gold.postings {
            #expect(entry.row != nil || entry.line != nil, "\(entry.place) needs a row or line")
            for skill in entry.skills { #expect(taxonomy.skill(skill.skill) != nil, "\(entry.place): \(skill.skill)") }
        }
    }

    @Test func scoresCountTruePositivesFalsePositivesAndNegatives() {
        var score = SkillEvaluation.Score()
        score.truePositives = 8
        score.falsePositives = 2
        score.falseNegatives = 8
        #expect(score.precision == 0.8)
        #expect(score.recall == 0.5)
        #expect(abs(score.f1 - 0.6153846) < 1e-6)
    }

    /// The held-out set (not used for tuning) against the real postings: the targets.
    @Test(.enabled(if: corpusPresent, "../shared/corpus is absent; skipping the real-corpus check"))
    func heldOutSetMeetsTheTarget() throws {
        let gold = try SkillGoldSet.load(from: Self.root.appendingPathComponent("Corpus/gold/skills-heldout.yaml"))
        let matcher = SkillMatcher(taxonomy: try TaxonomyLoader.load(from: TaxonomyLoaderTests.committedFile))
        let evaluation = try SkillEvaluation.run(gold: gold, corpus: Self.corpus, matcher: matcher)
        #expect(evaluation.unreadable.isEmpty, "\(evaluation.unreadable)")
        #expect(evaluation.postings.filter(\.idMismatch).isEmpty, "the reader now reads other postings at these places")
        #expect(evaluation.overall.f1 >= 0.85, "micro F1 \(evaluation.overall.f1)")
        #expect(evaluation.falseShortNameMatches == 0)
    }

    @Test func missingCorpusIsAClearError() throws {
        let gold = SkillGoldSet(postings: [])
        let matcher = SkillMatcher(taxonomy: Taxonomy(version: "t", roles: [], skills: []))
        #expect(throws: SkillEvaluationError.corpusMissing(path: "/nonexistent/corpus")) {
            try SkillEvaluation.run(gold: gold, corpus: URL(fileURLWithPath: "/nonexistent/corpus"), matcher: matcher)
        }
    }
}
