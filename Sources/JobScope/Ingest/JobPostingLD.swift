import Foundation

/// schema.org `JobPosting` objects as JSON-LD (or plain JSON) carries them: finding them in `@graph`,
/// arrays and wrappers, and reading their fields into a `PostingRecord`.
enum JobPostingLD {
    /// Every JobPosting object in a parsed JSON value, in document order.
    static func postings(in value: Any, depth: Int = 0) -> [[String: Any]] {
        guard depth < 6 else { return [] }
        if let array = value as? [Any] {
            return array.flatMap { postings(in: $0, depth: depth + 1) }
        }
        guard let object = value as? [String: Any] else { return [] }
        if isJobPosting(object) { return [object] }
        var found: [[String: Any]] = []
        for key in ["@graph", "mainEntity", "mainEntityOfPage", "itemListElement", "item"] {
            if let inner = object[key] { found += postings(in: inner, depth: depth + 1) }
        }
        return found
    }

    /// Whether `@type` is (or lists) JobPosting.
    static func isJobPosting(_ object: [String: Any]) -> Bool {
        switch object["@type"] {
        case let type as String: return type.hasSuffix("JobPosting")
        case let types as [Any]: return types.contains { ($0 as? String)?.hasSuffix("JobPosting") == true }
        default: return false
        }
    }

    /// The record a JobPosting object describes.
    static func record(from object: [String: Any]) -> PostingRecord {
        var record = PostingRecord()
        record.fields[.title] = text(object["title"]) ?? text(object["name"])
        record.fields[.description] = text(object["description"])
        record.fields[.date] = text(object["datePosted"]) ?? text(object["dateCreated"])
        record.fields[.company] = organizationName(object["hiringOrganization"])
        record.fields[.location] = location(object["jobLocation"])
            ?? (object["jobLocationType"] as? String == "TELECOMMUTE" ? "Remote" : nil)
        record.fields[.employmentType] = list(object["employmentType"]).map(employmentTypeLabel)
        record.fields[.salary] = salary(object["baseSalary"]) ?? salary(object["estimatedSalary"])
        record.fields[.industry] = list(object["industry"])
        record.fields[.seniority] = text(object["experienceRequirements"]).flatMap { $0.count <= 80 ? $0 : nil }
        if let skills = object["skills"] {
            if let array = skills as? [Any] {
                record.listedSkills = array.compactMap { text($0) }
            } else if let joined = text(skills) {
                record.listedSkills = PostingBuilder.splitList(joined)
            }
        }
        if let category = list(object["occupationalCategory"]) { record.extra["occupational_category"] = category }
        if let through = text(object["validThrough"]) { record.extra["valid_through"] = through }
        if let url = text(object["url"]) { record.extra["url"] = url }
        if let type = text(object["jobLocationType"]) { record.extra["job_location_type"] = type }
        return record
    }

    /// A scalar as text: strings as they are, numbers printed, objects by their `name`/`@value`.
    static func text(_ value: Any?) -> String? {
        switch value {
        // NSNumber last: casting a dictionary or array to it bridges the whole collection first.
        case let s as String:
            return s.isEmpty ? nil : s
        case let object as [String: Any]:
            return text(object["name"]) ?? text(object["@value"]) ?? text(object["value"])
        case let array as [Any]:
            return array.lazy.compactMap { text($0) }.first
        case let n as NSNumber:
            return n.stringValue
        default:
            return nil
        }
    }

    /// A list value joined with ", " (`employmentType: ["FULL_TIME", "CONTRACTOR"]`).
    static func list(_ value: Any?) -> String? {
        if let array = value as? [Any] {
            let parts = array.compactMap { text($0) }
            return parts.isEmpty ? nil : parts.joined(separator: ", ")
        }
        return text(value)
    }

    /// schema.org's enumeration values (`FULL_TIME`, `CONTRACTOR`) in the words job boards use.
    static func employmentTypeLabel(_ value: String) -> String {
        // ASCII values (all real ones) take a byte path; others go through Foundation, whose Unicode case
        // mapping and matching the label lookup is defined by.
        if let label = asciiEmploymentTypeLabel(value) { return label }
        return value.components(separatedBy: ", ").map { part -> String in
            label(forKey: part.uppercased().replacingOccurrences(of: "-", with: "_").replacingOccurrences(of: " ", with: "_")) ?? part
        }.joined(separator: ", ")
    }

    /// `employmentTypeLabel` for an ASCII value (nil otherwise): split on ", ", each part uppercased with
    /// `-` and spaces as `_`, byte by byte.
    private static func asciiEmploymentTypeLabel(_ value: String) -> String? {
        var value = value
        return value.withUTF8 { bytes -> String? in
            var key: [UInt8] = []
            key.reserveCapacity(16)
            var labels: [String] = []
            var start = 0
            var i = 0
            let n = bytes.count
            while i <= n {
                if i < n, bytes[i] >= 0x80 { return nil }
                guard i == n || (bytes[i] == UInt8(ascii: ",") && i + 1 < n && bytes[i + 1] == 0x20) else { i += 1; continue }
                key.removeAll(keepingCapacity: true)
                for b in bytes[start..<i] {
                    key.append(b == UInt8(ascii: "-") || b == 0x20 ? UInt8(ascii: "_") : (b >= 0x61 && b <= 0x7A ? b - 0x20 : b))
                }
                let part = UnsafeBufferPointer(rebasing: bytes[start..<i])
                labels.append(label(forKey: String(decoding: key, as: UTF8.self)) ?? String(decoding: part, as: UTF8.self))
                i += 2
                start = i
            }
            return labels.joined(separator: ", ")
        }
    }

    /// The label for an uppercased enumeration key, or nil when it is not one.
    private static func label(forKey key: String) -> String? {
        switch key {
        case "FULL_TIME", "FULLTIME": return "Full-time"
        case "PART_TIME", "PARTTIME": return "Part-time"
        case "CONTRACTOR", "CONTRACT": return "Contract"
        case "TEMPORARY": return "Temporary"
        case "INTERN", "INTERNSHIP": return "Internship"
        case "VOLUNTEER": return "Volunteer"
        case "PER_DIEM": return "Per diem"
        case "OTHER": return "Other"
        default: return nil
        }
    }

    static func organizationName(_ value: Any?) -> String? {
        if let object = value as? [String: Any] { return text(object["name"]) ?? text(object["legalName"]) }
        return text(value)
    }

    /// `Place` → "locality, region, country"; several places joined with "; ".
    static func location(_ value: Any?) -> String? {
        if let array = value as? [Any] {
            let parts = array.compactMap { location($0) }
            return parts.isEmpty ? nil : parts.joined(separator: "; ")
        }
        guard let place = value as? [String: Any] else { return text(value) }
        if let address = place["address"] as? [String: Any] {
            let parts = ["addressLocality", "addressRegion", "addressCountry"].compactMap { key -> String? in
                if let country = address[key] as? [String: Any] { return text(country["name"]) }
                return text(address[key])
            }
            if !parts.isEmpty { return parts.joined(separator: ", ") }
            if let street = text(address["streetAddress"]) { return street }
        }
        if let address = place["address"] as? String { return address }
        return text(place["name"])
    }

    /// `MonetaryAmount` → "USD 100000–150000 per YEAR"; a bare number or string as written.
    static func salary(_ value: Any?) -> String? {
        guard let amount = value as? [String: Any] else { return text(value) }
        let currency = text(amount["currency"])
        var range: String?
        var unit: String?
        if let quantity = amount["value"] as? [String: Any] {
            let low = text(quantity["minValue"]), high = text(quantity["maxValue"]), single = text(quantity["value"])
            if let low, let high { range = "\(low)–\(high)" } else { range = single ?? low ?? high }
            unit = text(quantity["unitText"])
        } else {
            range = text(amount["value"])
            if range == nil, let low = text(amount["minValue"]), let high = text(amount["maxValue"]) {
                range = "\(low)–\(high)"
            }
        }
        unit = unit ?? text(amount["unitText"])
        guard let range else { return nil }
        return [currency, range, unit.map { "per \($0)" }].compactMap { $0 }.joined(separator: " ")
    }
}
