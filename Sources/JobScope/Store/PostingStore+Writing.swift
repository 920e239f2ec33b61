import Foundation
import GRDB

extension PostingStore {
    /// Starts a run: records it with its process, and marks as interrupted the earlier runs still "running" whose
    /// process is gone (killed), not those another process on this machine is still writing, nor another host's.
    /// Returns the new run's id and how many earlier runs were interrupted.
    public func beginRun(modelVersion: String, taxonomyVersion: String, inputs: [String], startedAt: String)
        throws -> (id: Int64, interrupted: Int) {
        try beginRun(modelVersion: modelVersion, taxonomyVersion: taxonomyVersion, inputs: inputs,
                     startedAt: startedAt, process: .current)
    }

    /// Starts a run as `process` (this one, or another for a test of how runs of other processes are judged).
    public func beginRun(modelVersion: String, taxonomyVersion: String, inputs: [String], startedAt: String,
                         process: RunProcess) throws -> (id: Int64, interrupted: Int) {
        try naming { try pool.write { db in
            let running = try Row.fetchAll(db, sql: "SELECT id, process FROM runs WHERE status = 'running'")
            // A run of a store written before `runs.process` names no process: as before, it counts as killed.
            let gone = running.filter { row in
                guard let token: String = row["process"], let owner = RunProcess(token: token) else { return true }
                return owner.isAlive == false
            }.map { $0["id"] as Int64 }
            for id in gone {
                try db.execute(sql: "UPDATE runs SET status = 'interrupted' WHERE id = ?", arguments: [id])
            }
            try db.execute(sql: """
                INSERT INTO runs (started_at, model_version, taxonomy_version, inputs, process) VALUES (?, ?, ?, ?, ?)
                """, arguments: [startedAt, modelVersion, taxonomyVersion, inputs.joined(separator: "\n"),
                                 process.token])
            return (db.lastInsertedRowID, gone.count)
        } }
    }

    /// Records how a run ended.
    public func finishRun(_ id: Int64, summary: BatchSummary, status: String) throws {
        try naming { try pool.write { db in
            try db.execute(sql: """
                UPDATE runs SET finished_at = ?, status = ?, files_read = ?, files_skipped = ?, new_postings = ?,
                    reposts = ?, duplicates = ?, unchanged = ?, reclassified = ?, removed = ?, errors = ?
                WHERE id = ?
                """, arguments: [ISO8601DateFormatter().string(from: Date()), status, summary.filesRead,
                                 summary.filesSkipped, summary.newPostings, summary.reposts, summary.duplicates,
                                 summary.unchanged, summary.reclassified, summary.removed, summary.errors, id])
        } }
    }

    /// True when the store holds no posting, place or file at all (a new store).
    public func holdsNothing() throws -> Bool {
        try pool.read { db in
            try !(Bool.fetchOne(db, sql: """
                SELECT EXISTS (SELECT 1 FROM postings) OR EXISTS (SELECT 1 FROM sources) OR EXISTS (SELECT 1 FROM files)
                """) ?? false)
        }
    }

    // The per-file and per-posting look-ups below are single SELECTs (or independent slices of one): they need no
    // transaction around them, and `read`'s BEGIN/COMMIT cost more than the query on a run of many small files.

    /// What the store holds for each of `ids` that it holds.
    public func knownPostings(ids: [String]) throws -> [String: KnownPosting] {
        guard !ids.isEmpty else { return [:] }
        return try pool.unsafeRead { db in
            var known: [String: KnownPosting] = [:]
            // SQLite limits bound parameters; 500 is far below every build's limit.
            for start in stride(from: 0, to: ids.count, by: 500) {
                let slice = ids[start..<min(start + 500, ids.count)]
                let marks = Array(repeating: "?", count: slice.count).joined(separator: ",")
                let rows = try Row.fetchCursor(db, sql: """
                    SELECT id, \(KnownPosting.columns) FROM postings WHERE id IN (\(marks))
                    """, arguments: StatementArguments(Array(slice)))
                while let row = try rows.next() {
                    known[row[0]] = KnownPosting(row: row, from: 1)
                }
            }
            return known
        }
    }

    /// The content hash posting `id` had when last seen at `source` (path as store key); nil if never seen there.
    public func sourceContentHash(_ source: PostingSource, of id: String) throws -> String? {
        try pool.unsafeRead { db in
            try String.fetchOne(db.cachedStatement(sql: """
                SELECT content_hash FROM sources WHERE posting_id = ? AND path = ? AND row = ? AND line = ?
                """), arguments: [id, source.path, source.row ?? 0, source.line ?? 0])
        }
    }

    /// What the store recorded about the file at store key `path` when it was last read to the end.
    public func knownFile(path: String) throws -> KnownFile? {
        try pool.unsafeRead { db in
            try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM files WHERE path = ?"), arguments: [path]).map {
                KnownFile(size: $0["size"], modified: $0["modified"], readerFingerprint: $0["reader_options"],
                          modelVersion: $0["model_version"], taxonomyVersion: $0["taxonomy_version"],
                          postings: $0["postings"], rowErrors: $0["row_errors"])
            }
        }
    }

    /// Writes one batch in one transaction and says how each posting was taken.
    public func write(_ batch: StoreBatch, context: RunContext) async throws -> StoreBatch.Tally {
        let tally = try await namingAsync { try await pool.write { db in
            var tally = StoreBatch.Tally()
            for item in batch.items {
                try PostingStore.write(item, context: context, tally: &tally, db: db)
            }
            CrashPoint.betweenPostingsAndFiles.pass()
            for path in batch.skippedFiles {
                try db.cachedStatement(sql: "UPDATE sources SET last_run = ? WHERE path = ?")
                    .execute(arguments: [context.runID, path])
                try db.cachedStatement(sql: "UPDATE files SET last_run = ? WHERE path = ?")
                    .execute(arguments: [context.runID, path])
            }
            for file in batch.completedFiles {
                try db.cachedStatement(sql: """
                    INSERT INTO files (path, size, modified, reader_options, model_version, taxonomy_version,
                                       postings, row_errors, last_run)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT(path) DO UPDATE SET size = excluded.size, modified = excluded.modified,
                        reader_options = excluded.reader_options, model_version = excluded.model_version,
                        taxonomy_version = excluded.taxonomy_version, postings = excluded.postings,
                        row_errors = excluded.row_errors, last_run = excluded.last_run
                    """).execute(arguments: [file.path, file.size, file.modified, context.readerFingerprint,
                                             context.modelVersion, context.taxonomyVersion, file.postings,
                                             file.rowErrors, context.runID])
            }
            for problem in batch.problems {
                try db.cachedStatement(sql: """
                    INSERT INTO errors (run_id, path, message, created_at) VALUES (?, ?, ?, ?)
                    """).execute(arguments: [context.runID, problem.path, problem.message, context.startedAt])
            }
            CrashPoint.beforeCommit.pass()
            return tally
        } }
        CrashPoint.afterCommit.pass()
        return tally
    }

    /// Drops the sources that files read to the end in their latest run no longer contain (a changed file
    /// replaces its postings), then the postings no source is left for. Returns how many postings went.
    /// Idempotent, so a run killed before it got here leaves the work to the next one.
    public func removeStaleSources() async throws -> Int {
        try await namingAsync { try await pool.write { db in
            try db.execute(sql: """
                DELETE FROM sources WHERE last_run < (SELECT f.last_run FROM files f WHERE f.path = sources.path)
                """)
            guard db.changesCount > 0 else { return 0 }
            try db.execute(sql: """
                DELETE FROM postings WHERE NOT EXISTS (SELECT 1 FROM sources s WHERE s.posting_id = postings.id)
                """)
            return db.changesCount
        } }
    }

    private static func write(_ item: StoreBatch.Item, context: RunContext, tally: inout StoreBatch.Tally,
                              db: Database) throws {
        let posting = item.posting
        let source = posting.source
        let known = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT \(KnownPosting.columns) FROM postings WHERE id = ?
            """), arguments: [posting.id]).map { KnownPosting(row: $0) }
        let sourceArguments: StatementArguments = [posting.id, source.path, source.row ?? 0, source.line ?? 0]
        let sourceHash = try String.fetchOne(db.cachedStatement(sql: """
            SELECT content_hash FROM sources WHERE posting_id = ? AND path = ? AND row = ? AND line = ?
            """), arguments: sourceArguments)
        let sourceKnown = sourceHash != nil
        let contentHash = item.contentHash

        if let known {
            // Another place with other details is a duplicate: the first one seen stays.
            if let analysis = item.analysis, ReanalysisRule.replacesStored(known, contentHash: contentHash,
                                                                           placeHash: sourceHash, context: context) {
                let rows = item.rows ?? PostingRows(analysis, contentHash: contentHash, fingerprint: item.fingerprint,
                                                    context: context)
                try updateAnalysis(rows, id: posting.id, db: db)
                tally.reclassified += 1
            } else if sourceKnown {
                tally.unchanged += 1
            } else {
                tally.duplicates += 1
            }
        } else if let analysis = item.analysis {
            let rows = item.rows ?? PostingRows(analysis, contentHash: contentHash, fingerprint: item.fingerprint,
                                                context: context)
            let original = try item.fingerprint.flatMap {
                try repostOriginal(company: rows.companyKey, fingerprint: $0, title: posting.title,
                                   location: posting.location, excluding: posting.id, db: db)
            }
            try insert(rows, repostOf: original, db: db)
            if original == nil { tally.new += 1 } else { tally.reposts += 1 }
        } else {
            tally.vanished += 1
            return
        }
        try db.cachedStatement(sql: """
            INSERT INTO sources (posting_id, path, row, line, content_hash, first_run, last_run)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT DO UPDATE SET last_run = excluded.last_run, content_hash = excluded.content_hash
            """).execute(arguments: sourceArguments + [contentHash, context.runID, context.runID])
    }

    /// The first posting of the same company whose fingerprint is within `SimHash.maxDistance` bits and whose
    /// title is near-same (`TitleKey`): shared boilerplate alone does not make two jobs one.
    private static func repostOriginal(company: String, fingerprint: SimHash, title: String?, location: String?,
                                       excluding id: String, db: Database) throws -> String? {
        let bands = fingerprint.bands
        let rows = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT id, simhash, rowid, title, location FROM postings WHERE company_key = ?1 AND band0 = ?2 AND repost_of IS NULL
            UNION SELECT id, simhash, rowid, title, location FROM postings WHERE company_key = ?1 AND band1 = ?3 AND repost_of IS NULL
            UNION SELECT id, simhash, rowid, title, location FROM postings WHERE company_key = ?1 AND band2 = ?4 AND repost_of IS NULL
            UNION SELECT id, simhash, rowid, title, location FROM postings WHERE company_key = ?1 AND band3 = ?5 AND repost_of IS NULL
            ORDER BY 3
            """), arguments: [company, bands[0], bands[1], bands[2], bands[3]])
        for row in rows {
            let candidate: String = row[0]
            guard candidate != id, let stored: Int64 = row[1] else { continue }
            if fingerprint.isNearDuplicate(of: SimHash(value: UInt64(bitPattern: stored))),
               TitleKey.nearSame(title, location: location, row[3], location: row[4]) {
                return candidate
            }
        }
        return nil
    }

    /// Stores a posting for the first time, with its analysis, in one insert per row.
    private static func insert(_ rows: PostingRows, repostOf: String?, db: Database) throws {
        let statement = try db.cachedStatement(sql: PostingRows.insertPostingSQL)
        statement.setUncheckedArguments(
            StatementArguments(rows.firstValues + [repostOf.databaseValue] + rows.analysisValues.dropLast()))
        try statement.execute()
        try insertChildRows(rows, db: db)
    }

    /// Replaces the stored analysis (role, scores, skills, attributes) of a posting that is already stored.
    private static func updateAnalysis(_ rows: PostingRows, id: String, db: Database) throws {
        let statement = try db.cachedStatement(sql: PostingRows.updateAnalysisSQL)
        statement.setUncheckedArguments(StatementArguments(rows.analysisValues))
        try statement.execute()
        try db.cachedStatement(sql: "DELETE FROM posting_roles WHERE posting_id = ?").execute(arguments: [id])
        try db.cachedStatement(sql: "DELETE FROM role_scores WHERE posting_id = ?").execute(arguments: [id])
        try db.cachedStatement(sql: "DELETE FROM skills WHERE posting_id = ?").execute(arguments: [id])
        try insertChildRows(rows, db: db)
    }

    /// The posting's roles, role scores and skills. The arguments were encoded by the worker for exactly these
    /// statements, so they are bound unchecked.
    private static func insertChildRows(_ rows: PostingRows, db: Database) throws {
        let insertPostingRole = try db.cachedStatement(sql: """
            INSERT INTO posting_roles (posting_id, position, title, role_id) VALUES (?, ?, ?, ?)
            """)
        for arguments in rows.hiredRoles {
            insertPostingRole.setUncheckedArguments(arguments)
            try insertPostingRole.execute()
        }
        let insertRole = try db.cachedStatement(sql: """
            INSERT INTO role_scores (posting_id, rank, role_id, name, kind, probability) VALUES (?, ?, ?, ?, ?, ?)
            """)
        for arguments in rows.roleScores {
            insertRole.setUncheckedArguments(arguments)
            try insertRole.execute()
        }
        let insertSkill = try db.cachedStatement(sql: """
            INSERT INTO skills (posting_id, skill_id, position, name, category, requirement, mentions, evidence,
                                inferred)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT DO NOTHING
            """)
        for arguments in rows.skills {
            insertSkill.setUncheckedArguments(arguments)
            try insertSkill.execute()
        }
    }
}

extension KnownPosting {
    /// The `postings` columns a `KnownPosting` is decoded from, in the order `init(row:from:)` reads them.
    static let columns = "content_hash, model_version, taxonomy_version, analyzed_run"

    /// Decodes `columns` from `row`, the first at index `start`: the one place a stored posting's analysis
    /// version is read.
    init(row: Row, from start: Int = 0) {
        self.init(contentHash: row[start], modelVersion: row[start + 1], taxonomyVersion: row[start + 2],
                  analyzedRun: row[start + 3])
    }
}
