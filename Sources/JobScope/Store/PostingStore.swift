import Foundation
import GRDB

/// The SQLite store of analyzed postings (GRDB, WAL mode). Safe to share across tasks: reads run concurrently,
/// writes are serialized by GRDB and each `write` is one transaction, so a crash loses at most the batch in flight.
public final class PostingStore: Sendable {
    /// The database file.
    public let path: String
    let pool: DatabasePool

    /// Opens (creating and migrating when needed) the store at `path`.
    public init(path: String) throws {
        self.path = path
        var config = Configuration()
        config.foreignKeysEnabled = true
        // Another reader (a report while analyze runs) waits for the write lock instead of failing at once.
        config.busyMode = .timeout(10)
        config.prepareDatabase { db in
            // WAL + NORMAL: a committed transaction survives a process crash; only power loss may drop the last one.
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        do {
            pool = try DatabasePool(path: path, configuration: config)
            try StoreSchema.migrator.migrate(pool)
            // A batch touches pages all over the indexes (ids are hashes): with SQLite's default 2 MB cache the
            // writer read the same pages back many times per batch (5,000 pages: 57k reads and 76k writes, against
            // 14k and 43k with 32 MB). Only the writer's connection: readers keep the default, so memory stays low.
            try pool.writeWithoutTransaction { try $0.execute(sql: "PRAGMA cache_size = -32768") }
        } catch {
            throw StoreError.cannotOpen(path: path, reason: "\(error)")
        }
    }

    // MARK: Reading what the report needs

    /// Every analyzed posting in the form the trend report reads; near-duplicate reposts only when asked for.
    public func reportRecords(includeReposts: Bool = false) throws -> [ReportRecord] {
        try pool.read { db in
            var skillsByPosting: [String: [ReportSkill]] = [:]
            let skillRows = try Row.fetchCursor(db, sql: """
                SELECT posting_id, skill_id, category, requirement FROM skills ORDER BY posting_id, position
                """)
            while let row = try skillRows.next() {
                guard let category = SkillCategory(rawValue: row[2]),
                      let requirement = RequirementLevel(rawValue: row[3]) else { continue }
                skillsByPosting[row[0], default: []].append(
                    ReportSkill(skillID: row[1], category: category, requirement: requirement))
            }
            var records: [ReportRecord] = []
            let rows = try Row.fetchCursor(db, sql: """
                SELECT p.*, (SELECT path FROM sources s WHERE s.posting_id = p.id
                             ORDER BY s.first_run, s.path, s.row, s.line LIMIT 1) AS source_path
                FROM postings p \(includeReposts ? "" : "WHERE p.repost_of IS NULL")
                ORDER BY p.rowid
                """)
            while let row = try rows.next() {
                let id: String = row["id"]
                records.append(ReportRecord(
                    postingID: id, sourcePath: row["source_path"] ?? "",
                    datePosted: (row["date_posted"] as String?).flatMap(PostingDate.init(iso:)),
                    roleID: row["role_id"], secondaryRoleID: row["secondary_role_id"],
                    confidence: row["confidence"], skills: skillsByPosting[id] ?? [],
                    attributes: PostingStore.attributes(from: row),
                    isRepost: (row["repost_of"] as String?) != nil))
            }
            return records
        }
    }

    /// Calls `body` with each stored posting, in the order they were first stored: all of them, or only those
    /// seen by run `run`. Streams from the database, so memory stays flat however large the store is.
    public func forEachRecord(seenInRun run: Int64? = nil, _ body: (PostingExportRecord) throws -> Void) throws {
        try pool.read { db in
            let filter = run == nil ? "" : "WHERE p.id IN (SELECT posting_id FROM sources WHERE last_run = :run)"
            let rows = try Row.fetchCursor(db, sql: "SELECT p.* FROM postings p \(filter) ORDER BY p.rowid",
                                           arguments: ["run": run])
            let sourcesStatement = try db.cachedStatement(sql: """
                SELECT path, row, line FROM sources WHERE posting_id = ? ORDER BY first_run, path, row, line
                """)
            let rolesStatement = try db.cachedStatement(sql: """
                SELECT role_id, name, kind, probability FROM role_scores WHERE posting_id = ? ORDER BY rank
                """)
            let skillsStatement = try db.cachedStatement(sql: """
                SELECT skill_id, name, category, requirement, mentions, evidence FROM skills
                WHERE posting_id = ? ORDER BY position
                """)
            let hiredStatement = try db.cachedStatement(sql: """
                SELECT role_id FROM posting_roles WHERE posting_id = ? ORDER BY position
                """)
            let decoder = JSONDecoder()
            while let row = try rows.next() {
                let id: String = row["id"]
                let sources = try Row.fetchAll(sourcesStatement, arguments: [id]).map { s in
                    PostingSource(path: s[0], row: (s[1] as Int) == 0 ? nil : s[1],
                                  line: (s[2] as Int) == 0 ? nil : s[2])
                }
                let roles = try Row.fetchAll(rolesStatement, arguments: [id]).map { r in
                    RoleScore(roleID: r[0], name: r[1], kind: RoleKind(rawValue: r[2]) ?? .documented,
                              probability: r[3])
                }
                let skills = try Row.fetchAll(skillsStatement, arguments: [id]).compactMap { s -> SkillMention? in
                    guard let category = SkillCategory(rawValue: s[2]),
                          let requirement = RequirementLevel(rawValue: s[3]) else { return nil }
                    let evidence = (try? decoder.decode([Evidence].self, from: Data((s[5] as String).utf8))) ?? []
                    return SkillMention(skillID: s[0], name: s[1], category: category, requirement: requirement,
                                        count: s[4], evidence: evidence)
                }
                try body(PostingExportRecord(
                    id: id, sources: sources, title: row["title"], company: row["company"],
                    location: row["location"],
                    datePosted: (row["date_posted"] as String?).flatMap(PostingDate.init(iso:)),
                    roleID: row["role_id"], secondaryRoleID: row["secondary_role_id"],
                    nearestRoleID: row["nearest_role_id"], confidence: row["confidence"], roles: roles,
                    skills: skills, attributes: PostingStore.attributes(from: row), repostOf: row["repost_of"],
                    modelVersion: row["model_version"],
                    aiInvolvement: (row["ai_involvement"] as String?).flatMap(AIInvolvement.init(rawValue:)),
                    hiredRoles: try String.fetchAll(hiredStatement, arguments: [id]).nilIfEmpty))
            }
        }
    }

    /// Counts of what the store holds.
    public func statistics() throws -> StoreStatistics {
        try pool.read { db in
            let row = try Row.fetchOne(db, sql: """
                SELECT (SELECT COUNT(*) FROM postings),
                       (SELECT COUNT(*) FROM postings WHERE repost_of IS NOT NULL),
                       (SELECT COUNT(*) FROM sources),
                       (SELECT COUNT(*) FROM files),
                       (SELECT COUNT(*) FROM errors),
                       (SELECT COUNT(*) FROM runs)
                """)!
            return StoreStatistics(postings: row[0], reposts: row[1], sources: row[2], files: row[3],
                                   errors: row[4], runs: row[5])
        }
    }

    /// The ids of every stored posting with the number of places it was seen, in storage order.
    public func postingSourceCounts() throws -> [(id: String, sources: Int)] {
        try pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT p.id, (SELECT COUNT(*) FROM sources s WHERE s.posting_id = p.id) FROM postings p ORDER BY p.rowid
                """).map { ($0[0], $0[1]) }
        }
    }

    /// The id of the posting `id` is a near-duplicate repost of, if it is one.
    public func repostOriginal(of id: String) throws -> String? {
        try pool.read { db in
            try String.fetchOne(db, sql: "SELECT repost_of FROM postings WHERE id = ?", arguments: [id])
        }
    }

    /// The input problems recorded by run `run` (or by every run), oldest first.
    public func errors(run: Int64? = nil) throws -> [StoredError] {
        try pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT run_id, path, row, line, message FROM errors
                \(run == nil ? "" : "WHERE run_id = :run") ORDER BY id
                """, arguments: ["run": run]).map {
                StoredError(run: $0[0], path: $0[1], row: $0[2], line: $0[3], message: $0[4])
            }
        }
    }

    /// The runs recorded in the store, oldest first.
    public func runs() throws -> [StoredRun] {
        try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM runs ORDER BY id").map { row in
                StoredRun(id: row["id"], startedAt: row["started_at"], finishedAt: row["finished_at"],
                          status: row["status"], modelVersion: row["model_version"], inputs: row["inputs"],
                          newPostings: row["new_postings"], reposts: row["reposts"], duplicates: row["duplicates"],
                          unchanged: row["unchanged"], reclassified: row["reclassified"], errors: row["errors"])
            }
        }
    }

    /// SQLite's own consistency check: `["ok"]` for a sound database, else the problems it found.
    public func integrityCheck() throws -> [String] {
        try pool.read { db in
            try String.fetchAll(db, sql: "PRAGMA integrity_check")
                + String.fetchAll(db, sql: "PRAGMA foreign_key_check").map { "foreign key: \($0)" }
        }
    }

    static func attributes(from row: Row) -> PostingAttributes {
        var salary: SalaryRange?
        if let currency: String = row["salary_currency"],
           let period = (row["salary_period"] as String?).flatMap(SalaryPeriod.init(rawValue:)) {
            salary = SalaryRange(minimum: row["salary_min"], maximum: row["salary_max"], currency: currency,
                                 period: period, text: row["salary_source"] ?? "")
        }
        let domains = (try? JSONDecoder().decode([String].self, from: Data((row["domains"] as String? ?? "[]").utf8))) ?? []
        return PostingAttributes(
            education: row["education"], yearsExperience: row["years_experience"], seniority: row["seniority"],
            workplace: (row["workplace"] as String?).flatMap(Workplace.init(rawValue:)), salary: salary,
            domains: domains)
    }
}

private extension Array {
    /// nil for an empty array (a posting stored before roles were listed per posting).
    var nilIfEmpty: [Element]? { isEmpty ? nil : self }
}
