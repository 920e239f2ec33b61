import Foundation

/// Writes `PostingExportRecord`s to a file, one per posting: JSON Lines (`.jsonl`, for `jq`) or CSV (`.csv`, for a
/// spreadsheet; lists joined with "; "; cells a spreadsheet would run defused, see `CSVCell`). Buffered, so a large
/// export streams in constant memory; written to a temporary file that replaces `path` only on `close()`, so a
/// failed export leaves an older file at `path` whole.
public final class PostingExportWriter {
    /// The file formats `--output` can write.
    public enum Format: String, Sendable, CaseIterable {
        case jsonl, csv
    }

    /// CSV columns, in order.
    public static let csvColumns = [
        "id", "sources", "title", "company", "location", "date_posted", "role_id", "secondary_role_id", "nearest_role_id",
        "confidence", "roles", "skills", "required_skills", "preferred_skills", "skill_evidence", "education",
        "years_experience", "seniority", "workplace", "salary_min", "salary_max", "salary_currency",
        "salary_period", "domains", "repost_of", "model_version", "ai_involvement", "hired_roles",
    ]

    public let path: String
    public let format: Format
    /// CSV cells written as they are, formulas included (`--raw-csv`).
    public let rawCSV: Bool
    private let file: OutputFile
    private let encoder: JSONEncoder
    /// Records written so far.
    public private(set) var count = 0

    /// Starts writing `path` (in place at `close()`); the format follows its extension.
    public init(path: String, rawCSV: Bool = false) throws {
        guard let format = Format(rawValue: (path as NSString).pathExtension.lowercased()) else {
            throw StoreError.unsupportedOutput(path: path)
        }
        self.path = path
        self.format = format
        self.rawCSV = rawCSV
        file = try OutputFile(path: path)
        encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        if format == .csv {
            try file.write(PostingExportWriter.csvColumns.joined(separator: ",") + "\n")
        }
    }

    /// Appends one record.
    public func write(_ record: PostingExportRecord) throws {
        switch format {
        case .jsonl:
            try file.write(try encoder.encode(record))
            try file.write("\n")
        case .csv:
            try file.write(PostingExportWriter.csvRow(record).map { CSVCell.field($0, raw: rawCSV) }
                .joined(separator: ",") + "\n")
        }
        count += 1
    }

    /// Writes what is buffered and puts the file in place.
    public func close() throws {
        try file.commit()
    }

    /// Drops what was written; the file at `path` stays as it was.
    public func discard() {
        file.discard()
    }

    static func csvRow(_ r: PostingExportRecord) -> [String] {
        func number(_ value: Double?) -> String { value.map { String(format: "%g", $0) } ?? "" }
        let a = r.attributes
        return [
            r.id, r.sources.map(\.description).joined(separator: "; "), r.title ?? "", r.company ?? "",
            r.location ?? "", r.datePosted?.description ?? "", r.role, r.secondaryRoleID ?? "",
            r.nearestRoleID ?? "", String(format: "%.3f", r.confidence),
            r.roles.map { "\($0.roleID)=\(String(format: "%.3f", $0.probability))" }.joined(separator: "; "),
            r.skills.map { "\($0.skillID) (\($0.category.rawValue))" }.joined(separator: "; "),
            r.skills.filter { $0.requirement == .required }.map(\.skillID).joined(separator: "; "),
            r.skills.filter { $0.requirement == .preferred }.map(\.skillID).joined(separator: "; "),
            r.skills.compactMap { s in s.evidence.first.map { "\(s.skillID): \($0.snippet)" } }.joined(separator: " | "),
            a.education ?? "", a.yearsExperience.map(String.init) ?? "", a.seniority ?? "",
            a.workplace?.rawValue ?? "", number(a.salary?.minimum), number(a.salary?.maximum),
            a.salary?.currency ?? "", a.salary?.period.rawValue ?? "", a.domains.joined(separator: "; "),
            r.repostOf ?? "", r.modelVersion, r.aiInvolvement?.rawValue ?? "", r.hiredRoles.joined(separator: "; "),
        ]
    }
}
