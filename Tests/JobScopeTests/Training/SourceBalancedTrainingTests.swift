import Foundation
import Testing
@testable import JobScope

/// How the body model keeps one employer's wording and one source's class sizes from deciding: the employer
/// floor and ranking of features, source balance, and class-balanced calibration (invented postings).
@Suite("Source-balanced training")
struct SourceBalancedTrainingTests {
    /// A posting of `employer` in `source` labelled `label`.
    static func posting(_ body: String, label: String, employer: String, source: String = "board",
                        row: Int) -> LabelledPosting {
        LabelledPosting(posting: Posting(source: PostingSource(path: source, row: row), title: nil,
                                         company: employer, body: body),
                        label: label, group: employer, sourceName: source)
    }

    static func trainer(_ change: (inout TrainingConfiguration) -> Void) throws -> RoleTrainer {
        var configuration = try ClassifierFixture.configuration()
        change(&configuration)
        return RoleTrainer(taxonomy: ClassifierFixture.taxonomy, configuration: configuration,
                           titleRulesVersion: "test")
    }

    static func model(_ examples: [LabelledPosting],
                      _ change: (inout TrainingConfiguration) -> Void) throws -> RoleModel {
        let trainer = try trainer(change)
        let data = try trainer.prepare(examples, setting: .bodyOnly)
        return trainer.train(data, on: Array(examples.indices))
    }

    /// One employer repeats its sign-off over five postings; three employers share a word of the work.
    static let employerExamples: [LabelledPosting] = {
        var examples = (0..<5).map { i in
            posting("Build dashboards in tableau. Zorblax benefits and zorblax culture.", label: "data-analyst",
                    employer: "Zorblax Foods", row: i)
        }
        examples += (0..<3).map { i in
            posting("Write reports in tableau and spreadsheets for the finance team.", label: "data-analyst",
                    employer: "Employer \(i)", row: 10 + i)
        }
        examples += (0..<3).map { i in
            posting("Train gradient boosting models and run experiments in python.", label: "data-scientist",
                    employer: "Lab \(i)", row: 20 + i)
        }
        return examples
    }()

    @Test("a word only one employer uses is no feature once two employers are required; a shared one stays")
    func employerFloor() throws {
        let loose = try Self.model(Self.employerExamples) { $0.minimumEmployers = 1 }
        #expect(loose.vectorizer.featureIndex(of: "zorblax") != nil)
        let floored = try Self.model(Self.employerExamples) { $0.minimumEmployers = 2 }
        #expect(floored.vectorizer.featureIndex(of: "zorblax") == nil)
        #expect(floored.vectorizer.featureIndex(of: "zorblax benefits") == nil)
        #expect(floored.vectorizer.featureIndex(of: "tableau") != nil)
        #expect(floored.vectorizer.featureIndex(of: "python") != nil)
    }

    @Test("with a feature limit, ranking by employers keeps the words most employers use, not one employer's")
    func employerRanking() throws {
        let byCount = try Self.model(Self.employerExamples) {
            $0.vectorizer.maxFeatures = 1
            $0.rankFeaturesByEmployers = false
        }
        // "zorblax" is the most frequent term: 10 times, all from one employer.
        #expect(byCount.vectorizer.vocabulary == ["zorblax"])
        let byEmployers = try Self.model(Self.employerExamples) {
            $0.vectorizer.maxFeatures = 1
            $0.rankFeaturesByEmployers = true
        }
        // "tableau": 4 employers (Zorblax Foods and three others).
        #expect(byEmployers.vectorizer.vocabulary == ["tableau"])
    }

    @Test("source balance: a small source's reading of a word weighs more against a large source's")
    func sourceBalance() throws {
        // The large board calls "pipelines" data-engineer work 12 times; the small one calls it data-analyst
        // work twice; a data-analyst word and a data-engineer word of each class keep both classes present.
        var examples = (0..<12).map { i in
            Self.posting("pipelines warehouse", label: "data-engineer", employer: "Board \(i)", source: "large",
                         row: i)
        }
        examples += (0..<2).map { i in
            Self.posting("pipelines reporting", label: "data-analyst", employer: "Small \(i)", source: "small",
                         row: 100 + i)
        }
        examples += (0..<2).map { i in
            Self.posting("reporting dashboards", label: "data-analyst", employer: "Analyst \(i)", source: "large",
                         row: 200 + i)
        }
        func analystShare(_ balance: Double) throws -> Double {
            let model = try Self.model(examples) {
                $0.sourceBalance = balance
                $0.classWeightCap = 1
            }
            let x = model.vectorizer.transform("pipelines")
            let scores = model.bodyScores(x)
            let p = RoleEvidence.softmax(scores)
            return p[model.classIndex("data-analyst")!] / (p[model.classIndex("data-analyst")!]
                + p[model.classIndex("data-engineer")!])
        }
        let plain = try analystShare(0)
        let balanced = try analystShare(1)
        #expect(balanced > plain)
    }

    @Test("calibration weights: all ones fit as no weights; an excluded evidence weight stays 0")
    func calibrationWeights() {
        var samples: [RoleEvidence] = []
        var labels: [Int] = []
        for i in 0..<40 {
            let label = i % 4 == 0 ? 1 : 0
            let body: [Double] = label == 1 ? [0.2, 1.0, 0] : [1.0, 0.1, 0]
            var keywords: [[String]] = [[], []]
            if i % 3 == 0 { keywords[label] = ["key phrase"] }
            samples.append(RoleEvidence(body: body, titleKeywords: keywords, roleSkills: [[], []],
                                        skillOverlap: [0, 0], hasTitle: true))
            labels.append(label)
        }
        let calibrator = EvidenceCalibrator()
        let plain = calibrator.fit(samples, labels: labels)
        #expect(calibrator.fit(samples, labels: labels, weights: Array(repeating: 1, count: samples.count)) == plain)
        #expect(plain.title > 0)
        let without = calibrator.fit(samples, labels: labels, excluded: [1])
        #expect(without.title == 0)
        #expect(without.body > 0)
    }

    @Test("balanced calibration: the rare class's errors count as much as the common class's")
    func balancedCalibration() {
        // The body leans to class 0 for everything; the rare class 1 is told apart only by skill overlap.
        var samples: [RoleEvidence] = []
        var labels: [Int] = []
        for i in 0..<60 {
            let label = i % 10 == 0 ? 1 : 0
            let overlap: [Double] = label == 1 ? [0, 0.6] : [0, i % 3 == 0 ? 0.6 : 0]
            samples.append(RoleEvidence(body: [1, 0, -1], titleKeywords: [[], []], roleSkills: [[], []],
                                        skillOverlap: overlap, hasTitle: false))
            labels.append(label)
        }
        let calibrator = EvidenceCalibrator()
        let plain = calibrator.fit(samples, labels: labels)
        let weights = labels.map { $0 == 1 ? 5.0 : 1.0 }
        let balanced = calibrator.fit(samples, labels: labels, weights: weights)
        #expect(balanced.skills > plain.skills)
    }
}
