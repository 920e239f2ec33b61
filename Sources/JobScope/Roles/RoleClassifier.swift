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
    }

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
        let evidence = self.evidence(vector: x, title: posting.title, skillIDs: skills.map(\.skillID))
        return decide(evidence, vector: x)
    }

    /// The role of a posting given as title (nil to hide it) and body, with the skill ids found in it.
    public func classify(title: String?, body: String, skillIDs: [String]) -> RoleClassification {
        let x = model.vectorizer.transform(Self.document(title: title, body: body))
        let evidence = self.evidence(vector: x, title: title, skillIDs: skillIDs)
        return decide(evidence, vector: x)
    }

    /// The evidence for a posting whose TF-IDF vector is `vector`.
    public func evidence(vector: SparseVector, title: String?, skillIDs: [String]) -> RoleEvidence {
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
        return RoleEvidence(body: model.bodyScores(vector), titleKeywords: titleKeywords, roleSkills: roleSkills,
                            skillOverlap: overlap, hasTitle: !(title ?? "").isEmpty)
    }

    /// The answer for given evidence: probabilities, the decision between role(s) and Other, the explanation.
    public func decide(_ evidence: RoleEvidence, vector: SparseVector) -> RoleClassification {
        let probabilities = evidence.probabilities(model.evidence)
        let other = model.otherIndex
        let ranked = (0..<other).sorted { (probabilities[$0], $1) > (probabilities[$1], $0) }
        let scores = ranked.map { c in
            RoleScore(roleID: model.classes[c], name: roles[c]?.name ?? model.classes[c],
                      kind: roles[c]?.kind ?? .documented, probability: probabilities[c])
        }
        guard let best = ranked.first else {
            return RoleClassification(roleID: nil, confidence: 1, ranked: [])
        }
        let rule = model.decision
        let explanation = explain(class: best, evidence: evidence, vector: vector)
        if probabilities[other] >= probabilities[best] || probabilities[best] < rule.minimumProbability {
            return RoleClassification(roleID: nil, confidence: probabilities[other], ranked: scores,
                                      nearestRoleID: model.classes[best], explanation: explanation)
        }
        var secondary: String?
        if ranked.count > 1 {
            let second = ranked[1]
            if probabilities[second] >= rule.secondaryRatio * probabilities[best],
               probabilities[second] >= rule.secondaryMinimum {
                secondary = model.classes[second]
            }
        }
        return RoleClassification(roleID: model.classes[best], secondaryRoleID: secondary,
                                  confidence: probabilities[best], ranked: scores, explanation: explanation)
    }

    /// The predicted class index (the `other` index for Other) for given evidence, as evaluation counts it.
    public func predictedClass(_ evidence: RoleEvidence) -> Int {
        let probabilities = evidence.probabilities(model.evidence)
        let other = model.otherIndex
        let best = (0..<other).max { (probabilities[$0], $1) < (probabilities[$1], $0) } ?? other
        if probabilities[other] >= probabilities[best] || probabilities[best] < model.decision.minimumProbability {
            return other
        }
        return best
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
        return RoleExplanation(titleKeywords: evidence.titleKeywords[c], topTerms: Array(top),
                               matchedRoleSkills: evidence.roleSkills[c])
    }
}
