import Foundation
import PostgresNIO

// The pipeline's writes, as `PostingStore+Writing` makes them in SQLite, made safe for several writers at once:
// inserts keyed by id with ON CONFLICT, `last_run` that only moves forward, one transaction a batch.
extension PostgresStore {
    /// Starts a run and takes its liveness lock (held by the writer's connection until the process ends), then
    /// marks as interrupted the runs still "running" whose lock nobody holds: killed runs, not another machine's
    /// live one.
    public func beginRun(modelVersion: String, taxonomyVersion: String, inputs: [String], startedAt: String)
        async throws -> (id: Int64, interrupted: Int)
    {
        try await transaction { db in
            let id = try await db.query(
                """
                INSERT INTO runs (started_at, model_version, taxonomy_version, inputs)
                VALUES (\(startedAt), \(modelVersion), \(taxonomyVersion), \(inputs.joined(separator: "\n")))
                RETURNING id
                """, logger: logger
            ).collect()[0].decode(Int64.self)
            try await db.query(
                "SELECT pg_advisory_lock(\(PostgresStore.runLockSpace)::int4, \(id)::int4)", logger: logger)
            let interrupted = try await db.query(
                """
                WITH marked AS (
                    UPDATE runs SET status = 'interrupted'
                    WHERE status = 'running' AND id <> \(id) AND NOT EXISTS (
                        SELECT 1 FROM pg_locks l
                        WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 2
                          AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
                          AND l.classid::bigint = \(PostgresStore.runLockSpace) AND l.objid::bigint = runs.id)
                    RETURNING 1)
                SELECT COUNT(*) FROM marked
                """, logger: logger
            ).collect()[0].decode(Int.self)
            return (id, interrupted)
        }
    }

    public func finishRun(_ id: Int64, summary: BatchSummary, status: String) async throws {
        let finishedAt = ISO8601DateFormatter().string(from: Date())
        try await transaction { db in
            try await db.query(
                """
                UPDATE runs SET finished_at = \(finishedAt), status = \(status), files_read = \(summary.filesRead),
                    files_skipped = \(summary.filesSkipped), new_postings = \(summary.newPostings),
                    reposts = \(summary.reposts), duplicates = \(summary.duplicates), unchanged = \(summary.unchanged),
                    reclassified = \(summary.reclassified), removed = \(summary.removed), errors = \(summary.errors)
                WHERE id = \(id)
                """, logger: logger)
            try await db.query(
                "SELECT pg_advisory_unlock(\(PostgresStore.runLockSpace)::int4, \(id)::int4)", logger: logger)
        }
    }

    /// True for a new store. With other writers the run may still meet postings they store meanwhile: the
    /// writer checks every posting as it writes, so the only cost is analysis that turns out not to be needed.
    public func holdsNothing() async throws -> Bool {
        try await reading { db in
            try await db.query(
                """
                SELECT NOT (EXISTS (SELECT 1 FROM postings) OR EXISTS (SELECT 1 FROM sources)
                            OR EXISTS (SELECT 1 FROM files))
                """, logger: logger
            ).collect()[0].decode(Bool.self)
        }
    }

    public func knownPostings(ids: [String]) async throws -> [String: KnownPosting] {
        guard !ids.isEmpty else { return [:] }
        return try await reading { db in
            var known: [String: KnownPosting] = [:]
            for try await (id, hash, model, taxonomy, run) in try await db.query(
                """
                SELECT id, content_hash, model_version, taxonomy_version, analyzed_run FROM postings
                WHERE id = ANY(\(ids))
                """, logger: logger
            ).decode((String, String, String, String, Int64).self) {
                known[id] = KnownPosting(contentHash: hash, modelVersion: model, taxonomyVersion: taxonomy,
                                         analyzedRun: run)
            }
            return known
        }
    }

    public func sourceContentHash(_ source: PostingSource, of id: String) async throws -> String? {
        try await reading { try await PostgresStore.placeHash(of: id, at: source, db: $0, logger: logger) }
    }

    public func knownFile(path: String) async throws -> KnownFile? {
        try await reading { db in
            try await db.query(
                """
                SELECT size, modified, reader_options, model_version, taxonomy_version, postings, row_errors
                FROM files WHERE path = \(path)
                """, logger: logger
            ).collect().first.map { row in
                let (size, modified, fingerprint, model, taxonomy, postings, rowErrors) = try row.decode(
                    (Int64, Double, String, String, String, Int, Int).self)
                return KnownFile(size: size, modified: modified, readerFingerprint: fingerprint, modelVersion: model,
                                 taxonomyVersion: taxonomy, postings: postings, rowErrors: rowErrors)
            }
        }
    }

    public func write(_ batch: StoreBatch, context: RunContext) async throws -> StoreBatch.Tally {
        let tally = try await transaction { db in
            var tally = StoreBatch.Tally()
            for item in batch.items {
                try await PostgresStore.write(item, context: context, tally: &tally, db: db, logger: logger)
            }
            CrashPoint.betweenPostingsAndFiles.pass()
            for path in batch.skippedFiles {
                try await db.query(
                    "UPDATE sources SET last_run = GREATEST(last_run, \(context.runID)) WHERE path = \(path)",
                    logger: logger)
                try await db.query(
                    "UPDATE files SET last_run = GREATEST(last_run, \(context.runID)) WHERE path = \(path)",
                    logger: logger)
            }
            for file in batch.completedFiles {
                // A run that read the file earlier than the one recorded does not overwrite it.
                try await db.query(
                    """
                    INSERT INTO files (path, size, modified, reader_options, model_version, taxonomy_version,
                                       postings, row_errors, last_run)
                    VALUES (\(file.path), \(file.size), \(file.modified), \(context.readerFingerprint),
                            \(context.modelVersion), \(context.taxonomyVersion), \(file.postings), \(file.rowErrors),
                            \(context.runID))
                    ON CONFLICT (path) DO UPDATE SET size = excluded.size, modified = excluded.modified,
                        reader_options = excluded.reader_options, model_version = excluded.model_version,
                        taxonomy_version = excluded.taxonomy_version, postings = excluded.postings,
                        row_errors = excluded.row_errors, last_run = excluded.last_run
                    WHERE files.last_run <= excluded.last_run
                    """, logger: logger)
            }
            for problem in batch.problems {
                try await db.query(
                    """
                    INSERT INTO errors (run_id, path, message, created_at)
                    VALUES (\(context.runID), \(problem.path), \(problem.message), \(context.startedAt))
                    """, logger: logger)
            }
            CrashPoint.beforeCommit.pass()
            return tally
        }
        CrashPoint.afterCommit.pass()
        return tally
    }

    public func removeStaleSources() async throws -> Int {
        try await transaction { db in
            let places = try await db.query(
                """
                WITH gone AS (
                    DELETE FROM sources WHERE last_run < (SELECT f.last_run FROM files f WHERE f.path = sources.path)
                    RETURNING 1)
                SELECT COUNT(*) FROM gone
                """, logger: logger
            ).collect()[0].decode(Int.self)
            guard places > 0 else { return 0 }
            return try await db.query(
                """
                WITH gone AS (
                    DELETE FROM postings WHERE NOT EXISTS (SELECT 1 FROM sources s WHERE s.posting_id = postings.id)
                    RETURNING 1)
                SELECT COUNT(*) FROM gone
                """, logger: logger
            ).collect()[0].decode(Int.self)
        }
    }

    // MARK: One posting
    //
    // A round trip costs more than the SQL, so a posting takes few: one look-up, the repost search, and one
    // statement that inserts the posting with its analysis rows and its place (data-modifying WITH clauses).

    private static func placeHash(of id: String, at source: PostingSource, db: PostgresConnection, logger: Logger)
        async throws -> String?
    {
        try await db.query(
            """
            SELECT content_hash FROM sources
            WHERE posting_id = \(id) AND path = \(source.path) AND row = \(source.row ?? 0) AND line = \(source.line ?? 0)
            """, logger: logger
        ).collect().first?.decode(String.self)
    }

    /// What the store holds of posting `id`, and the content hash it had at `source` (nil: never seen there).
    private static func lookUp(_ id: String, at source: PostingSource, db: PostgresConnection, logger: Logger)
        async throws -> (known: KnownPosting?, placeHash: String?)
    {
        let row = try await db.query(
            """
            SELECT p.content_hash, p.model_version, p.taxonomy_version, p.analyzed_run,
                   (SELECT s.content_hash FROM sources s WHERE s.posting_id = \(id) AND s.path = \(source.path)
                      AND s.row = \(source.row ?? 0) AND s.line = \(source.line ?? 0))
            FROM (SELECT 1) AS one LEFT JOIN postings p ON p.id = \(id)
            """, logger: logger
        ).collect()[0]
        let (hash, model, taxonomy, run, placeHash) = try row.decode((String?, String?, String?, Int64?, String?).self)
        guard let hash, let model, let taxonomy, let run else { return (nil, placeHash) }
        return (KnownPosting(contentHash: hash, modelVersion: model, taxonomyVersion: taxonomy, analyzedRun: run),
                placeHash)
    }

    /// Takes one posting as `PostingStore` does; a posting another writer inserted since the look-up is taken as
    /// the stored one it now is.
    private static func write(_ item: StoreBatch.Item, context: RunContext, tally: inout StoreBatch.Tally,
                              db: PostgresConnection, logger: Logger) async throws {
        let posting = item.posting
        let contentHash = item.contentHash
        var (known, sourceHash) = try await lookUp(posting.id, at: posting.source, db: db, logger: logger)

        if known == nil, let analysis = item.analysis {
            let original = try await item.fingerprint.asyncFlatMap {
                try await repostOriginal(
                    company: CompanyKey.key(posting.company), fingerprint: $0, title: posting.title,
                    location: posting.location, excluding: posting.id, db: db, logger: logger)
            }
            if try await insert(item, analysis: analysis, repostOf: original, context: context, db: db, logger: logger) {
                if original == nil { tally.new += 1 } else { tally.reposts += 1 }
                return
            }
            (known, sourceHash) = try await lookUp(posting.id, at: posting.source, db: db, logger: logger)
        }
        guard let known else {
            tally.vanished += 1
            return
        }
        // Another place with other details is a duplicate: the first one seen stays.
        if let analysis = item.analysis,
            ReanalysisRule.replacesStored(known, contentHash: contentHash, placeHash: sourceHash, context: context)
        {
            try await replaceAnalysis(analysis, contentHash: contentHash, context: context, db: db, logger: logger)
            tally.reclassified += 1
        } else if sourceHash != nil {
            tally.unchanged += 1
        } else {
            tally.duplicates += 1
        }
        try await recordPlace(item, context: context, db: db, logger: logger)
    }

    private static func recordPlace(_ item: StoreBatch.Item, context: RunContext, db: PostgresConnection,
                                    logger: Logger) async throws {
        let source = item.posting.source
        try await db.query(
            """
            INSERT INTO sources (posting_id, path, row, line, content_hash, first_run, last_run)
            VALUES (\(item.posting.id), \(source.path), \(source.row ?? 0), \(source.line ?? 0), \(item.contentHash),
                    \(context.runID), \(context.runID))
            ON CONFLICT (posting_id, path, row, line) DO UPDATE
                SET last_run = GREATEST(sources.last_run, excluded.last_run), content_hash = excluded.content_hash
            """, logger: logger)
    }

    /// The first posting of the same company whose fingerprint is within `SimHash.maxDistance` bits and whose
    /// title is near-same (`TitleKey`), as `PostingStore` finds it.
    private static func repostOriginal(company: String, fingerprint: SimHash, title: String?, location: String?,
                                       excluding id: String, db: PostgresConnection, logger: Logger) async throws
        -> String?
    {
        let bands = fingerprint.bands
        var binds = PostgresBindings()
        binds.append(company)
        for band in bands { binds.append(band) }
        let rows = try await db.query(
            PostgresQuery(
                unsafeSQL: """
                    SELECT id, simhash, rowid, title, location FROM postings WHERE company_key = $1 AND band0 = $2 AND repost_of IS NULL
                    UNION SELECT id, simhash, rowid, title, location FROM postings WHERE company_key = $1 AND band1 = $3 AND repost_of IS NULL
                    UNION SELECT id, simhash, rowid, title, location FROM postings WHERE company_key = $1 AND band2 = $4 AND repost_of IS NULL
                    UNION SELECT id, simhash, rowid, title, location FROM postings WHERE company_key = $1 AND band3 = $5 AND repost_of IS NULL
                    ORDER BY 3
                    """, binds: binds), logger: logger
        ).collect()
        for row in rows {
            let (candidate, stored, _, otherTitle, otherLocation) = try row.decode(
                (String, Int64?, Int64, String?, String?).self)
            guard candidate != id, let stored else { continue }
            if fingerprint.isNearDuplicate(of: SimHash(value: UInt64(bitPattern: stored))),
                TitleKey.nearSame(title, location: location, otherTitle, location: otherLocation)
            {
                return candidate
            }
        }
        return nil
    }

    /// The `postings` columns an analysis sets, with their values, in one order for the insert and the update.
    private static func analysisColumns(_ analysis: PostingAnalysis, contentHash: String, context: RunContext,
                                        into statement: inout StatementText) throws -> [(String, String)] {
        let p = analysis.posting
        let c = analysis.classification
        let a = analysis.attributes
        return [
            ("content_hash", try statement.bind(contentHash)), ("location", try statement.bind(p.location)),
            ("date_posted", try statement.bind(p.datePosted?.description)),
            ("date_source", try statement.bind(p.dateSource?.rawValue)),
            ("employment_type", try statement.bind(p.employmentType)),
            ("salary_text", try statement.bind(p.salaryText)),
            ("model_version", try statement.bind(context.modelVersion)),
            ("taxonomy_version", try statement.bind(context.taxonomyVersion)),
            ("analyzed_run", try statement.bind(context.runID)), ("role_id", try statement.bind(c.roleID)),
            ("secondary_role_id", try statement.bind(c.secondaryRoleID)),
            ("nearest_role_id", try statement.bind(c.nearestRoleID)), ("confidence", try statement.bind(c.confidence)),
            ("explanation", try statement.bind(JSONColumn.explanation(c.explanation))),
            ("education", try statement.bind(a.education)), ("years_experience", try statement.bind(a.yearsExperience)),
            ("seniority", try statement.bind(a.seniority)), ("workplace", try statement.bind(a.workplace?.rawValue)),
            ("salary_min", try statement.bind(a.salary?.minimum)), ("salary_max", try statement.bind(a.salary?.maximum)),
            ("salary_currency", try statement.bind(a.salary?.currency)),
            ("salary_period", try statement.bind(a.salary?.period.rawValue)),
            ("salary_source", try statement.bind(a.salary?.text)),
            ("domains", try statement.bind(JSONColumn.strings(a.domains))),
            ("ai_involvement", try statement.bind(analysis.aiInvolvement.rawValue)),
        ]
    }

    /// WITH clauses inserting an analysis's hired roles, role scores and skills for the posting whose id `id`
    /// gives, one row per element of `from` (`p`: only when the posting was inserted; `(SELECT 1) AS one`: always).
    private static func analysisRows(_ analysis: PostingAnalysis, id: String, from: String,
                                     into statement: inout StatementText) throws -> [String] {
        let hired = analysis.hiredRoles
        let ranked = analysis.classification.ranked
        let skills = analysis.skills
        return [
            // A role's title may be NULL: sent as text with a flag beside it.
            """
            hired AS (INSERT INTO posting_roles (posting_id, position, title, role_id)
                SELECT \(id), u.position, CASE WHEN u.titled THEN u.title END, u.role_id
                FROM \(from), unnest(\(try statement.bind(Array(hired.indices)))::bigint[],
                    \(try statement.bind(hired.map { $0.title ?? "" }))::text[],
                    \(try statement.bind(hired.map { $0.title != nil }))::bool[],
                    \(try statement.bind(hired.map(\.roleID)))::text[]) AS u(position, title, titled, role_id))
            """,
            """
            scores AS (INSERT INTO role_scores (posting_id, rank, role_id, name, kind, probability)
                SELECT \(id), u.* FROM \(from), unnest(\(try statement.bind(Array(ranked.indices)))::bigint[],
                    \(try statement.bind(ranked.map(\.roleID)))::text[], \(try statement.bind(ranked.map(\.name)))::text[],
                    \(try statement.bind(ranked.map(\.kind.rawValue)))::text[],
                    \(try statement.bind(ranked.map(\.probability)))::float8[]) AS u)
            """,
            """
            skills AS (INSERT INTO skills (posting_id, skill_id, position, name, category, requirement, mentions,
                                          evidence, inferred)
                SELECT \(id), u.skill_id, u.position, u.name, u.category, u.requirement, u.mentions, u.evidence,
                    CASE WHEN u.is_inferred THEN u.inferred END
                FROM \(from), unnest(\(try statement.bind(skills.map(\.skillID)))::text[],
                    \(try statement.bind(Array(skills.indices)))::bigint[], \(try statement.bind(skills.map(\.name)))::text[],
                    \(try statement.bind(skills.map(\.category.rawValue)))::text[],
                    \(try statement.bind(skills.map(\.requirement.rawValue)))::text[],
                    \(try statement.bind(skills.map(\.count)))::bigint[],
                    \(try statement.bind(skills.map { JSONColumn.evidence($0.evidence) }))::text[],
                    \(try statement.bind(skills.map { $0.inferred ?? "" }))::text[],
                    \(try statement.bind(skills.map { $0.inferred != nil }))::bool[])
                    AS u(skill_id, position, name, category, requirement, mentions, evidence, inferred, is_inferred)
                ON CONFLICT DO NOTHING)
            """,
        ]
    }

    /// Inserts a new posting with its analysis rows and its place, in one statement; false when another writer
    /// stored the same id first (then nothing is written).
    private static func insert(_ item: StoreBatch.Item, analysis: PostingAnalysis, repostOf: String?,
                               context: RunContext, db: PostgresConnection, logger: Logger) async throws -> Bool
    {
        let p = item.posting
        let fingerprint = item.fingerprint
        let bands: [Int64?] = fingerprint?.bands ?? [nil, nil, nil, nil]
        var statement = StatementText()
        let id = try statement.bind(p.id)
        var columns: [(String, String)] = [
            ("id", id), ("title", try statement.bind(p.title)), ("company", try statement.bind(p.company)),
            ("first_seen", try statement.bind(context.startedAt)), ("first_run", try statement.bind(context.runID)),
            ("company_key", try statement.bind(CompanyKey.key(p.company))),
            ("simhash", try statement.bind(fingerprint?.storedValue)),
        ]
        for (band, value) in bands.enumerated() { columns.append(("band\(band)", try statement.bind(value))) }
        columns.append(("repost_of", try statement.bind(repostOf)))
        columns += try analysisColumns(analysis, contentHash: item.contentHash, context: context, into: &statement)
        var clauses = [
            """
            p AS (INSERT INTO postings (\(columns.map(\.0).joined(separator: ", ")))
                VALUES (\(columns.map(\.1).joined(separator: ", "))) ON CONFLICT (id) DO NOTHING RETURNING id)
            """
        ]
        clauses += try analysisRows(analysis, id: "p.id", from: "p", into: &statement)
        let source = p.source
        clauses.append(
            """
            place AS (INSERT INTO sources (posting_id, path, row, line, content_hash, first_run, last_run)
                SELECT p.id, \(try statement.bind(source.path)), \(try statement.bind(source.row ?? 0)),
                    \(try statement.bind(source.line ?? 0)), \(try statement.bind(item.contentHash)),
                    \(try statement.bind(context.runID)), \(try statement.bind(context.runID)) FROM p)
            """)
        statement.sql = "WITH " + clauses.joined(separator: ",\n") + "\nSELECT COUNT(*) FROM p"
        return try await db.query(statement.query, logger: logger).collect()[0].decode(Int.self) == 1
    }

    /// Replaces the stored analysis of a posting. The posting's row is updated first, which locks it: a second
    /// writer re-analyzing the same posting waits, then replaces the first one's rows whole.
    private static func replaceAnalysis(_ analysis: PostingAnalysis, contentHash: String, context: RunContext,
                                        db: PostgresConnection, logger: Logger) async throws {
        var update = StatementText()
        let columns = try analysisColumns(analysis, contentHash: contentHash, context: context, into: &update)
        update.sql = "UPDATE postings SET \(columns.map { "\($0.0) = \($0.1)" }.joined(separator: ", ")) "
            + "WHERE id = \(try update.bind(analysis.posting.id))"
        try await db.query(update.query, logger: logger)
        let id = analysis.posting.id
        try await db.query(
            """
            WITH roles AS (DELETE FROM posting_roles WHERE posting_id = \(id)),
                 scores AS (DELETE FROM role_scores WHERE posting_id = \(id))
            DELETE FROM skills WHERE posting_id = \(id)
            """, logger: logger)
        var rows = StatementText()
        let boundID = try rows.bind(id)
        let clauses = try analysisRows(analysis, id: "\(boundID)::text", from: "(SELECT 1) AS one", into: &rows)
        rows.sql = "WITH " + clauses.joined(separator: ",\n") + "\nSELECT 1"
        try await db.query(rows.query, logger: logger)
    }
}

/// SQL with its binds, written in pieces: `bind` appends a value and gives its placeholder (`$n`).
private struct StatementText {
    var sql = ""
    var binds = PostgresBindings()

    mutating func bind<Value: PostgresThrowingDynamicTypeEncodable>(_ value: Value?) throws -> String {
        try binds.append(value)
        return "$\(binds.count)"
    }

    var query: PostgresQuery { PostgresQuery(unsafeSQL: sql, binds: binds) }
}

extension Optional {
    /// `flatMap` with an asynchronous transform.
    fileprivate func asyncFlatMap<U>(_ transform: (Wrapped) async throws -> U?) async rethrows -> U? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}
