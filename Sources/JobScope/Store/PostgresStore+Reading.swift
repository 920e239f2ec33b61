import Foundation
import PostgresNIO

// What the report and the exports read, as `PostingStore` reads it from SQLite: the same queries where the
// dialects agree. Text is ordered `COLLATE "C"` (byte order, as SQLite compares), whatever the database's collation.
extension PostgresStore {
    public func reportRecords(includeReposts: Bool) async throws -> [ReportRecord] {
        try await reading { db in
            var skillsByPosting: [String: [ReportSkill]] = [:]
            for try await (id, skill, category, requirement) in try await db.query(
                "SELECT posting_id, skill_id, category, requirement FROM skills ORDER BY posting_id, position",
                logger: logger
            ).decode((String, String, String, String).self) {
                guard let category = SkillCategory(rawValue: category),
                    let requirement = RequirementLevel(rawValue: requirement)
                else { continue }
                skillsByPosting[id, default: []].append(
                    ReportSkill(skillID: skill, category: category, requirement: requirement))
            }
            var inputs: [String] = []
            for try await text in try await db.query("SELECT inputs FROM runs ORDER BY id", logger: logger)
                .decode(String.self)
            {
                inputs += text.split(separator: "\n").map(String.init)
            }
            let collectionOf = ReportCollections(inputs: inputs)
            var records: [ReportRecord] = []
            let rows = try await db.query(
                PostgresQuery(
                    unsafeSQL: """
                        SELECT p.*, (SELECT path FROM sources s WHERE s.posting_id = p.id
                                     ORDER BY s.first_run, s.path COLLATE "C", s.row, s.line LIMIT 1) AS source_path
                        FROM postings p \(includeReposts ? "" : "WHERE p.repost_of IS NULL")
                        ORDER BY p.rowid
                        """), logger: logger)
            for try await plain in rows {
                let row = plain.makeRandomAccess()
                let id: String = try row.value("id")
                let path = (try row.value("source_path") as String?) ?? ""
                let repostOf: String? = try row.value("repost_of")
                records.append(
                    ReportRecord(
                        postingID: id, sourcePath: path,
                        datePosted: (try row.value("date_posted") as String?).flatMap(PostingDate.init(iso:)),
                        roleID: try row.value("role_id"), secondaryRoleID: try row.value("secondary_role_id"),
                        confidence: try row.value("confidence"), skills: skillsByPosting[id] ?? [],
                        attributes: try PostgresStore.attributes(from: row), isRepost: repostOf != nil,
                        repostOf: repostOf, company: try row.value("company"), location: try row.value("location"),
                        collection: collectionOf.collection(of: path),
                        aiInvolvement: (try row.value("ai_involvement") as String?).flatMap(AIInvolvement.init(rawValue:))))
            }
            return records
        }
    }

    /// Streams postings a page at a time (by `rowid`), with their places, roles and skills fetched per page:
    /// memory stays flat however large the store is.
    public func forEachRecord(seenInRun run: Int64?, _ body: (PostingExportRecord) throws -> Void) async throws {
        let filter = run == nil ? "" : "AND p.id IN (SELECT posting_id FROM sources WHERE last_run = $2)"
        var after: Int64 = 0
        let decoder = JSONDecoder()
        while true {
            var binds = PostgresBindings()
            binds.append(after)
            if let run { binds.append(run) }
            let page = try await reading { db in
                try await db.query(
                    PostgresQuery(
                        unsafeSQL: "SELECT p.* FROM postings p WHERE p.rowid > $1 \(filter) ORDER BY p.rowid LIMIT 500",
                        binds: binds), logger: logger
                ).collect().map { $0.makeRandomAccess() }
            }
            guard let last = page.last else { return }
            after = try last.value("rowid")
            let ids: [String] = try page.map { try $0.value("id") }
            let details = try await reading { try await PostgresStore.details(of: ids, db: $0, logger: logger) }
            for row in page {
                let id: String = try row.value("id")
                let skills = details.skills[id, default: []].compactMap { s -> SkillMention? in
                    guard let category = SkillCategory(rawValue: s.category),
                        let requirement = RequirementLevel(rawValue: s.requirement)
                    else { return nil }
                    let evidence = (try? decoder.decode([Evidence].self, from: Data(s.evidence.utf8))) ?? []
                    return SkillMention(
                        skillID: s.id, name: s.name, category: category, requirement: requirement, count: s.mentions,
                        evidence: evidence, inferred: s.inferred)
                }
                let hired = details.hiredRoles[id, default: []]
                try body(
                    PostingExportRecord(
                        id: id, sources: details.sources[id, default: []], title: try row.value("title"),
                        company: try row.value("company"), location: try row.value("location"),
                        datePosted: (try row.value("date_posted") as String?).flatMap(PostingDate.init(iso:)),
                        roleID: try row.value("role_id"), secondaryRoleID: try row.value("secondary_role_id"),
                        nearestRoleID: try row.value("nearest_role_id"), confidence: try row.value("confidence"),
                        roles: details.roles[id, default: []], skills: skills,
                        attributes: try PostgresStore.attributes(from: row), repostOf: try row.value("repost_of"),
                        modelVersion: try row.value("model_version"), contentHash: try row.value("content_hash"),
                        simhash: (try row.value("simhash") as Int64?).map {
                            SimHash(value: UInt64(bitPattern: $0)).hexText
                        },
                        aiInvolvement: (try row.value("ai_involvement") as String?).flatMap(AIInvolvement.init(rawValue:)),
                        hiredRoles: hired.isEmpty ? nil : hired))
            }
        }
    }

    /// A stored skill as `forEachRecord` reads it, before its evidence is decoded.
    private struct StoredSkill {
        var id: String
        var name: String
        var category: String
        var requirement: String
        var mentions: Int
        var evidence: String
        var inferred: String?
    }

    /// The places, ranked roles, skills and hired roles of `ids`, each list in the order SQLite gives it.
    private static func details(of ids: [String], db: PostgresConnection, logger: Logger) async throws
        -> (sources: [String: [PostingSource]], roles: [String: [RoleScore]], skills: [String: [StoredSkill]],
            hiredRoles: [String: [String]])
    {
        var sources: [String: [PostingSource]] = [:]
        for try await (id, path, row, line) in try await db.query(
            """
            SELECT posting_id, path, row, line FROM sources WHERE posting_id = ANY(\(ids))
            ORDER BY posting_id, first_run, path COLLATE "C", row, line
            """, logger: logger
        ).decode((String, String, Int, Int).self) {
            sources[id, default: []].append(PostingSource(path: path, row: row == 0 ? nil : row, line: line == 0 ? nil : line))
        }
        var roles: [String: [RoleScore]] = [:]
        for try await (id, role, name, kind, probability) in try await db.query(
            """
            SELECT posting_id, role_id, name, kind, probability FROM role_scores WHERE posting_id = ANY(\(ids))
            ORDER BY posting_id, rank
            """, logger: logger
        ).decode((String, String, String, String, Double).self) {
            roles[id, default: []].append(
                RoleScore(roleID: role, name: name, kind: RoleKind(rawValue: kind) ?? .documented, probability: probability))
        }
        var skills: [String: [StoredSkill]] = [:]
        for try await (id, skill, name, category, requirement, mentions, evidence, inferred) in try await db.query(
            """
            SELECT posting_id, skill_id, name, category, requirement, mentions, evidence, inferred FROM skills
            WHERE posting_id = ANY(\(ids)) ORDER BY posting_id, position
            """, logger: logger
        ).decode((String, String, String, String, String, Int, String, String?).self) {
            skills[id, default: []].append(
                StoredSkill(id: skill, name: name, category: category, requirement: requirement, mentions: mentions,
                            evidence: evidence, inferred: inferred))
        }
        var hired: [String: [String]] = [:]
        for try await (id, role) in try await db.query(
            "SELECT posting_id, role_id FROM posting_roles WHERE posting_id = ANY(\(ids)) ORDER BY posting_id, position",
            logger: logger
        ).decode((String, String).self) {
            hired[id, default: []].append(role)
        }
        return (sources, roles, skills, hired)
    }

    public func statistics() async throws -> StoreStatistics {
        try await reading { db in
            let counts = try await db.query(PostgresQuery(unsafeSQL: StoreStatistics.query), logger: logger)
                .collect()[0].decode((Int, Int, Int, Int, Int, Int).self)
            return StoreStatistics(
                postings: counts.0, reposts: counts.1, sources: counts.2, files: counts.3, errors: counts.4,
                runs: counts.5)
        }
    }

    public func postingSourceCounts() async throws -> [(id: String, sources: Int)] {
        try await reading { db in
            var counts: [(id: String, sources: Int)] = []
            for try await (id, count) in try await db.query(
                """
                SELECT p.id, (SELECT COUNT(*) FROM sources s WHERE s.posting_id = p.id) FROM postings p ORDER BY p.rowid
                """, logger: logger
            ).decode((String, Int).self) {
                counts.append((id, count))
            }
            return counts
        }
    }

    public func errors(run: Int64?) async throws -> [StoredError] {
        try await reading { db in
            var binds = PostgresBindings()
            if let run { binds.append(run) }
            var errors: [StoredError] = []
            for try await (run, path, row, line, message) in try await db.query(
                PostgresQuery(
                    unsafeSQL: """
                        SELECT run_id, path, row, line, message FROM errors
                        \(run == nil ? "" : "WHERE run_id = $1") ORDER BY id
                        """, binds: binds), logger: logger
            ).decode((Int64, String, Int?, Int?, String).self) {
                errors.append(StoredError(run: run, path: path, row: row, line: line, message: message))
            }
            return errors
        }
    }

    public func runs() async throws -> [StoredRun] {
        try await reading { db in
            var runs: [StoredRun] = []
            for try await plain in try await db.query("SELECT * FROM runs ORDER BY id", logger: logger) {
                let row = plain.makeRandomAccess()
                runs.append(
                    StoredRun(
                        id: try row.value("id"), startedAt: try row.value("started_at"),
                        finishedAt: try row.value("finished_at"), status: try row.value("status"),
                        modelVersion: try row.value("model_version"), inputs: try row.value("inputs"),
                        newPostings: try row.value("new_postings"), reposts: try row.value("reposts"),
                        duplicates: try row.value("duplicates"), unchanged: try row.value("unchanged"),
                        reclassified: try row.value("reclassified"), errors: try row.value("errors")))
            }
            return runs
        }
    }

    public func postingSources() async throws -> [PostingStore.StoredSource] {
        try await reading { db in
            var seen = Set<String>()
            var result: [PostingStore.StoredSource] = []
            for try await (id, path, row, line, date) in try await db.query(
                """
                SELECT s.posting_id, s.path, s.row, s.line, p.date_posted FROM sources s
                JOIN postings p ON p.id = s.posting_id WHERE p.repost_of IS NULL
                ORDER BY s.posting_id COLLATE "C", s.path COLLATE "C", s.row, s.line
                """, logger: logger
            ).decode((String, String, Int, Int, String?).self) {
                guard seen.insert(id).inserted else { continue }
                result.append(
                    PostingStore.StoredSource(postingID: id, path: path, row: row, line: line, datePosted: date))
            }
            return result
        }
    }

    static func attributes(from row: PostgresRandomAccessRow) throws -> PostingAttributes {
        var salary: SalaryRange?
        if let currency: String = try row.value("salary_currency"),
            let period = (try row.value("salary_period") as String?).flatMap(SalaryPeriod.init(rawValue:))
        {
            salary = SalaryRange(
                minimum: try row.value("salary_min"), maximum: try row.value("salary_max"), currency: currency,
                period: period, text: (try row.value("salary_source") as String?) ?? "")
        }
        let domainsText = (try row.value("domains") as String?) ?? "[]"
        let domains = (try? JSONDecoder().decode([String].self, from: Data(domainsText.utf8))) ?? []
        return PostingAttributes(
            education: try row.value("education"), yearsExperience: try row.value("years_experience"),
            seniority: try row.value("seniority"),
            workplace: (try row.value("workplace") as String?).flatMap(Workplace.init(rawValue:)), salary: salary,
            domains: domains)
    }
}

extension PostgresRandomAccessRow {
    /// The value of column `name`, decoded as the caller's type (an optional for a column that may be NULL).
    func value<T: PostgresDecodable>(_ name: String) throws -> T {
        try self[name].decode(T.self)
    }
}
