import Foundation

/// Maps a posting to roles with calibrated probabilities and an explanation.
///
/// Three kinds of evidence, combined by weights fitted on held-out data (`EvidenceWeights`): the body's TF-IDF
/// vector scored by the trained linear model, the taxonomy's title keywords found in the title, and how many of
/// each role's documented skills the posting asks for. The softmax over the combined logits gives one
/// probability per role plus one for Other; a posting whose best role is weak, or whose Other wins, is Other
/// with the nearest role named.
public struct RoleClassifier: Sendable {
    public let model: RoleModel
    public let taxonomy: Taxonomy
    private let titleMatcher: TitleKeywordMatcher
    /// Per model class except `other`: the taxonomy role it stands for (nil when the taxonomy lacks it).
    private let roles: [Role?]
    private let roleSkillSets: [Set<String>]
    /// Per skill id, the roles (indices into `roleSkillSets`) that document it: one lookup per found skill.
    private let rolesOfSkill: [String: [Int]]
    /// The model's title parser and AI-evidence reader (nil for models trained without them).
    public let titleParser: TitleParser?
    public let aiDetector: AIInvolvementDetector?
    /// Reads the titles a body names (nil when the model's rules carry no body-statement patterns).
    public let bodyStatements: BodyRoleStatements?
    /// The model's rule sets that did not compile, each left out of the classifier (empty for a sound model;
    /// `init(validating:taxonomy:)` throws the first instead).
    public let ruleErrors: [RoleRulesError]
    /// Titles parsed already, by title (shared by copies of the classifier).
    private let parsedTitles = ParsedTitleCache()
    /// The body contradicts a title strongly when its own probability for the title's class is below this and
    /// another class's is above `contradictionTop`.
    public static let contradictionFloor = 0.01
    public static let contradictionTop = 0.95

    public init(model: RoleModel, taxonomy: Taxonomy) {
        self.model = model
        self.taxonomy = taxonomy
        // Title keywords per model class, whatever order the taxonomy now has.
        let roles = model.classes.dropLast().map { taxonomy.role($0) }
        self.roles = Array(roles)
        self.titleMatcher = TitleKeywordMatcher(taxonomy: Taxonomy(version: taxonomy.version,
            roles: roles.map { $0 ?? Role(id: "", name: "") }, skills: []))
        self.roleSkillSets = roles.map { Set($0?.skills ?? []) }
        var rolesOfSkill: [String: [Int]] = [:]
        for (r, skills) in roleSkillSets.enumerated() {
            for skill in skills { rolesOfSkill[skill, default: []].append(r) }
        }
        self.rolesOfSkill = rolesOfSkill
        var errors: [RoleRulesError] = []
        func compiled<Rules, Compiled>(_ rules: Rules?, file: String, version: String,
                                       _ compile: (Rules) throws -> Compiled?) -> Compiled? {
            guard let rules else { return nil }
            do {
                return try compile(rules)
            } catch {
                errors.append(RoleRulesError(file: file, version: version, error: error))
                return nil
            }
        }
        let parseVersion = model.titleParseRules?.version ?? ""
        let titleParser = compiled(model.titleParseRules, file: Self.titleParseRulesFile, version: parseVersion) {
            try TitleParser(rules: $0)
        }
        self.titleParser = titleParser
        self.aiDetector = compiled(model.aiEvidenceRules, file: Self.aiEvidenceRulesFile,
                                   version: model.aiEvidenceRules?.version ?? "") { try AIInvolvementDetector(rules: $0) }
        self.bodyStatements = compiled(titleParser, file: Self.titleParseRulesFile, version: parseVersion) {
            try BodyRoleStatements(parser: $0)
        }
        self.ruleErrors = errors
    }

    /// The same, failing when a rule set the model carries does not compile (`ruleErrors` not empty).
    public init(validating model: RoleModel, taxonomy: Taxonomy) throws {
        self.init(model: model, taxonomy: taxonomy)
        if let error = ruleErrors.first { throw error }
    }

    /// The files the model's rule sets come from (`TrainingCorpus.Layout`), named in `RoleRulesError`.
    static let titleParseRulesFile = "Corpus/title-parse-rules.yaml"
    static let aiEvidenceRulesFile = "Corpus/ai-evidence.yaml"

    /// True when the model was trained for this taxonomy's version.
    public var matchesTaxonomy: Bool { model.taxonomyVersion == taxonomy.version }

    /// The text the TF-IDF part reads: title and body (or the body alone when the title is hidden).
    public static func document(title: String?, body: String) -> String {
        guard let title, !title.isEmpty else { return body }
        return title + "\n" + body
    }

    /// The posting's role, given the skills already found in it.
    public func classify(_ posting: Posting, skills: [SkillMention]) -> RoleClassification {
        classify(title: posting.title, body: posting.body, skillIDs: skills.map(\.skillID))
    }

    /// The same, with the posting's body already tokenized. The words of `document(title:body:)` are the
    /// title's words then the body's: the line break between them ends any token, so nothing is tokenized twice.
    public func classify(_ posting: Posting, body: AnalyzedText, skills: [SkillMention]) -> RoleClassification {
        let x = model.vectorizer.transform(title: posting.title, body: body)
        let evidence = self.evidence(vector: x, title: posting.title, skillIDs: skills.map(\.skillID),
                                     ai: aiEvidence(title: posting.title, body: posting.body),
                                     statements: statements(in: posting.body), body: posting.body)
        return decide(evidence, vector: x)
    }

    /// The role of a posting given as title (nil to hide it) and body, with the skill ids found in it.
    public func classify(title: String?, body: String, skillIDs: [String]) -> RoleClassification {
        let x = model.vectorizer.transform(Self.document(title: title, body: body))
        let evidence = self.evidence(vector: x, title: title, skillIDs: skillIDs, ai: aiEvidence(title: title, body: body),
                                     statements: statements(in: body), body: body)
        return decide(evidence, vector: x)
    }

    /// The AI evidence of a posting: of the body alone, and of body and title.
    public func aiEvidence(title: String?, body: String) -> (body: AIEvidenceCounts, posting: AIEvidenceCounts) {
        guard let aiDetector else { return (.init(), .init()) }
        let bodyCounts = aiDetector.counts(title: nil, body: body)
        guard let title, !title.isEmpty else { return (bodyCounts, bodyCounts) }
        var posting = bodyCounts
        let t = aiDetector.counts(in: title)
        posting.uses += 2 * t.uses
        posting.genai += 2 * t.genai
        posting.ml += 2 * t.ml
        posting.work += 2 * t.work
        posting.matched = t.matched + posting.matched
        return (bodyCounts, posting)
    }

    /// The titles the body names as its job (`BodyRoleStatements`; none without its patterns).
    public func statements(in body: String) -> [ParsedTitle] {
        bodyStatements?.statements(in: body) ?? []
    }

    /// The title as the model's parser reads it (nil without a parser or a title).
    public func parse(_ title: String?) -> ParsedTitle? {
        guard let titleParser, let title, !title.isEmpty else { return nil }
        return parsedTitles.parse(title, by: titleParser)
    }

    /// The evidence for a posting whose TF-IDF vector is `vector`; `parsed` is the parsed title when the caller
    /// has it already (parsed here otherwise).
    public func evidence(vector: SparseVector, title: String?, skillIDs: [String],
                         ai: (body: AIEvidenceCounts, posting: AIEvidenceCounts) = (.init(), .init()),
                         parsed: ParsedTitle?? = nil, statements: [ParsedTitle] = [],
                         body: String? = nil) -> RoleEvidence {
        let titleKeywords = titleMatcher.matches(in: title)
        // Each role's documented skills that were found, sorted: `documented.intersection(Set(skillIDs)).sorted()`.
        var roleSkills = [[String]](repeating: [], count: roleSkillSets.count)
        for skill in skillIDs {
            for r in rolesOfSkill[skill] ?? [] { roleSkills[r].append(skill) }
        }
        for r in roleSkills.indices where roleSkills[r].count > 1 {
            roleSkills[r].sort()
            var unique: [String] = []
            for skill in roleSkills[r] where unique.last != skill { unique.append(skill) }
            roleSkills[r] = unique
        }
        let overlap = zip(roleSkillSets, roleSkills).map { documented, matched in
            documented.isEmpty ? 0 : Double(matched.count) / Double(documented.count)
        }
        let parsedTitle = confirmed(parsed ?? parse(title), ai: ai.body, body: body)
        var parsedFeature = [Double](repeating: 0, count: model.classes.count)
        if let parsedTitle {
            for (k, name) in parsedTitle.supportedClasses.enumerated() {
                if let c = model.classIndex(name) { parsedFeature[c] = max(parsedFeature[c], k == 0 ? 1 : 0.5) }
            }
        }
        return RoleEvidence(body: model.bodyScores(vector), titleKeywords: titleKeywords, roleSkills: roleSkills,
                            skillOverlap: overlap, hasTitle: !(title ?? "").isEmpty, parsedTitle: parsedFeature,
                            parsed: parsedTitle, bodyAI: ai.body, postingAI: ai.posting, aiMatch: aiMatch(ai.body),
                            bodyStated: titleParser.map {
                                BodyRoleStatements.feature(statements, classes: model.classes, parser: $0, evidence: ai.body)
                            })
    }

    /// The title's parse as the body's AI evidence bears it out (`TitleParser.confirmed(_:evidence:)`).
    func confirmed(_ parsed: ParsedTitle?, ai: AIEvidenceCounts, body: String?) -> ParsedTitle? {
        guard let parsed, let titleParser else { return parsed }
        return titleParser.confirmed(parsed, evidence: ai, body: body)
    }

    /// Per class: how strongly `counts` (the body's AI evidence) is of the kind the class's work builds, 0 to 1
    /// (three or more matching terms count fully).
    func aiMatch(_ counts: AIEvidenceCounts) -> [Double] {
        guard let floors = aiDetector?.rules.floors else { return [Double](repeating: 0, count: model.classes.count) }
        return model.classes.map { name in
            switch floors[name] {
            case .buildsGenerativeAI?: return min(Double(counts.genai), 3) / 3
            case .buildsML?: return min(Double(counts.ml + counts.genai), 3) / 3
            default: return 0
            }
        }
    }

    /// The decision for given evidence, as class indices (`other` index for Other), before it is dressed up.
    public struct Decision: Sendable {
        /// The chosen class (the `other` index for Other).
        public var chosen: Int
        /// The model's best role (what Other is nearest to).
        public var best: Int?
        public var secondary: Int?
        public var probabilities: [Double]
        public var decidedBy: String
        public var aiNote: String?
    }

    /// Title first, then the model; then the AI-gated roles decided by the body's AI evidence.
    public func decision(_ evidence: RoleEvidence) -> Decision {
        let probabilities = evidence.probabilities(model.evidence)
        let other = model.otherIndex
        let best = (0..<other).max { (probabilities[$0], $1) < (probabilities[$1], $0) }
        guard let best else {
            return Decision(chosen: other, best: nil, secondary: nil, probabilities: probabilities, decidedBy: "model")
        }
        let rule = model.decision
        var chosen = probabilities[other] >= probabilities[best] || probabilities[best] < rule.minimumProbability
            ? other : best
        var decidedBy = "model"
        var secondary: Int?
        if let parsed = evidence.parsed, let name = parsed.className, let titled = model.classIndex(name) {
            let body = evidence.bodyProbabilities(model.evidence)
            let top = body.indices.max { (body[$0], $1) < (body[$1], $0) }!
            if body[titled] < Self.contradictionFloor && body[top] > Self.contradictionTop && top != titled {
                decidedBy = "title-contradicted"
            } else {
                chosen = titled
                decidedBy = "title"
                if let second = parsed.secondRoleID.flatMap(model.classIndex) { secondary = second }
            }
        }
        if decidedBy != "title", chosen != other {
            let ranked = (0..<other).sorted { (probabilities[$0], $1) > (probabilities[$1], $0) }
            if ranked.count > 1 {
                let second = ranked[1] == chosen ? ranked[0] : ranked[1]
                if probabilities[second] >= rule.secondaryRatio * probabilities[chosen],
                   probabilities[second] >= rule.secondaryMinimum {
                    secondary = second
                }
            }
        }
        var aiNote = decidedBy == "title" ? unconfirmedNote(evidence) : nil
        // Without a title that names the role, the body's AI evidence tells an LLM-centred building job from
        // the others (Corpus/ai-evidence.yaml `genaiStress`).
        if decidedBy != "title", let stress = aiDetector?.rules.genaiStress {
            if stress.from.contains(model.classes[chosen]), stress.stressed(evidence.bodyAI),
               let target = model.classIndex(stress.role), target != chosen {
                let beforeName = taxonomy.role(model.classes[chosen])?.name ?? model.classes[chosen]
                let name = taxonomy.role(stress.role)?.name ?? stress.role
                let counts = "\(evidence.bodyAI.genai) generative-AI terms, \(evidence.bodyAI.ml) ML"
                aiNote = "the duties stress generative AI (\(counts)): \(name), \(beforeName) second"
                secondary = chosen
                chosen = target
            }
        }
        if chosen != other, let titleParser {
            let before = model.classes[chosen]
            let involvement = evidence.bodyAI.involvement
            let (gated, changed) = titleParser.gate(before, evidence: evidence.bodyAI)
            if changed {
                let target = gated.flatMap(model.classIndex) ?? other
                let name = gated.flatMap { taxonomy.role($0)?.name } ?? "Other"
                let beforeName = taxonomy.role(before)?.name ?? before
                aiNote = involvement.buildsAI
                    ? "the work builds AI (\(involvement.rawValue)): \(name), not \(beforeName)"
                    : "no AI building in the work (\(involvement.rawValue)): \(name), not \(beforeName)"
                chosen = target
                if secondary == target { secondary = nil }
            }
        }
        if chosen == other || secondary == chosen { secondary = nil }
        return Decision(chosen: chosen, best: best, secondary: secondary, probabilities: probabilities,
                        decidedBy: decidedBy, aiNote: aiNote)
    }

    /// Says why the title's role fell back to another: the body does not bear out a rule's `requires`, or
    /// holds the duties of its `bodyOverride`.
    func unconfirmedNote(_ evidence: RoleEvidence) -> String? {
        guard let parsed = evidence.parsed, let rule = parsed.unconfirmedRule else { return nil }
        let name = parsed.roleID.map { taxonomy.role($0)?.name ?? $0 } ?? "Other"
        if rule.hasSuffix(".bodyOverride") { return "the body's duties overrule the title's \(rule): \(name)" }
        return "the title's \(rule) needs AI work the body does not show (\(evidence.bodyAI.involvement.rawValue)): \(name)"
    }

    /// The answer for given evidence: probabilities, the decision between role(s) and Other, the explanation.
    public func decide(_ evidence: RoleEvidence, vector: SparseVector) -> RoleClassification {
        let d = decision(evidence)
        let other = model.otherIndex
        let p = d.probabilities
        let ranked = (0..<other).sorted { (p[$0], $1) > (p[$1], $0) }
        let scores = ranked.map { c in
            RoleScore(roleID: model.classes[c], name: roles[c]?.name ?? model.classes[c],
                      kind: roles[c]?.kind ?? .documented, probability: p[c])
        }
        let found = evidence.postingAI.involvement
        let involvement = aiDetector?.rules.reported(evidence.postingAI, role: model.classes[d.chosen]) ?? found
        guard let best = d.best else {
            return RoleClassification(roleID: nil, confidence: 1, ranked: [], aiInvolvement: involvement)
        }
        var explanation = explain(class: d.chosen == other ? best : d.chosen, evidence: evidence, vector: vector)
        explanation.decidedBy = d.decidedBy
        explanation.titleRule = evidence.parsed.flatMap { parsed in
            parsed.headRule.map { head in parsed.specialisationRule.map { head + "+" + $0 } ?? head }
        }
        explanation.aiNote = d.aiNote
        if d.chosen == other {
            return RoleClassification(roleID: nil, confidence: p[other], ranked: scores,
                                      nearestRoleID: model.classes[best], explanation: explanation,
                                      aiInvolvement: involvement)
        }
        return RoleClassification(roleID: model.classes[d.chosen], secondaryRoleID: d.secondary.map { model.classes[$0] },
                                  confidence: p[d.chosen], ranked: scores, explanation: explanation,
                                  aiInvolvement: involvement)
    }

    /// The predicted class index (the `other` index for Other) for given evidence, as evaluation counts it.
    public func predictedClass(_ evidence: RoleEvidence) -> Int {
        decision(evidence).chosen
    }

    /// The largest body-term contributions toward class `c`, title keywords and matched skills for it.
    func explain(class c: Int, evidence: RoleEvidence, vector: SparseVector, terms: Int = 8) -> RoleExplanation {
        // The first `terms` of the positive contributions sorted by weight (descending) then term: kept in
        // order while reading them (a handful of insertions), not by sorting all; a term is read only where two
        // weights tie.
        let vocabulary = model.vectorizer.vocabulary
        func before(_ a: (feature: Int, weight: Double), _ b: (feature: Int, weight: Double)) -> Bool {
            a.weight != b.weight ? a.weight > b.weight : vocabulary[a.feature] < vocabulary[b.feature]
        }
        var contributions: [(feature: Int, weight: Double)] = []
        contributions.reserveCapacity(terms + 1)
        for (feature, value) in zip(vector.indices, vector.values) {
            let contribution = value * model.weight(class: c, feature: feature)
            guard contribution > 0 else { continue }
            let item = (feature: feature, weight: contribution)
            if contributions.count == terms, let last = contributions.last, !before(item, last) { continue }
            var at = contributions.count
            while at > 0 && before(item, contributions[at - 1]) { at -= 1 }
            contributions.insert(item, at: at)
            if contributions.count > terms { contributions.removeLast() }
        }
        let top = contributions.map {
            WeightedTerm(term: vocabulary[$0.feature], weight: ($0.weight * 10_000).rounded() / 10_000)
        }
        return RoleExplanation(titleKeywords: c < evidence.titleKeywords.count ? evidence.titleKeywords[c] : [],
                               topTerms: Array(top),
                               matchedRoleSkills: c < evidence.roleSkills.count ? evidence.roleSkills[c] : [])
    }
}
