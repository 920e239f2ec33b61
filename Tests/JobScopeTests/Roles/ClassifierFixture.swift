import Foundation
@testable import JobScope

/// A small taxonomy built in code, the repository's corpus files, and invented postings for classifier tests.
enum ClassifierFixture {
    /// The repository root, from this file's path.
    static let repoRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var layout: TrainingCorpus.Layout { TrainingCorpus.Layout(root: repoRoot) }

    /// The fixed role ids with names and a few title keywords each (the real ones live in Models/taxonomy.yaml).
    static let taxonomy = Taxonomy(version: "test-1", roles: [
        Role(id: "ai-research-scientist", name: "AI Research Scientist", titleKeywords: ["research scientist", "applied scientist"]),
        Role(id: "machine-learning-engineer", name: "Machine Learning Engineer", titleKeywords: ["machine learning engineer", "ml engineer"]),
        Role(id: "data-scientist", name: "Data Scientist", titleKeywords: ["data scientist"]),
        Role(id: "ai-product-manager", name: "AI Product Manager", titleKeywords: ["product manager"]),
        Role(id: "ai-ethicist", name: "AI Ethicist", titleKeywords: ["ethicist", "responsible ai"]),
        Role(id: "ux-designer", name: "UX Designer", titleKeywords: ["ux designer", "product designer"]),
        Role(id: "content-curator", name: "Content Curator", titleKeywords: ["content curator"]),
        Role(id: "generative-ai-engineer", name: "Generative AI Engineer", emerging: true, titleKeywords: ["generative ai", "llm engineer"]),
        Role(id: "ai-model-trainer", name: "AI Model Trainer", emerging: true, titleKeywords: ["ai trainer"]),
        Role(id: "nlp-specialist", name: "NLP Specialist", emerging: true, titleKeywords: ["nlp"]),
        Role(id: "data-engineer", name: "Data Engineer", kind: .adjacent, titleKeywords: ["data engineer"]),
        Role(id: "data-analyst", name: "Data Analyst", kind: .adjacent, titleKeywords: ["data analyst"]),
        Role(id: "software-engineer", name: "Software Engineer", kind: .adjacent, titleKeywords: ["software engineer", "scientist"]),
        Role(id: "product-manager", name: "Product Manager", kind: .adjacent, titleKeywords: ["product owner"]),
        Role(id: "designer", name: "Designer", kind: .adjacent, titleKeywords: ["ui designer"]),
    ], skills: [])

    static func rules() throws -> TitleRuleSet { try TitleRuleSet.load(from: layout.titleRules) }

    static func stopWords() throws -> [String] { try TrainingCorpus.stopWords(at: layout.stopWords) }

    /// Invented postings that are no AI or data role (written for these tests).
    static let otherPostings: [(title: String, body: String)] = [
        ("Food Scientist", "Develop new sauces and snack recipes in the test kitchen. Run sensory panels, shelf-life studies and pilot plant trials. Work with suppliers on ingredients and with quality assurance on food safety."),
        ("Registered Nurse", "Provide patient care on a busy medical ward. Administer medication, monitor vital signs, update charts and educate patients and families. Night shifts and weekend rotation."),
        ("Pastry Chef", "Prepare breads, cakes and desserts for a hotel restaurant. Order flour, butter and chocolate, manage the pastry team and keep the kitchen clean and safe."),
        ("Accounts Payable Clerk", "Process vendor invoices, match purchase orders, reconcile statements and prepare payment runs. Answer supplier questions about payments."),
    ]

    /// Profiles plus the invented Other postings, labelled.
    static func examples() throws -> [LabelledPosting] {
        let profiles = try TrainingCorpus.profiles(in: layout.profiles, taxonomy: taxonomy, matcher: SkillMatcher(taxonomy: taxonomy))
        let others = otherPostings.enumerated().map { i, posting in
            LabelledPosting(posting: Posting(source: PostingSource(path: "fixture", row: i + 1), title: posting.title,
                                             company: "Employer \(i)", body: posting.body),
                            label: RoleModel.otherClass, group: "employer \(i)")
        }
        return profiles + others
    }

    /// A small, quick configuration: unigrams and bigrams, every term kept, no inner calibration split.
    static func configuration() throws -> TrainingConfiguration {
        var configuration = TrainingConfiguration.standard(stopWords: try stopWords())
        configuration.vectorizer.minDF = 1
        configuration.vectorizer.maxFeatures = nil
        configuration.vectorizer.maxDFFraction = 1
        configuration.calibrationFolds = 0
        configuration.learner.epochs = 30
        return configuration
    }

    static func trainer(method: ClassifierMethod = .logisticRegression) throws -> RoleTrainer {
        var configuration = try configuration()
        configuration.learner.method = method
        return RoleTrainer(taxonomy: taxonomy, configuration: configuration, titleRulesVersion: try rules().version,
                           titleParseRules: try TitleParseRules.load(from: layout.titleParseRules),
                           aiEvidenceRules: try AIEvidenceRules.load(from: layout.aiEvidence))
    }

    /// A model trained on the profiles and invented Other postings.
    static func model(method: ClassifierMethod = .logisticRegression) throws -> RoleModel {
        let trainer = try trainer(method: method)
        let examples = try examples()
        let data = try trainer.prepare(examples, setting: .full)
        return try trainer.finalize(trainer.train(data, on: Array(examples.indices)))
    }
}

extension ClassifierFixture {
    /// A model trained like the committed one reads titles: with the title parser's and AI-evidence rules.
    static func parsingModel() throws -> RoleModel { try model() }
}
