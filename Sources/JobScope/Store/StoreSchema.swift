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
enum StoreSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: """
                CREATE TABLE runs (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    started_at TEXT NOT NULL,
                    finished_at TEXT,
                    status TEXT NOT NULL DEFAULT 'running',
                    model_version TEXT NOT NULL,
                    taxonomy_version TEXT NOT NULL,
                    inputs TEXT NOT NULL DEFAULT '',
                    files_read INTEGER NOT NULL DEFAULT 0,
                    files_skipped INTEGER NOT NULL DEFAULT 0,
                    new_postings INTEGER NOT NULL DEFAULT 0,
                    reposts INTEGER NOT NULL DEFAULT 0,
                    duplicates INTEGER NOT NULL DEFAULT 0,
                    unchanged INTEGER NOT NULL DEFAULT 0,
                    reclassified INTEGER NOT NULL DEFAULT 0,
                    removed INTEGER NOT NULL DEFAULT 0,
                    errors INTEGER NOT NULL DEFAULT 0
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
                    first_run INTEGER NOT NULL,
                    model_version TEXT NOT NULL,
                    taxonomy_version TEXT NOT NULL,
                    analyzed_run INTEGER NOT NULL,
                    role_id TEXT,
                    secondary_role_id TEXT,
                    nearest_role_id TEXT,
                    confidence REAL NOT NULL,
                    explanation TEXT NOT NULL DEFAULT '{}',
                    education TEXT,
                    years_experience INTEGER,
                    seniority TEXT,
                    workplace TEXT,
                    salary_min REAL,
                    salary_max REAL,
                    salary_currency TEXT,
                    salary_period TEXT,
                    salary_source TEXT,
                    domains TEXT NOT NULL DEFAULT '[]',
                    company_key TEXT NOT NULL DEFAULT '',
                    simhash INTEGER,
                    band0 INTEGER, band1 INTEGER, band2 INTEGER, band3 INTEGER,
                    repost_of TEXT REFERENCES postings(id) ON DELETE SET NULL
                );
                CREATE INDEX postings_band0 ON postings(company_key, band0);
                CREATE INDEX postings_band1 ON postings(company_key, band1);
                CREATE INDEX postings_band2 ON postings(company_key, band2);
                CREATE INDEX postings_band3 ON postings(company_key, band3);
                CREATE INDEX postings_repost_of ON postings(repost_of);
                CREATE INDEX postings_date ON postings(date_posted);
                CREATE TABLE role_scores (
                    posting_id TEXT NOT NULL REFERENCES postings(id) ON DELETE CASCADE,
                    rank INTEGER NOT NULL,
                    role_id TEXT NOT NULL,
                    name TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    probability REAL NOT NULL,
                    PRIMARY KEY (posting_id, role_id)
                ) WITHOUT ROWID;
                CREATE TABLE skills (
                    posting_id TEXT NOT NULL REFERENCES postings(id) ON DELETE CASCADE,
                    skill_id TEXT NOT NULL,
                    position INTEGER NOT NULL,
                    name TEXT NOT NULL,
                    category TEXT NOT NULL,
                    requirement TEXT NOT NULL,
                    mentions INTEGER NOT NULL,
                    evidence TEXT NOT NULL DEFAULT '[]',
                    PRIMARY KEY (posting_id, skill_id)
                ) WITHOUT ROWID;
                CREATE INDEX skills_skill ON skills(skill_id);
                CREATE TABLE sources (
                    posting_id TEXT NOT NULL REFERENCES postings(id) ON DELETE CASCADE,
                    path TEXT NOT NULL,
                    row INTEGER NOT NULL DEFAULT 0,
                    line INTEGER NOT NULL DEFAULT 0,
                    content_hash TEXT NOT NULL,
                    first_run INTEGER NOT NULL,
                    last_run INTEGER NOT NULL,
                    PRIMARY KEY (posting_id, path, row, line)
                ) WITHOUT ROWID;
                CREATE INDEX sources_path ON sources(path, last_run);
                CREATE INDEX sources_last_run ON sources(last_run);
                CREATE TABLE files (
                    path TEXT PRIMARY KEY NOT NULL,
                    size INTEGER NOT NULL,
                    modified REAL NOT NULL,
                    reader_options TEXT NOT NULL,
                    model_version TEXT NOT NULL,
                    taxonomy_version TEXT NOT NULL,
                    postings INTEGER NOT NULL,
                    row_errors INTEGER NOT NULL,
                    last_run INTEGER NOT NULL
                );
                CREATE TABLE errors (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
                    path TEXT NOT NULL,
                    row INTEGER,
                    line INTEGER,
                    message TEXT NOT NULL,
                    created_at TEXT NOT NULL
                );
                CREATE INDEX errors_run ON errors(run_id);
                """)
        }
        // Where a posting's date came from when the posting did not carry it ("path"); NULL: its own.
        migrator.registerMigration("postings.date_source") { db in
            try db.execute(sql: "ALTER TABLE postings ADD COLUMN date_source TEXT")
        }
        migrator.registerMigration("v2-roles-ai-involvement") { db in
            try db.execute(sql: """
                ALTER TABLE postings ADD COLUMN ai_involvement TEXT;
                CREATE TABLE posting_roles (
                    posting_id TEXT NOT NULL REFERENCES postings(id) ON DELETE CASCADE,
                    position INTEGER NOT NULL,
                    title TEXT,
                    role_id TEXT NOT NULL,
                    PRIMARY KEY (posting_id, position)
                ) WITHOUT ROWID;
                CREATE INDEX posting_roles_role ON posting_roles(role_id);
                """)
        }
        return migrator
    }
}
