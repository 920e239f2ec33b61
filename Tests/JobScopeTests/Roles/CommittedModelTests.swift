import Foundation
import Testing
@testable import JobScope

/// Checks the model committed in Models/ against the committed taxonomy and corpus.
@Suite("Committed role model")
struct CommittedModelTests {
    let models = ClassifierFixture.repoRoot.appendingPathComponent("Models")

    func load() throws -> (RoleModel, Taxonomy) {
        let taxonomy = try TaxonomyLoader.load(from: models.appendingPathComponent(ModelDirectory.taxonomyFile))
        let model = try RoleModel.load(from: models.appendingPathComponent(ModelDirectory.roleModelFile))
        return (model, taxonomy)
    }

    @Test("loads, was trained for the committed taxonomy and title rules, and stays small")
    func loadsAndMatchesTaxonomy() throws {
        let (model, taxonomy) = try load()
        #expect(model.taxonomyVersion == taxonomy.version, "retrain: jobscope train")
        #expect(model.classes == taxonomy.roles.map(\.id) + [RoleModel.otherClass])
        let parseRules = try TitleParseRules.load(from: ClassifierFixture.layout.titleParseRules)
        #expect(model.titleRulesVersion == "parse-" + parseRules.version, "retrain: jobscope train")
        let sameParseRules = model.titleParseRules == parseRules
        #expect(sameParseRules, "retrain: jobscope train")
        #expect(model.version.hasPrefix(taxonomy.version + "+"))
        let size = try FileManager.default.attributesOfItem(
            atPath: models.appendingPathComponent(ModelDirectory.roleModelFile).path)[.size] as? Int ?? .max
        #expect(size < 4_000_000)  // 16 classes over 6,000 terms from 21,778 postings: 3.5 MB (2 MB before, 14 classes, 3,348 postings)
        // Trained with --skip-evaluation on this machine (see Corpus/README.md): figures measured by `evaluate`.
        #expect(model.evaluation.isEmpty || Set(model.evaluation.map(\.setting)) == Set(EvaluationSetting.allCases))
        #expect(model.manifest.profiles == taxonomy.roles.count)
    }

    @Test("the committed role-model.bin was built from the committed role-model.json and taxonomy.yaml")
    func archiveIsFresh() throws {
        let bundle = try ModelBundle.load(models: models)
        #expect(bundle.modelOrigin == .archive, "rebuild it: jobscope train (or jobscope train --compact-only)")
        #expect(bundle.taxonomyOrigin == .archive, "rebuild it: jobscope train (or jobscope train --compact-only)")
        let (model, taxonomy) = try load()
        #expect(try bundle.model.encoded() == model.encoded())
        #expect(bundle.taxonomy == taxonomy)
    }

    @Test("every role profile classifies as its own role")
    func profiles() throws {
        let (model, taxonomy) = try load()
        let analyzer = PostingAnalyzer(taxonomy: taxonomy, model: model)
        let profiles = try TrainingCorpus.profiles(in: ClassifierFixture.layout.profiles, taxonomy: taxonomy,
                                                   matcher: SkillMatcher(taxonomy: taxonomy))
        #expect(profiles.count == taxonomy.roles.count)
        for profile in profiles {
            let result = analyzer.analyze(profile.posting).classification
            #expect(result.roleID == profile.label, "\(profile.label) profile classified as \(result.roleID ?? "Other")")
        }
    }

    @Test("one shared reading of the body gives what each analysis finds reading it alone")
    func sharedBodyReadingChangesNothing() throws {
        let (model, taxonomy) = try load()
        let analyzer = PostingAnalyzer(taxonomy: taxonomy, model: model)
        let profiles = try TrainingCorpus.profiles(in: ClassifierFixture.layout.profiles, taxonomy: taxonomy,
                                                   matcher: SkillMatcher(taxonomy: taxonomy))
        #expect(!profiles.isEmpty)
        for profile in profiles {
            var postings = [profile.posting]
            var untitled = profile.posting
            untitled.title = nil
            postings.append(untitled)
            for posting in postings {
                let shared = analyzer.analyze(posting)
                let skills = analyzer.matcher.mentions(in: posting)
                #expect(shared.skills == skills)
                #expect(shared.attributes == analyzer.attributes.attributes(of: posting))
                #expect(shared.classification == analyzer.classifier.classify(
                    title: posting.title, body: posting.body, skillIDs: skills.map(\.skillID)))
                let document = RoleClassifier.document(title: posting.title, body: posting.body)
                #expect(model.vectorizer.transform(words: Tokenizer().words(in: document))
                        == model.vectorizer.transform(analyzed: model.vectorizer.analyze(document)))
            }
        }
    }

    @Test("the committed model says Other for a posting outside every role, naming the nearest")
    func other() throws {
        let (model, taxonomy) = try load()
        let posting = Posting(source: PostingSource(path: "test"), title: "Pastry Chef",
                              body: "Bake breads, cakes and desserts for a hotel restaurant. Order flour and butter, lead the pastry team, keep the kitchen clean.")
        let result = PostingAnalyzer(taxonomy: taxonomy, model: model).analyze(posting).classification
        #expect(result.isOther)
        #expect(result.nearestRoleID != nil)
    }
}
