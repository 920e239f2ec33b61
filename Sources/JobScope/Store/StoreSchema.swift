import Foundation
import GRDB

/// The store's tables, as a chain of GRDB migrations: a store written by an older JobScope is migrated in place.
///
/// - `postings`: one row per distinct posting (exact duplicates share a row), its fields, the analysis that was
///   stored for it (role, confidence, attributes), the analysis version, and near-duplicate data
///   (`company_key`, the 64-bit SimHash and its four 16-bit bands, `repost_of`).
/// - `role_scores`, `skills`: the ranked role probabilities and the skills with evidence, per posting.
/// - `sources`: every file (and row or line) a posting was seen in, what it said there (content hash), and the
///   last run that saw it.
/// - `files`: what each input file looked like when it was last read completely, so an unchanged file is skipped.
/// - `errors`: every file or row that could not be read, per run.
/// - `runs`: one row per `analyze` run, with its counts and whether it finished.
/// - `posting_roles` (v2): every role a posting hires for, the decided one at position 0 (a Hacker News post
///   naming three roles has three rows); `postings.ai_involvement` (v2): none / uses_ai / builds_ml / builds_genai.
///
/// Both back ends (SQLite, PostgreSQL) run these same migrations, by the same identifiers, from one text per
/// migration: only the few fragments the two SQL dialects spell differently come from `SQLDialect`.
enum StoreSchema {
    /// One step of the schema: its identifier (as `grdb_migrations` records it) and its SQL in a dialect.
    struct Migration: Sendable {
        var identifier: String
        var sql: @Sendable (SQLDialect) -> String

        /// The migration's statements one by one (PostgreSQL's extended protocol takes one statement a query).
        func statements(_ dialect: SQLDialect) -> [String] {
            sql(dialect).split(separator: ";").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
                .filter { !$0.isEmpty }
        }
    }

    /// Every migration, oldest first.
    static let migrations: [Migration] = [
        Migration(identifier: "v1") { d in
            """
            CREATE TABLE runs (
                id \(d.autoID),
                started_at TEXT NOT NULL,
                finished_at TEXT,
                status TEXT NOT NULL DEFAULT 'running',
                model_version TEXT NOT NULL,
                taxonomy_version TEXT NOT NULL,
                inputs TEXT NOT NULL DEFAULT '',
                files_read \(d.integer) NOT NULL DEFAULT 0,
                files_skipped \(d.integer) NOT NULL DEFAULT 0,
                new_postings \(d.integer) NOT NULL DEFAULT 0,
                reposts \(d.integer) NOT NULL DEFAULT 0,
                duplicates \(d.integer) NOT NULL DEFAULT 0,
                unchanged \(d.integer) NOT NULL DEFAULT 0,
                reclassified \(d.integer) NOT NULL DEFAULT 0,
                removed \(d.integer) NOT NULL DEFAULT 0,
                errors \(d.integer) NOT NULL DEFAULT 0
            );
            CREATE TABLE postings (
                id TEXT PRIMARY KEY NOT NULL,
                content_hash TEXT NOT NULL,
                title TEXT,
                company TEXT,
                location TEXT,
                date_posted TEXT,
                employment_type TEXT,
                salary_text TEXT,
                first_seen TEXT NOT NULL,
                first_run \(d.integer) NOT NULL,
                model_version TEXT NOT NULL,
                taxonomy_version TEXT NOT NULL,
                analyzed_run \(d.integer) NOT NULL,
                role_id TEXT,
                secondary_role_id TEXT,
                nearest_role_id TEXT,
                confidence \(d.real) NOT NULL,
                explanation TEXT NOT NULL DEFAULT '{}',
                education TEXT,
                years_experience \(d.integer),
                seniority TEXT,
                workplace TEXT,
                salary_min \(d.real),
                salary_max \(d.real),
                salary_currency TEXT,
                salary_period TEXT,
                salary_source TEXT,
                domains TEXT NOT NULL DEFAULT '[]',
                company_key TEXT NOT NULL DEFAULT '',
                simhash \(d.integer),
                band0 \(d.integer), band1 \(d.integer), band2 \(d.integer), band3 \(d.integer),
                repost_of TEXT REFERENCES postings(id) ON DELETE SET NULL\(d.postingsRowID)
            );
            CREATE INDEX postings_band0 ON postings(company_key, band0);
            CREATE INDEX postings_band1 ON postings(company_key, band1);
            CREATE INDEX postings_band2 ON postings(company_key, band2);
            CREATE INDEX postings_band3 ON postings(company_key, band3);
            CREATE INDEX postings_repost_of ON postings(repost_of);
            CREATE INDEX postings_date ON postings(date_posted);
            CREATE TABLE role_scores (
                posting_id TEXT NOT NULL REFERENCES postings(id) ON DELETE CASCADE,
                rank \(d.integer) NOT NULL,
                role_id TEXT NOT NULL,
                name TEXT NOT NULL,
                kind TEXT NOT NULL,
                probability \(d.real) NOT NULL,
                PRIMARY KEY (posting_id, role_id)
            )\(d.withoutRowID);
            CREATE TABLE skills (
                posting_id TEXT NOT NULL REFERENCES postings(id) ON DELETE CASCADE,
                skill_id TEXT NOT NULL,
                position \(d.integer) NOT NULL,
                name TEXT NOT NULL,
                category TEXT NOT NULL,
                requirement TEXT NOT NULL,
                mentions \(d.integer) NOT NULL,
                evidence TEXT NOT NULL DEFAULT '[]',
                PRIMARY KEY (posting_id, skill_id)
            )\(d.withoutRowID);
            CREATE INDEX skills_skill ON skills(skill_id);
            CREATE TABLE sources (
                posting_id TEXT NOT NULL REFERENCES postings(id) ON DELETE CASCADE,
                path TEXT NOT NULL,
                row \(d.integer) NOT NULL DEFAULT 0,
                line \(d.integer) NOT NULL DEFAULT 0,
                content_hash TEXT NOT NULL,
                first_run \(d.integer) NOT NULL,
                last_run \(d.integer) NOT NULL,
                PRIMARY KEY (posting_id, path, row, line)
            )\(d.withoutRowID);
            CREATE INDEX sources_path ON sources(path, last_run);
            CREATE INDEX sources_last_run ON sources(last_run);
            CREATE TABLE files (
                path TEXT PRIMARY KEY NOT NULL,
                size \(d.integer) NOT NULL,
                modified \(d.real) NOT NULL,
                reader_options TEXT NOT NULL,
                model_version TEXT NOT NULL,
                taxonomy_version TEXT NOT NULL,
                postings \(d.integer) NOT NULL,
                row_errors \(d.integer) NOT NULL,
                last_run \(d.integer) NOT NULL
            );
            CREATE TABLE errors (
                id \(d.autoID),
                run_id \(d.integer) NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
                path TEXT NOT NULL,
                row \(d.integer),
                line \(d.integer),
                message TEXT NOT NULL,
                created_at TEXT NOT NULL
            );
            CREATE INDEX errors_run ON errors(run_id);
            """
        },
        // Where a posting's date came from when the posting did not carry it ("path"); NULL: its own.
        Migration(identifier: "postings.date_source") { _ in "ALTER TABLE postings ADD COLUMN date_source TEXT" },
        Migration(identifier: "v2-roles-ai-involvement") { d in
            """
            ALTER TABLE postings ADD COLUMN ai_involvement TEXT;
            CREATE TABLE posting_roles (
                posting_id TEXT NOT NULL REFERENCES postings(id) ON DELETE CASCADE,
                position \(d.integer) NOT NULL,
                title TEXT,
                role_id TEXT NOT NULL,
                PRIMARY KEY (posting_id, position)
            )\(d.withoutRowID);
            CREATE INDEX posting_roles_role ON posting_roles(role_id);
            """
        },
        // The process a run belongs to (`RunProcess.token`), so a SQLite store tells a killed run from a live one.
        Migration(identifier: "runs.process") { _ in "ALTER TABLE runs ADD COLUMN process TEXT" },
        // How a skill was found when the posting does not spell it (`SkillMention.inferred`: "title"); NULL: named.
        Migration(identifier: "skills.inferred") { _ in "ALTER TABLE skills ADD COLUMN inferred TEXT" },
    ]

    /// The migrations as GRDB runs them on a SQLite store.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        for migration in migrations {
            migrator.registerMigration(migration.identifier) { db in
                try db.execute(sql: migration.sql(.sqlite))
            }
        }
        return migrator
    }
}
