import Testing

@testable import JobScope

@Suite("ReanalysisRule")
struct ReanalysisRuleTests {
    static let context = RunContext(
        runID: 7, modelVersion: "m2", taxonomyVersion: "t1", readerFingerprint: "",
        reclassify: false, startedAt: "")

    @Test("a posting with no current analysis is analyzed; a current analysis of the same content is kept")
    func currentAnalysis() {
        #expect(ReanalysisRule.needsAnalysis(contentHash: "a", currentHash: nil) { nil })
        #expect(
            !ReanalysisRule.needsAnalysis(contentHash: "a", currentHash: "a") {
                Issue.record("the place need not be looked up")
                return nil
            })
    }

    @Test("other content is analyzed again only when its own place changed (an edit), not for a copy elsewhere")
    func editedPlace() {
        #expect(ReanalysisRule.needsAnalysis(contentHash: "b", currentHash: "a") { "a" })
        #expect(!ReanalysisRule.needsAnalysis(contentHash: "b", currentHash: "a") { nil })
        #expect(!ReanalysisRule.needsAnalysis(contentHash: "b", currentHash: "a") { "b" })
    }

    @Test("the store replaces an analysis made by another model, or of an edited place, and keeps the rest")
    func store() {
        let old = KnownPosting(contentHash: "a", modelVersion: "m1", taxonomyVersion: "t1", analyzedRun: 3)
        let current = KnownPosting(contentHash: "a", modelVersion: "m2", taxonomyVersion: "t1", analyzedRun: 3)
        #expect(ReanalysisRule.replacesStored(old, contentHash: "a", placeHash: "a", context: Self.context))
        #expect(ReanalysisRule.replacesStored(current, contentHash: "b", placeHash: "a", context: Self.context))
        #expect(!ReanalysisRule.replacesStored(current, contentHash: "b", placeHash: nil, context: Self.context))
        #expect(!ReanalysisRule.replacesStored(current, contentHash: "a", placeHash: "a", context: Self.context))
    }
}
