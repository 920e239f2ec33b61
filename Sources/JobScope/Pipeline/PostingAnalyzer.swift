import Foundation

/// The whole per-posting analysis: skills, attributes, role. Cheap to copy and safe to share across tasks.
public struct PostingAnalyzer: Sendable {
    public let taxonomy: Taxonomy
    public let matcher: SkillMatcher
    public let attributes: AttributeExtractor
    public let classifier: RoleClassifier

    public init(taxonomy: Taxonomy, model: RoleModel) {
        self.taxonomy = taxonomy
        // The matcher and the classifier build their structures from the same inputs independently: at once,
        // on two cores (a one-file command spends most of its time here).
        let (matcher, rest) = Concurrently.run(
            { SkillMatcher(taxonomy: taxonomy) },
            { (AttributeExtractor(taxonomy: taxonomy), RoleClassifier(model: model, taxonomy: taxonomy)) })
        self.matcher = matcher
        self.attributes = rest.0
        self.classifier = rest.1
    }

    /// Loads the taxonomy (`taxonomyPath`, or the one in the models folder) and the trained model.
    public static func load(modelsDirectory: String? = nil, taxonomyPath: String? = nil) throws -> PostingAnalyzer {
        let models = try ModelDirectory.locate(explicit: modelsDirectory)
        let bundle = try ModelBundle.load(models: models, taxonomyURL: taxonomyPath.map { URL(fileURLWithPath: $0) })
        return try PostingAnalyzer(taxonomy: bundle.taxonomy, model: bundle.model).validated()
    }

    /// The same analyzer with the title-parse and AI-evidence rules of a repository's `Corpus/` in place of
    /// those the model carries: for tuning rules before a retraining.
    public func withRules(from layout: TrainingCorpus.Layout) throws -> PostingAnalyzer {
        var model = classifier.model
        model.titleParseRules = try TitleParseRules.load(from: layout.titleParseRules)
        model.aiEvidenceRules = try AIEvidenceRules.load(from: layout.aiEvidence)
        return try PostingAnalyzer(taxonomy: taxonomy, model: model).validated()
    }

    /// The analyzer, or the first rule set its model carries that does not compile (`RoleRulesError`).
    func validated() throws -> PostingAnalyzer {
        if let error = classifier.ruleErrors.first { throw error }
        return self
    }

    /// Analyzes one posting.
    public func analyze(_ posting: Posting) -> PostingAnalysis {
        // One reading of the body (bytes, tokens, sections) serves all three analyses.
        let body = AnalyzedText(posting.body)
        let skills = matcher.mentions(in: posting, body: body)
        let classification = classifier.classify(posting, body: body, skills: skills)
        return PostingAnalysis(posting: posting, skills: skills,
                               attributes: attributes.attributes(of: posting, body: body),
                               classification: classification, modelVersion: classifier.model.version,
                               hiredRoles: hiredRoles(posting, body: body, skills: skills, primary: classification))
    }

    /// One role per title a multi-role post names (`Posting.titles`), each classified with the post's body;
    /// the posting's own decided role alone when it names none.
    func hiredRoles(_ posting: Posting, body: AnalyzedText, skills: [SkillMention],
                    primary: RoleClassification) -> [HiredRole] {
        let own = HiredRole(title: nil, roleID: primary.roleID ?? RoleModel.otherClass)
        let titles = (posting.titles ?? []).filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        guard titles.count > 1 else { return [own] }
        return titles.map { title in
            if title == posting.title { return HiredRole(title: title, roleID: own.roleID) }
            var single = posting
            single.title = title
            let c = classifier.classify(single, body: body, skills: skills)
            return HiredRole(title: title, roleID: c.roleID ?? RoleModel.otherClass)
        }
    }
}
