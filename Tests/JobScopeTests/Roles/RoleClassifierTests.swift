import Foundation
import Testing
@testable import JobScope

@Suite("RoleClassifier")
struct RoleClassifierTests {
    @Test("every role profile classifies as its own role", arguments: ClassifierMethod.allCases)
    func profilesClassifyAsTheirRole(method: ClassifierMethod) throws {
        let model = try ClassifierFixture.model(method: method)
        let classifier = RoleClassifier(model: model, taxonomy: ClassifierFixture.taxonomy)
        for example in try ClassifierFixture.examples() where example.isProfile {
            let result = classifier.classify(title: example.posting.title, body: example.posting.body, skillIDs: [])
            #expect(result.roleID == example.label, "\(example.label) profile classified as \(result.roleID ?? "Other")")
        }
    }

    @Test("profiles classify as their role from the body alone, title hidden")
    func profilesWithoutTitle() throws {
        let classifier = RoleClassifier(model: try ClassifierFixture.model(), taxonomy: ClassifierFixture.taxonomy)
        for example in try ClassifierFixture.examples() where example.isProfile {
            #expect(classifier.classify(title: nil, body: example.posting.body, skillIDs: []).roleID == example.label)
        }
    }

    @Test("probabilities are ranked, sum with Other to 1, and the explanation names terms of the chosen role")
    func probabilitiesAndExplanation() throws {
        let classifier = RoleClassifier(model: try ClassifierFixture.model(), taxonomy: ClassifierFixture.taxonomy)
        let result = classifier.classify(
            title: "Data Scientist",
            body: "Analyse data with statistics, build predictive models in Python and SQL, run A/B tests and present insights with visualization.",
            skillIDs: [])
        #expect(result.roleID == "data-scientist")
        #expect(result.ranked.count == ClassifierFixture.taxonomy.roles.count)
        #expect(zip(result.ranked, result.ranked.dropFirst()).allSatisfy { $0.probability >= $1.probability })
        // The softmax over every class, Other included, is what the ranked roles come from: they are those
        // probabilities in order, and Other takes exactly the rest.
        let model = try ClassifierFixture.model()
        let document = RoleClassifier.document(title: "Data Scientist", body: "Analyse data with statistics, build predictive models in Python and SQL, run A/B tests and present insights with visualization.")
        let vector = model.vectorizer.transform(document)
        let all = classifier.evidence(vector: vector, title: "Data Scientist", skillIDs: []).probabilities(model.evidence)
        #expect(abs(all.reduce(0, +) - 1) < 1e-12)
        let otherShare = all[model.otherIndex]
        #expect(otherShare > 0)
        let total = result.ranked.reduce(0) { $0 + $1.probability }
        #expect(abs(total + otherShare - 1) < 1e-12)
        for score in result.ranked {
            let index = try #require(model.classes.firstIndex(of: score.roleID))
            #expect(score.probability == all[index])
        }
        #expect(result.confidence == result.ranked[0].probability)
        #expect(result.explanation.titleKeywords == ["data scientist"])
        #expect(!result.explanation.topTerms.isEmpty)
        #expect(result.explanation.topTerms.allSatisfy { $0.weight > 0 })
    }

    @Test("a posting that fits no role is Other, with the nearest role named")
    func other() throws {
        let classifier = RoleClassifier(model: try ClassifierFixture.model(), taxonomy: ClassifierFixture.taxonomy)
        let result = classifier.classify(
            title: "Line Cook",
            body: "Prepare sauces and desserts in a busy restaurant kitchen, keep the kitchen clean and safe, order ingredients from suppliers.",
            skillIDs: [])
        #expect(result.isOther)
        #expect(result.nearestRoleID != nil)
        #expect(result.nearestRoleID == result.ranked.first?.roleID)
    }

    @Test("a title keyword inside another role's longer keyword does not count")
    func titleKeywordShadowing() {
        let matcher = TitleKeywordMatcher(taxonomy: ClassifierFixture.taxonomy)
        let matches = matcher.matches(in: "Senior Data-Scientist")
        let ids = ClassifierFixture.taxonomy.roles.map(\.id)
        #expect(matches[ids.firstIndex(of: "data-scientist")!] == ["data scientist"])
        // The fixture gives software-engineer the generic keyword "scientist".
        #expect(matches[ids.firstIndex(of: "software-engineer")!].isEmpty)
        #expect(matcher.matches(in: "Food Scientist")[ids.firstIndex(of: "software-engineer")!] == ["scientist"])
        let none = matcher.matches(in: "Engineering Manager")
        #expect(none.allSatisfy { $0.isEmpty })
    }

    @Test("skills found in the posting count toward roles that document them")
    func skillEvidence() throws {
        let taxonomy = Taxonomy(version: "t", roles: [
            Role(id: "data-scientist", name: "Data Scientist", skills: ["sql", "statistics"]),
            Role(id: "ux-designer", name: "UX Designer", skills: ["figma"]),
        ], skills: [])
        var vectorizer = TfidfVectorizer()
        vectorizer.fit(["sql statistics", "figma prototypes"])
        let zero = ClassWeights(bias: 0, features: [], values: [])
        let model = RoleModel(version: "v", taxonomyVersion: "t", titleRulesVersion: "r", method: .centroid,
                              classes: ["data-scientist", "ux-designer", "other"], vectorizer: vectorizer,
                              weights: [zero, zero, zero], evidence: EvidenceWeights(body: 1, title: 0, skills: 4))
        let result = RoleClassifier(model: model, taxonomy: taxonomy)
            .classify(title: nil, body: "we need statistics", skillIDs: ["statistics"])
        #expect(result.roleID == "data-scientist")
        #expect(result.explanation.matchedRoleSkills == ["statistics"])
    }
}
