import Foundation
import Testing
@testable import JobScope

@Suite("RoleTrainer")
struct RoleTrainerTests {
    @Test("training is deterministic: the same input gives byte-identical JSON")
    func deterministic() throws {
        let first = try ClassifierFixture.model().encoded()
        let second = try ClassifierFixture.model().encoded()
        #expect(first == second)
        let decoded = try JSONDecoder().decode(RoleModel.self, from: first)
        #expect(try decoded.encoded() == first)
    }

    @Test("the model records taxonomy, rules, classes and a content-derived version")
    func modelMetadata() throws {
        let model = try ClassifierFixture.model()
        #expect(model.taxonomyVersion == "test-1")
        #expect(model.classes == ClassifierFixture.taxonomy.roles.map(\.id) + ["other"])
        #expect(model.version.hasPrefix("test-1+"))
        #expect(model.titleRulesVersion == (try ClassifierFixture.rules().version))
    }

    @Test("evidence weights fitted on held-out data make title evidence count when titles predict the class")
    func calibratorLearnsTitleWeight() {
        // Two classes + other; the title keyword always names the true class, the body says nothing.
        var samples: [RoleEvidence] = []
        var labels: [Int] = []
        for i in 0..<60 {
            let label = i % 3
            var keywords: [[String]] = [[], []]
            if label < 2 { keywords[label] = ["key phrase"] }
            samples.append(RoleEvidence(body: [0, 0, 0], titleKeywords: keywords, roleSkills: [[], []],
                                        skillOverlap: [0, 0], hasTitle: true))
            labels.append(label)
        }
        let weights = EvidenceCalibrator().fit(samples, labels: labels)
        #expect(weights.title > 2)
        #expect(weights.otherWithoutTitleMatch > 2)
        let p = samples[0].probabilities(weights)
        #expect(p[0] > 0.8)
    }

    @Test("employer keys drop ratings, punctuation and legal suffixes")
    func employerKeys() {
        #expect(EmployerGroup.key(company: "PNNL\n3.8") == "pnnl")
        #expect(EmployerGroup.key(company: "Acme, Inc.") == "acme")
        #expect(EmployerGroup.key(company: "The Acme Corporation 4.1") == "acme")
        #expect(EmployerGroup.key(company: "  ") == nil)
        #expect(EmployerGroup.key(company: nil) == nil)
    }

    @Test("folds keep each employer on one side and are balanced")
    func folds() {
        let groups = (0..<100).map { "employer \($0 % 17)" } + (0..<30).map { _ in "big" }
        let folds = EmployerGroup.assignFolds(groups: groups, folds: 5)
        var foldOf: [String: Int] = [:]
        for (group, fold) in zip(groups, folds) {
            #expect(foldOf[group, default: fold] == fold)
            foldOf[group] = fold
        }
        let sizes = (0..<5).map { f in folds.filter { $0 == f }.count }
        #expect(sizes.max()! - sizes.min()! <= 30)
        #expect(EmployerGroup.assignFolds(groups: groups, folds: 5) == folds)
    }

    @Test("metrics: accuracy, per-class F1 and macro-F1 over the classes with enough support")
    func metrics() {
        // truth a a a b b c ; predicted a a b b c c
        let summary = ClassificationMetrics(classes: ["a", "b", "c"], minimumSupport: 2).summarize(
            truth: [0, 0, 0, 1, 1, 2], predicted: [0, 0, 1, 1, 2, 2],
            probabilities: Array(repeating: [1.0 / 3, 1.0 / 3, 1.0 / 3], count: 6), setting: .full,
            method: .centroid, folds: 1)
        #expect(abs(summary.accuracy - 4.0 / 6) < 1e-12)
        // a: P 1, R 2/3 → F1 0.8; b: P 1/2, R 1/2 → 0.5; c (support 1, not evaluated): P 1/2, R 1.
        #expect(summary.evaluatedClasses == ["a", "b"])
        #expect(summary.tooFewExamples == ["c"])
        #expect(abs(summary.macroF1 - 0.65) < 1e-12)
        #expect(summary.confusion == [[2, 1, 0], [0, 1, 1], [0, 0, 1]])
        #expect(abs(summary.logLoss - log(3)) < 1e-12)
    }
}
