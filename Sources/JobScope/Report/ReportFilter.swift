import Foundation

/// Which postings a report covers, besides dates: every field given must match (they combine with AND).
/// Text fields match case-insensitively anywhere in the posting's value (`--company acme` matches "Acme Corp").
public struct ReportFilter: Sendable, Codable, Hashable {
    public var company: String?
    public var location: String?
    /// Matched against the source file's path and the collection name.
    public var source: String?
    /// A seniority level id (`senior`).
    public var seniority: String?
    public var workplace: Workplace?

    public init(company: String? = nil, location: String? = nil, source: String? = nil, seniority: String? = nil,
                workplace: Workplace? = nil) {
        self.company = company
        self.location = location
        self.source = source
        self.seniority = seniority
        self.workplace = workplace
    }

    /// No field set: every posting passes.
    public var isEmpty: Bool { self == ReportFilter() }

    /// Whether `record` (from `collection`) passes every field given.
    public func admits(_ record: ReportRecord, collection: String) -> Bool {
        func has(_ value: String?, _ needle: String?) -> Bool {
            guard let needle else { return true }
            return value?.range(of: needle, options: [.caseInsensitive, .diacriticInsensitive]) != nil
        }
        if !has(record.company, company) || !has(record.location, location) { return false }
        if let source, !has(record.sourcePath, source) && !has(collection, source) { return false }
        if let seniority, record.attributes.seniority != seniority { return false }
        if let workplace, record.attributes.workplace != workplace { return false }
        return true
    }

    /// The filters in words (`company "acme" · remote`), empty when none.
    public var parts: [String] {
        var parts: [String] = []
        if let company { parts.append("company \"\(company)\"") }
        if let location { parts.append("location \"\(location)\"") }
        if let source { parts.append("source \"\(source)\"") }
        if let seniority { parts.append("seniority \(seniority)") }
        if let workplace { parts.append(workplace.rawValue) }
        return parts
    }
}
