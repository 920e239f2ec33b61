import Foundation

/// What each alias of the taxonomy matches in a set of real postings, and what its rules held back: for
/// reading samples and deciding which generic words need context or must go (`jobscope taxonomy audit`).
///
/// Every posting is matched twice: with the taxonomy as it is, and with every rule switched off and every
/// weak alias made an ordinary one. A spelling's "unconstrained" count is what it would match with no rules;
/// the difference is what its rules (or its weakness) rejected.
public struct AliasAudit: Sendable, Codable {
    /// One spelling of one skill.
    public struct Row: Sendable, Codable {
        public var skillID: String
        public var alias: String
        public var weak: Bool
        public var rules: [String]
        /// Accepted matches, and postings with at least one.
        public var matches = 0
        public var postings = 0
        /// Matches with every rule off and the alias strong.
        public var unconstrained = 0
        public var unconstrainedPostings = 0
        /// Snippets of accepted matches, and of matches the rules rejected.
        public var samples: [String] = []
        public var rejectedSamples: [String] = []

        /// Matches the rules rejected.
        public var rejected: Int { max(0, unconstrained - matches) }
    }

    public var postings = 0
    public var files = 0
    /// Files that could not be read, with the reason.
    public var unreadable: [String] = []
    public var rows: [Row] = []

    /// The taxonomy with no rules and no weak aliases (they become aliases): the "what would match" baseline.
    public static func unconstrained(_ taxonomy: Taxonomy) -> Taxonomy {
        var open = taxonomy
        for i in open.skills.indices {
            open.skills[i].aliases += open.skills[i].weakAliases
            open.skills[i].weakAliases = []
            open.skills[i].contextTerms = []
            open.skills[i].rules = []
        }
        return open
    }

    /// The 2023–2026 posting files of the shared corpus: every `remotewlb-2024` README.md (or every n-th of them,
    /// sorted, when `remotewlbLimit` is smaller), the Anthropic description pages, and the LinkedIn 2024,
    /// LinkedIn teaching, AI-education and prompt-engineer files.
    public static func recentCorpusFiles(corpus: URL, remotewlbLimit: Int? = nil) -> [String] {
        let fm = FileManager.default
        var files: [String] = []
        let boards = corpus.appendingPathComponent("remotewlb-2024")
        if let walker = fm.enumerator(atPath: boards.path) {
            var readmes: [String] = []
            for case let path as String in walker where path.hasSuffix("README.md") && path.contains("/") {
                readmes.append(boards.appendingPathComponent(path).path)
            }
            readmes.sort()
            if let limit = remotewlbLimit, limit > 0, readmes.count > limit {
                let step = Double(readmes.count) / Double(limit)
                readmes = (0..<limit).map { readmes[Int(Double($0) * step)] }
            }
            files += readmes
        }
        let pages = corpus.appendingPathComponent("anthropic-2026/descriptions")
        if let names = try? fm.contentsOfDirectory(atPath: pages.path) {
            files += names.filter { $0.hasSuffix(".html") }.sorted().map { pages.appendingPathComponent($0).path }
        }
        for name in ["linkedin-2024/postings.csv", "linkedin-teaching-2025/linkedin_jobs.csv",
                     "ai-education/extracted_job_postings.csv", "prompt-engineer-2024/Job_Ad_Data.xlsx"] {
            let path = corpus.appendingPathComponent(name).path
            if fm.fileExists(atPath: path) { files.append(path) }
        }
        return files
    }

    /// Audits `matcher`'s taxonomy over the postings in `paths`, keeping up to `samples` snippets per alias.
    public static func run(paths: [String], matcher: SkillMatcher, reader: PostingReader = PostingReader(),
                           samples: Int = 5) -> AliasAudit {
        let open = SkillMatcher(taxonomy: unconstrained(matcher.taxonomy))
        var audit = AliasAudit()
        var index: [String: Int] = [:]
        func row(_ skillID: String, _ alias: String, weak: Bool) -> Int {
            let key = skillID + "\u{1F}" + alias.lowercased()
            if let k = index[key] { return k }
            let rules = matcher.taxonomy.skill(skillID)?.rules ?? []
            audit.rows.append(Row(skillID: skillID, alias: alias, weak: weak,
                                  rules: weak ? rules + [AmbiguityRule.ownTermsNearbyID] : rules))
            index[key] = audit.rows.count - 1
            return audit.rows.count - 1
        }
        // Weak aliases first, so that the open matcher's rows (where they are strong) find them.
        for skill in matcher.taxonomy.skills {
            for alias in [skill.name] + skill.aliases { _ = row(skill.id, alias, weak: false) }
            for alias in skill.weakAliases { _ = row(skill.id, alias, weak: true) }
        }
        for path in paths {
            let postings: [Posting]
            do {
                postings = try reader.read(path: path).postings
            } catch {
                audit.unreadable.append("\(path): \(error.localizedDescription)")
                continue
            }
            audit.files += 1
            for posting in postings where !posting.body.isEmpty {
                audit.postings += 1
                let accepted = matcher.aliasMatches(in: posting)
                var acceptedAt = Set<Int>()
                var seen = Set<Int>()
                for m in accepted {
                    let k = row(m.skillID, m.alias, weak: m.weak)
                    acceptedAt.insert(m.offset)
                    audit.rows[k].matches += 1
                    if seen.insert(k).inserted { audit.rows[k].postings += 1 }
                    if audit.rows[k].samples.count < samples { audit.rows[k].samples.append(m.snippet) }
                }
                seen.removeAll()
                for m in open.aliasMatches(in: posting) {
                    let k = row(m.skillID, m.alias, weak: false)
                    audit.rows[k].unconstrained += 1
                    if seen.insert(k).inserted { audit.rows[k].unconstrainedPostings += 1 }
                    if !acceptedAt.contains(m.offset), audit.rows[k].rejectedSamples.count < samples {
                        audit.rows[k].rejectedSamples.append(m.snippet)
                    }
                }
            }
        }
        return audit
    }

    /// Rows by accepted postings, most first; ties by spelling.
    public var byPostings: [Row] {
        rows.sorted { ($0.postings, $1.alias) > ($1.postings, $0.alias) }
    }

    /// Rows whose rules rejected the most matches, most first.
    public var mostConstrained: [Row] {
        rows.filter { $0.rejected > 0 }.sorted { ($0.rejected, $1.alias) > ($1.rejected, $0.alias) }
    }
}
