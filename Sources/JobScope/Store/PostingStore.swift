import Foundation
import GRDB

/// The SQLite store of analyzed postings (GRDB, WAL mode). Safe to share across tasks: reads run concurrently,
/// writes are serialized by GRDB and each `write` is one transaction, so a crash loses at most the batch in flight.
public final class PostingStore: Sendable {
    /// The database file.
    public let path: String
    let pool: DatabasePool

    /// Opens (creating and migrating when needed) the store at `path`. A store that is not a SQLite database,
    /// fails SQLite's quick integrity check, or was written by a newer schema is refused before anything is
    /// written to it (`StoreError.damaged`, `.newerSchema`).
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
            try PostingStore.checkBeforeWriting(path: path)
            pool = try DatabasePool(path: path, configuration: config)
            try Self.migrate(pool)
            // A batch touches pages all over the indexes (ids are hashes): with SQLite's default 2 MB cache the
            // writer read the same pages back many times per batch (5,000 pages: 57k reads and 76k writes, against
            // 14k and 43k with 32 MB). 16 MB: the cache was a fifth of the heap at the shared corpus's peak, and
            // the pages it no longer holds come back from the OS page cache. Only the writer's connection: readers
            // keep the default, so memory stays low.
            try pool.writeWithoutTransaction { try $0.execute(sql: "PRAGMA cache_size = -16384") }
        } catch let error as StoreError {
            throw error
        } catch {
            throw PostingStore.storeError(error, path: path, opening: true)
        }
    }

    /// Brings the schema up to date. Several processes may open the same new store at once: each reads which
    /// migrations are applied before taking the write lock, so all but the first find a table "already exists".
    /// Such a process reads the migrations again and goes on from there, until the store is migrated (by whom
    /// does not matter) or ten seconds have passed.
    static func migrate(_ pool: DatabasePool) throws {
        let deadline = Date().addingTimeInterval(10)
        while true {
            do {
                try StoreSchema.migrator.migrate(pool)
                return
            } catch {
                if try pool.read({ try StoreSchema.migrator.hasCompletedMigrations($0) }) { return }
                guard Date() < deadline else { throw error }
                usleep(50_000)
            }
        }
    }

    /// Refuses a store that is damaged or written by a newer schema, through a read-only connection: a
    /// writer's connection would switch the journal mode and, on close, fold the WAL into the damaged file.
    /// Damage below the header is only found by reading the pages: SQLite's quick check (structure, not index
    /// contents) runs before the first write, so a damaged store is never written into.
    static func checkBeforeWriting(path: String) throws {
        var info = stat()
        guard stat(path, &info) == 0, info.st_size > 0 else { return }  // a new store
        var config = Configuration()
        config.readonly = true
        config.busyMode = .timeout(10)
        let queue = try DatabaseQueue(path: path, configuration: config)
        let problems = try queue.read { try String.fetchAll($0, sql: "PRAGMA quick_check(5)") }
        if problems != ["ok"] {
            throw StoreError.damaged(path: path, detail: problems.prefix(2).joined(separator: "; "))
        }
        let unknown = try queue.read { db -> [String] in
            guard try db.tableExists("grdb_migrations"), try StoreSchema.migrator.hasBeenSuperseded(db) else { return [] }
            let known = Set(StoreSchema.migrator.migrations)
            return try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY identifier")
                .filter { !known.contains($0) }
        }
        if !unknown.isEmpty { throw StoreError.newerSchema(path: path, migrations: unknown) }
    }

    /// A database failure as a `StoreError` naming the store: damage, a full disk, or the reason SQLite gave.
    static func storeError(_ error: Error, path: String, opening: Bool = false) -> StoreError {
        if let error = error as? StoreError { return error }
        guard let database = error as? DatabaseError else {
            return opening ? .cannotOpen(path: path, reason: "\(error)") : .failed(path: path, reason: "\(error)")
        }
        switch database.resultCode {
        case .SQLITE_CORRUPT, .SQLITE_NOTADB:
            return .damaged(path: path, detail: database.message ?? "\(database.resultCode)")
        case .SQLITE_FULL:
            return .diskFull(path: path)
        default:
            return opening ? .cannotOpen(path: path, reason: "\(error)") : .failed(path: path, reason: "\(error)")
        }
    }

    /// Runs `body`, a database write, with its failure named after the store.
    func naming<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch { throw PostingStore.storeError(error, path: path) }
    }

    /// Runs `body`, an asynchronous database write, with its failure named after the store.
    func namingAsync<T>(_ body: () async throws -> T) async throws -> T {
        do { return try await body() } catch { throw PostingStore.storeError(error, path: path) }
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
            // The AI-involvement column arrives with a later migration; older stores have none.
            let columns = try Row.fetchAll(db, sql: "PRAGMA table_info(postings)").map { $0["name"] as String }
            let hasInvolvement = columns.contains("ai_involvement")
            let inputs = try String.fetchAll(db, sql: "SELECT inputs FROM runs")
                .flatMap { $0.split(separator: "\n").map(String.init) }
            let collectionOf = ReportCollections(inputs: inputs)
            var records: [ReportRecord] = []
            let rows = try Row.fetchCursor(db, sql: """
                SELECT p.*, (SELECT path FROM sources s WHERE s.posting_id = p.id
                             ORDER BY s.first_run, s.path, s.row, s.line LIMIT 1) AS source_path
                FROM postings p \(includeReposts ? "" : "WHERE p.repost_of IS NULL")
                ORDER BY p.rowid
                """)
            while let row = try rows.next() {
                let id: String = row["id"]
                let path: String = row["source_path"] ?? ""
                records.append(ReportRecord(
                    postingID: id, sourcePath: path,
                    datePosted: (row["date_posted"] as String?).flatMap(PostingDate.init(iso:)),
                    roleID: row["role_id"], secondaryRoleID: row["secondary_role_id"],
                    confidence: row["confidence"], skills: skillsByPosting[id] ?? [],
                    attributes: PostingStore.attributes(from: row),
                    isRepost: (row["repost_of"] as String?) != nil, repostOf: row["repost_of"],
                    company: row["company"], location: row["location"], collection: collectionOf.collection(of: path),
                    aiInvolvement: hasInvolvement
                        ? (row["ai_involvement"] as String?).flatMap(AIInvolvement.init(rawValue:)) : nil))
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
                SELECT skill_id, name, category, requirement, mentions, evidence, inferred FROM skills
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
                                        count: s[4], evidence: evidence, inferred: s[6])
                }
                try body(PostingExportRecord(
                    id: id, sources: sources, title: row["title"], company: row["company"],
                    location: row["location"],
                    datePosted: (row["date_posted"] as String?).flatMap(PostingDate.init(iso:)),
                    roleID: row["role_id"], secondaryRoleID: row["secondary_role_id"],
                    nearestRoleID: row["nearest_role_id"], confidence: row["confidence"], roles: roles,
                    skills: skills, attributes: PostingStore.attributes(from: row), repostOf: row["repost_of"],
                    modelVersion: row["model_version"], contentHash: row["content_hash"],
                    simhash: (row["simhash"] as Int64?).map { SimHash(value: UInt64(bitPattern: $0)).hexText },
                    aiInvolvement: (row["ai_involvement"] as String?).flatMap(AIInvolvement.init(rawValue:)),
                    hiredRoles: try String.fetchAll(hiredStatement, arguments: [id]).nilIfEmpty))
            }
        }
    }

    /// Counts of what the store holds.
    public func statistics() throws -> StoreStatistics {
        try pool.read { db in
            let row = try Row.fetchOne(db, sql: StoreStatistics.query)!
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

extension Array {
    /// nil for an empty array (a posting stored before roles were listed per posting).
    fileprivate var nilIfEmpty: [Element]? { isEmpty ? nil : self }
}
