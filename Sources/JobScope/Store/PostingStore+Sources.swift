import Foundation
import GRDB

extension PostingStore {
    /// Where an analyzed posting was read, and the date it was posted, for re-reading its text.
    public struct StoredSource: Sendable, Hashable {
        public var postingID: String
        public var path: String
        /// 0 when the file holds one posting (as the store records it).
        public var row: Int
        public var line: Int
        /// `YYYY-MM-DD` or `YYYY-MM`, when the posting had a date.
        public var datePosted: String?
    }

    /// One source per posting (the first path in order), originals only (no near-duplicate reposts).
    public func postingSources() throws -> [StoredSource] {
        try pool.read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT s.posting_id, s.path, s.row, s.line, p.date_posted FROM sources s
                JOIN postings p ON p.id = s.posting_id WHERE p.repost_of IS NULL
                ORDER BY s.posting_id, s.path, s.row, s.line
                """)
            var seen = Set<String>()
            var result: [StoredSource] = []
            for row in rows {
                let id: String = row[0]
                guard seen.insert(id).inserted else { continue }
                result.append(StoredSource(postingID: id, path: row[1], row: row[2], line: row[3], datePosted: row[4]))
            }
            return result
        }
    }
}
