import Foundation

/// Records from the JSON that job boards' APIs export, told apart by their keys (each shape's own key
/// names would map wrongly by the generic column aliases, e.g. Lever's `text` is the title):
///
/// - Greenhouse (`boards-api …/jobs?content=true`): `title`, `content` (escaped HTML), `location.name`,
///   `updated_at` (`first_published` when present), `departments[].name`, `absolute_url`, `company_name`.
/// - Lever (`/v0/postings/<site>`): `text` (the title), `description`/`descriptionPlain`, `lists[]` of
///   `{text, content}` sections, `additional`, `categories.{location, team, commitment}`, `createdAt`
///   (epoch milliseconds), `hostedUrl`, `workplaceType`, `salaryRange`.
/// - Ashby (`posting-api/job-board/<org>`): `title`, `descriptionHtml`/`descriptionPlain`, `publishedAt`,
///   `location`, `department`, `team`, `employmentType`, `isRemote`, `jobUrl`, `compensation`.
/// - Hacker News comments: Algolia's (`comment_text`, `created_at`, `story_title`) and Firebase's
///   (`type: "comment"`, `text`, `time`, `by`), read by `HackerNewsPost`.
enum JobBoardExport {
    enum Shape: String, Sendable {
        case greenhouse, lever, ashby, hackerNews = "hacker_news"
    }

    /// The shape an object has, or nil for any other object.
    static func shape(of object: [String: Any]) -> Shape? {
        if object["comment_text"] is String || (object["type"] as? String == "comment" && object["text"] != nil) {
            return .hackerNews
        }
        if object["text"] is String, object["descriptionPlain"] != nil || object["lists"] != nil || object["categories"] != nil,
           object["createdAt"] != nil || object["hostedUrl"] != nil {
            return .lever
        }
        if object["content"] is String, object["title"] != nil,
           object["absolute_url"] != nil || object["departments"] != nil || object["updated_at"] != nil {
            return .greenhouse
        }
        if object["title"] != nil, object["descriptionHtml"] != nil || object["descriptionPlain"] != nil,
           object["publishedAt"] != nil || object["jobUrl"] != nil || object["isRemote"] != nil {
            return .ashby
        }
        return nil
    }

    /// The record for an object of a known shape; nil when the object is of none, or is a Hacker News
    /// comment that is no job post (its error says so).
    static func record(from object: [String: Any], shape: Shape) -> PostingRecord? {
        switch shape {
        case .greenhouse: return greenhouse(object)
        case .lever: return lever(object)
        case .ashby: return ashby(object)
        case .hackerNews: return hackerNews(object)
        }
    }

    private static func string(_ value: Any?) -> String? { JobPostingLD.text(value) }

    private static func names(_ value: Any?) -> String? {
        guard let array = value as? [Any] else { return string(value) }
        let names = array.compactMap { string(($0 as? [String: Any])?["name"] ?? $0) }
        return names.isEmpty ? nil : names.joined(separator: ", ")
    }

    static func greenhouse(_ o: [String: Any]) -> PostingRecord {
        var r = PostingRecord()
        r.fields[.title] = string(o["title"])
        r.fields[.description] = string(o["content"])
        r.fields[.location] = string((o["location"] as? [String: Any])?["name"] ?? o["location"])
        r.fields[.date] = string(o["first_published"]) ?? string(o["updated_at"])
        r.fields[.company] = string(o["company_name"])
        if let departments = names(o["departments"]) { r.extra["department"] = departments }
        if let url = string(o["absolute_url"]) { r.extra["url"] = url }
        r.extra["source_kind"] = Shape.greenhouse.rawValue
        return r
    }

    static func lever(_ o: [String: Any]) -> PostingRecord {
        var r = PostingRecord()
        r.fields[.title] = string(o["text"])
        var html = string(o["description"]) ?? string(o["descriptionPlain"]).map(escapedParagraphs) ?? ""
        for case let list as [String: Any] in (o["lists"] as? [Any]) ?? [] {
            let heading = string(list["text"]).map(escape) ?? ""
            html += "<h3>\(heading)</h3><ul>\(string(list["content"]) ?? "")</ul>"
        }
        if let additional = string(o["additional"]) ?? string(o["additionalPlain"]).map(escapedParagraphs) {
            html += additional
        }
        r.fields[.description] = html
        let categories = o["categories"] as? [String: Any] ?? [:]
        r.fields[.location] = string(categories["location"]) ?? names(categories["allLocations"])
        r.fields[.employmentType] = string(categories["commitment"])
        if let team = string(categories["team"]) { r.extra["team"] = team }
        if let department = string(categories["department"]) { r.extra["department"] = department }
        r.fields[.date] = string(o["createdAt"])
        if let workplace = string(o["workplaceType"]) { r.extra["workplace_type"] = workplace }
        if let url = string(o["hostedUrl"]) { r.extra["url"] = url }
        if let range = o["salaryRange"] as? [String: Any], let low = string(range["min"]), let high = string(range["max"]) {
            r.fields[.salary] = [string(range["currency"]), "\(low)–\(high)", string(range["interval"])]
                .compactMap { $0 }.joined(separator: " ")
        }
        r.extra["source_kind"] = Shape.lever.rawValue
        return r
    }

    static func ashby(_ o: [String: Any]) -> PostingRecord {
        var r = PostingRecord()
        r.fields[.title] = string(o["title"])
        r.fields[.description] = string(o["descriptionHtml"]) ?? string(o["descriptionPlain"])
        r.fields[.location] = string(o["location"]) ?? string((o["address"] as? [String: Any])?["postalAddress"])
        r.fields[.date] = string(o["publishedAt"]) ?? string(o["publishedDate"])
        r.fields[.employmentType] = string(o["employmentType"])
        if let department = string(o["department"]) { r.extra["department"] = department }
        if let team = string(o["team"]) { r.extra["team"] = team }
        if let remote = o["isRemote"] as? Bool { r.extra["remote"] = remote ? "true" : "false" }
        if let url = string(o["jobUrl"]) { r.extra["url"] = url }
        if let compensation = o["compensation"] as? [String: Any] {
            r.fields[.salary] = string(compensation["compensationTierSummary"]) ?? string(compensation["scrapeableCompensationSalarySummary"])
        }
        r.extra["source_kind"] = Shape.ashby.rawValue
        return r
    }

    static func hackerNews(_ o: [String: Any]) -> PostingRecord? {
        guard let html = string(o["comment_text"]) ?? string(o["text"]) else { return nil }
        let text = TextRepair.body(html)
        let date = string(o["created_at"]) ?? string(o["time"]) ?? string(o["created_at_i"])
        guard var record = HackerNewsPost.record(text: text, date: date) else { return nil }
        if let author = string(o["author"]) ?? string(o["by"]) { record.extra["author"] = author }
        if let id = string(o["objectID"]) ?? string(o["id"]) { record.extra["hn_id"] = id }
        if let thread = string(o["story_title"]) { record.extra["thread"] = thread }
        return record
    }

    private static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }

    /// Plain text as HTML paragraphs, so it joins the sections' markup.
    private static func escapedParagraphs(_ text: String) -> String {
        text.components(separatedBy: "\n").map { "<p>\(escape($0))</p>" }.joined()
    }
}
