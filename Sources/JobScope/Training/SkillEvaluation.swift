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
        public var falseNegatives: [String]
        public var truePositives: [String]
        /// The posting read at this place has another id than the gold set recorded.
        public var idMismatch: Bool
    }

    public var overall = Score()
    public var byCategory: [String: Score] = [:]
    public var postings: [PostingResult] = []
    /// Gold entries that could not be read (file missing, row gone), with the reason.
    public var unreadable: [String] = []
    /// False matches of the short names the issue singles out (R, C, Go).
    public var falseShortNameMatches: Int {
        postings.reduce(0) { $0 + $1.falsePositives.filter { ["r", "c", "go"].contains($0.skillID) }.count }
    }

    /// Runs the matcher over every gold posting, reading them from `corpus`.
    public static func run(gold: SkillGoldSet, corpus: URL, matcher: SkillMatcher,
                           reader: PostingReader = PostingReader()) throws -> SkillEvaluation {
        guard FileManager.default.fileExists(atPath: corpus.path) else {
            throw SkillEvaluationError.corpusMissing(path: corpus.path)
        }
        let taxonomy = matcher.taxonomy
        let category = Dictionary(uniqueKeysWithValues: taxonomy.skills.map { ($0.id, $0.category) })
        for entry in gold.postings {
            for skill in entry.skills where category[skill] == nil {
                throw SkillEvaluationError.unknownSkill(place: entry.place, skill: skill)
            }
        }
        var evaluation = SkillEvaluation()
        var files: [String: [Posting]] = [:]
        for entry in gold.postings {
            if files[entry.file] == nil {
                let path = corpus.appendingPathComponent(entry.file).path
                files[entry.file] = (try? reader.read(path: path).postings) ?? []
            }
            guard let posting = files[entry.file]?.first(where: {
                (entry.row != nil && $0.source.row == entry.row) || (entry.line != nil && $0.source.line == entry.line)
            }) else {
                evaluation.unreadable.append("\(entry.place): posting not found")
                continue
            }
            let mentions = matcher.mentions(in: posting)
            let found = Set(mentions.map(\.skillID))
            let expected = Set(entry.skills)
            let result = PostingResult(
                place: entry.place, title: posting.title,
                falsePositives: mentions.filter { !expected.contains($0.skillID) },
                falseNegatives: entry.skills.filter { !found.contains($0) },
                truePositives: entry.skills.filter { found.contains($0) },
                idMismatch: entry.id != nil && entry.id != posting.id)
            evaluation.add(result, category: category)
        }
        return evaluation
    }

    mutating func add(_ result: PostingResult, category: [String: SkillCategory]) {
        postings.append(result)
        for id in result.truePositives {
            overall.truePositives += 1
            byCategory[category[id]!.rawValue, default: Score()].truePositives += 1
        }
        for mention in result.falsePositives {
            overall.falsePositives += 1
            byCategory[mention.category.rawValue, default: Score()].falsePositives += 1
        }
        for id in result.falseNegatives {
            overall.falseNegatives += 1
            byCategory[category[id]!.rawValue, default: Score()].falseNegatives += 1
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
