import Foundation
import Yams

/// A hand-annotated set of real postings and the skills each asks for, stored as identifiers only.
public struct SkillGoldSet: Sendable, Codable, Equatable {
    /// One gold skill: an id or a name, and optionally whether the posting requires or prefers it. A file may
    /// write it as a bare string (`python`) or as `{skill: Next.js, level: preferred}`.
    public struct GoldSkill: Sendable, Codable, Equatable, ExpressibleByStringLiteral {
        /// A taxonomy id, or a skill's name or alias as a person writes it.
        public var skill: String
        public var level: RequirementLevel?

        public init(skill: String, level: RequirementLevel? = nil) {
            self.skill = skill
            self.level = level
        }

        public init(stringLiteral value: String) { self.init(skill: value) }

        enum Key: String, CodingKey { case skill, level }

        public init(from decoder: Decoder) throws {
            if let single = try? decoder.singleValueContainer(), let text = try? single.decode(String.self) {
                self.init(skill: text)
                return
            }
            let c = try decoder.container(keyedBy: Key.self)
            self.init(skill: try c.decode(String.self, forKey: .skill),
                      level: try c.decodeIfPresent(RequirementLevel.self, forKey: .level))
        }

        public func encode(to encoder: Encoder) throws {
            guard let level else {
                var single = encoder.singleValueContainer()
                try single.encode(skill)
                return
            }
            var c = encoder.container(keyedBy: Key.self)
            try c.encode(skill, forKey: .skill)
            try c.encode(level, forKey: .level)
        }
    }

    /// One annotated posting: where to find it in the shared corpus, and its skills.
    public struct Entry: Sendable, Codable, Equatable {
        /// Path relative to the corpus folder (`glassdoor-2020/glassdoor_jobs.csv`).
        public var file: String
        /// 1-based CSV data row, as `PostingSource.row` counts.
        public var row: Int?
        /// 1-based JSONL line, as `PostingSource.line` counts.
        public var line: Int?
        /// `Posting.makeID` of the posting, to notice when a reader change reads a different posting.
        public var id: String?
        /// The skills the posting truly asks for, each by taxonomy id or by name ("Next.js").
        public var skills: [GoldSkill]

        /// `file:row 12` or `file:3`, as messages print it.
        public var place: String {
            if let row { return "\(file):row \(row)" }
            if let line { return "\(file):\(line)" }
            return file
        }
    }

    public var version: Int
    public var postings: [Entry]

    public init(version: Int = 1, postings: [Entry]) {
        self.version = version
        self.postings = postings
    }

    /// Reads a gold file (YAML).
    public static func load(from url: URL) throws -> SkillGoldSet {
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw SkillEvaluationError.unreadableGold(path: url.path, reason: (error as NSError).localizedDescription)
        }
        do {
            return try YAMLDecoder().decode(SkillGoldSet.self, from: text)
        } catch {
            throw SkillEvaluationError.unreadableGold(path: url.path, reason: "\(error)")
        }
    }
}

/// Why a skill evaluation could not run.
public enum SkillEvaluationError: LocalizedError, Equatable, Sendable {
    case unreadableGold(path: String, reason: String)
    case corpusMissing(path: String)
    case unknownSkill(place: String, skill: String)

    public var errorDescription: String? {
        switch self {
        case .unreadableGold(let path, let reason):
            return "\(path): cannot read the gold set (\(reason)); pass --gold FILE"
        case .corpusMissing(let path):
            return "\(path): shared corpus not found; the gold set refers to postings there (pass --corpus DIR)"
        case .unknownSkill(let place, let skill):
            return "gold posting \(place) lists skill '\(skill)', which the taxonomy does not define; fix the gold file or the taxonomy"
        }
    }
}
