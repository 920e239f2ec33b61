import Foundation

/// Scores the skill matcher against a gold set: precision, recall and F1, micro-averaged over all
/// (posting, skill) pairs and per category, with every false positive and false negative listed.
public struct SkillEvaluation: Sendable, Codable {
    /// Counts and the figures derived from them.
    public struct Score: Sendable, Codable, Equatable {
        public var truePositives = 0
        public var falsePositives = 0
        public var falseNegatives = 0

        public var precision: Double {
            truePositives + falsePositives == 0 ? 1 : Double(truePositives) / Double(truePositives + falsePositives)
        }
        public var recall: Double {
            truePositives + falseNegatives == 0 ? 1 : Double(truePositives) / Double(truePositives + falseNegatives)
        }
        public var f1: Double {
            precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)
        }
    }

    /// One posting's comparison.
    public struct PostingResult: Sendable, Codable {
        public var place: String
        public var title: String?
        /// Found but not in the gold set, with the evidence that made the matcher find it.
        public var falsePositives: [SkillMention]
        /// Gold skills not found: taxonomy ids, or the gold's own spelling when it names no taxonomy skill.
        public var falseNegatives: [String]
        public var truePositives: [String]
        /// Gold skills (as written) that resolve to no taxonomy skill; each is also a false negative.
        public var unresolved: [String] = []
        /// Gold skills credited through a narrower skill found (`relational-databases` by `mysql`).
        public var creditedByNarrower: [String] = []
        /// Found skills with a gold level: how many have the same required/preferred level as the gold.
        public var levelAgreements = 0
        public var levelComparisons = 0
        /// The posting read at this place has another id than the gold set recorded.
        public var idMismatch: Bool
    }

    /// Category key for gold skills the taxonomy does not have.
    public static let unresolvedCategory = "(not in taxonomy)"

    /// Scores with a narrower skill counting for a broader gold skill (see `Skill.broader`).
    public var overall = Score()
    public var byCategory: [String: Score] = [:]
    /// Exact-id scores: a found `mysql` does not count for a gold `relational-databases`.
    public var strict = Score()
    public var strictByCategory: [String: Score] = [:]
    public var postings: [PostingResult] = []
    /// Gold entries that could not be read (file missing, row gone), with the reason.
    public var unreadable: [String] = []
    /// False matches of the short names the issue singles out (R, C, Go).
    public var falseShortNameMatches: Int {
        postings.reduce(0) { $0 + $1.falsePositives.filter { ["r", "c", "go"].contains($0.skillID) }.count }
    }
    /// Share of true positives with a gold level whose found level is the same (required/preferred).
    public var levelAgreement: Double? {
        let n = postings.reduce(0) { $0 + $1.levelComparisons }
        return n == 0 ? nil : Double(postings.reduce(0) { $0 + $1.levelAgreements }) / Double(n)
    }
    public var levelComparisons: Int { postings.reduce(0) { $0 + $1.levelComparisons } }

    /// Runs the matcher over every gold posting, reading them from `corpus`.
    ///
    /// `judged`, when given, is the skill ids of the taxonomy the gold set was annotated against: each found skill
    /// is projected onto it (itself if judged, else its nearest judged `broader` skill, else left out), so that
    /// skills added after the annotation are neither credited nor counted as false positives.
    public static func run(gold: SkillGoldSet, corpus: URL, matcher: SkillMatcher,
                           reader: PostingReader = PostingReader(), judged: Set<String>? = nil) throws -> SkillEvaluation {
        guard FileManager.default.fileExists(atPath: corpus.path) else {
            throw SkillEvaluationError.corpusMissing(path: corpus.path)
        }
        let taxonomy = matcher.taxonomy
        let resolver = SkillResolver(taxonomy: taxonomy)
        let category = Dictionary(uniqueKeysWithValues: taxonomy.skills.map { ($0.id, $0.category.rawValue) })
        var evaluation = SkillEvaluation()
        var files: [String: [Posting]] = [:]
        for entry in gold.postings {
            if files[entry.file] == nil {
                let path = corpus.appendingPathComponent(entry.file).path
                files[entry.file] = (try? reader.read(path: path).postings) ?? []
            }
            let candidates = files[entry.file] ?? []
            let posting: Posting?
            if entry.row == nil && entry.line == nil {
                posting = candidates.first
            } else {
                posting = candidates.first(where: {
                    (entry.row != nil && ($0.source.row == entry.row || ($0.source.row == nil && $0.source.line == entry.row)))
                        || (entry.line != nil && $0.source.line == entry.line)
                })
            }
            guard let posting else {
                evaluation.unreadable.append("\(entry.place): posting not found")
                continue
            }
            var mentions = matcher.mentions(in: posting)
            if let judged { mentions = project(mentions, onto: judged, resolver: resolver, taxonomy: taxonomy) }
            evaluation.add(compare(entry: entry, posting: posting, mentions: mentions, resolver: resolver),
                           resolver: resolver, category: category)
        }
        return evaluation
    }

    /// Mentions as an older taxonomy would name them: a judged skill stays, an unjudged one becomes its nearest
    /// judged broader skill (once per posting), or is dropped.
    static func project(_ mentions: [SkillMention], onto judged: Set<String>, resolver: SkillResolver,
                        taxonomy: Taxonomy) -> [SkillMention] {
        var result: [SkillMention] = []
        var seen = Set<String>()
        for mention in mentions {
            guard let target = ([mention.skillID] + resolver.broaderChain(of: mention.skillID)).first(where: judged.contains)
            else { continue }
            guard seen.insert(target).inserted else { continue }
            var projected = mention
            if target != mention.skillID, let skill = taxonomy.skill(target) {
                projected.skillID = skill.id
                projected.name = skill.name
                projected.category = skill.category
            }
            result.append(projected)
        }
        return result
    }

    /// One posting's gold skills against the mentions found in it.
    static func compare(entry: SkillGoldSet.Entry, posting: Posting, mentions: [SkillMention],
                        resolver: SkillResolver) -> PostingResult {
        var expected: [String] = []
        var levels: [String: RequirementLevel] = [:]
        var unresolved: [String] = []
        for gold in entry.skills {
            guard let id = resolver.resolve(gold.skill) else {
                if !unresolved.contains(gold.skill) { unresolved.append(gold.skill) }
                continue
            }
            if !expected.contains(id) { expected.append(id) }
            if let level = gold.level, levels[id] == nil { levels[id] = level }
        }
        let found = Set(mentions.map(\.skillID))
        let expectedSet = Set(expected)
        // A found narrower skill stands for a broader gold skill it falls under.
        var credited: [String] = []
        for id in expected where !found.contains(id) {
            if found.contains(where: { resolver.broaderChain(of: $0).contains(id) }) { credited.append(id) }
        }
        var result = PostingResult(
            place: entry.place, title: posting.title,
            falsePositives: mentions.filter { !expectedSet.contains($0.skillID) },
            falseNegatives: expected.filter { !found.contains($0) } + unresolved,
            truePositives: expected.filter { found.contains($0) },
            unresolved: unresolved, creditedByNarrower: credited,
            idMismatch: entry.id != nil && entry.id != posting.id)
        for mention in mentions {
            guard let gold = levels[mention.skillID] else { continue }
            result.levelComparisons += 1
            if gold == mention.requirement { result.levelAgreements += 1 }
        }
        return result
    }

    mutating func add(_ result: PostingResult, resolver: SkillResolver? = nil, category: [String: String]) {
        postings.append(result)
        func key(_ id: String) -> String { category[id] ?? Self.unresolvedCategory }
        // Strict: exact ids only.
        for id in result.truePositives {
            strict.truePositives += 1
            strictByCategory[key(id), default: Score()].truePositives += 1
        }
        for mention in result.falsePositives {
            strict.falsePositives += 1
            strictByCategory[mention.category.rawValue, default: Score()].falsePositives += 1
        }
        for id in result.falseNegatives {
            strict.falseNegatives += 1
            strictByCategory[key(id), default: Score()].falseNegatives += 1
        }
        // With narrower skills credited: a credited gold skill is a true positive, and a found skill that
        // stands for a gold skill is no false positive.
        let credited = Set(result.creditedByNarrower)
        let gold = Set(result.truePositives).union(result.falseNegatives)
        for id in result.truePositives + result.creditedByNarrower {
            overall.truePositives += 1
            byCategory[key(id), default: Score()].truePositives += 1
        }
        for mention in result.falsePositives {
            if let resolver, resolver.broaderChain(of: mention.skillID).contains(where: gold.contains) { continue }
            overall.falsePositives += 1
            byCategory[mention.category.rawValue, default: Score()].falsePositives += 1
        }
        for id in result.falseNegatives where !credited.contains(id) {
            overall.falseNegatives += 1
            byCategory[key(id), default: Score()].falseNegatives += 1
        }
    }

    /// Skill ids by how often they were wrongly found, most first.
    public var falsePositivesBySkill: [(skill: String, count: Int)] {
        var counts: [String: Int] = [:]
        for p in postings { for m in p.falsePositives { counts[m.skillID, default: 0] += 1 } }
        return counts.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map { ($0.key, $0.value) }
    }

    /// Skill ids by how often they were missed, most first.
    public var falseNegativesBySkill: [(skill: String, count: Int)] {
        var counts: [String: Int] = [:]
        for p in postings { for id in p.falseNegatives { counts[id, default: 0] += 1 } }
        return counts.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map { ($0.key, $0.value) }
    }
}
