import Foundation

/// Writes `PostingExportRecord`s to a file, one per posting: JSON Lines (`.jsonl`, for `jq`) or CSV (`.csv`, for a
/// spreadsheet; lists joined with "; "). Buffered, so a large export streams in constant memory.
public final class PostingExportWriter {
    /// The file formats `--output` can write.
    public enum Format: String, Sendable, CaseIterable {
        case jsonl, csv
    }

    /// CSV columns, in order.
    public static let csvColumns = [
        "id", "sources", "title", "company", "location", "date_posted", "role", "secondary_role", "nearest_role",
        "confidence", "roles", "skills", "required_skills", "preferred_skills", "skill_evidence", "education",
        "years_experience", "seniority", "workplace", "salary_min", "salary_max", "salary_currency",
        "salary_period", "domains", "repost_of", "model_version", "ai_involvement", "hired_roles",
    ]

    public let path: String
    public let format: Format
    private let handle: FileHandle
    private var buffer = Data()
    private let encoder: JSONEncoder
    /// Records written so far.
    public private(set) var count = 0

    /// Creates (or truncates) `path`; the format follows its extension.
    public init(path: String) throws {
        guard let format = Format(rawValue: (path as NSString).pathExtension.lowercased()) else {
            throw StoreError.unsupportedOutput(path: path)
        }
        self.path = path
        self.format = format
        guard FileManager.default.createFile(atPath: path, contents: nil),
              let handle = FileHandle(forWritingAtPath: path) else {
            throw StoreError.cannotWriteOutput(path: path, reason: "cannot create the file")
        }
        self.handle = handle
        encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        if format == .csv {
            buffer.append(Data((PostingExportWriter.csvColumns.joined(separator: ",") + "\n").utf8))
        }
    }

    /// Appends one record.
    public func write(_ record: PostingExportRecord) throws {
        switch format {
        case .jsonl:
            buffer.append(try encoder.encode(record))
            buffer.append(0x0A)
        case .csv:
            buffer.append(Data((PostingExportWriter.csvRow(record).map(PostingExportWriter.csvField)
                .joined(separator: ",") + "\n").utf8))
        }
        count += 1
        if buffer.count >= 1 << 16 { try flush() }
    }

    /// Writes what is buffered and closes the file.
    public func close() throws {
        try flush()
        try handle.close()
    }

    private func flush() throws {
        do {
            try handle.write(contentsOf: buffer)
        } catch {
            throw StoreError.cannotWriteOutput(path: path, reason: error.localizedDescription)
        }
        buffer.removeAll(keepingCapacity: true)
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

    /// RFC 4180 quoting: a field with a comma, quote or line break is quoted, quotes doubled.
    static func csvField(_ value: String) -> String {
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
