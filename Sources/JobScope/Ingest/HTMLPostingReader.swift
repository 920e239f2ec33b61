import Foundation

/// Reads postings from an HTML page: schema.org JobPosting JSON-LD first (several per page, `@graph`,
/// arrays, slightly broken blocks repaired), then microdata, else the page's visible text.
struct HTMLPostingReader: Sendable {
    var builder: PostingBuilder

    init(options: ReaderOptions) {
        builder = PostingBuilder(options: options)
    }

    func read(_ bytes: [UInt8], path: String) throws -> FileReadResult {
        var bytes = bytes
        var encoding = CharsetDetector.htmlEncoding(bytes)
        if encoding == "windows-1252" {
            // Transcoded here rather than by iconv, which rejects the five bytes Windows-1252 leaves undefined.
            bytes = CharsetDetector.windows1252ToUTF8(bytes)
            encoding = "UTF-8"
        }
        // Most pages carry their postings in full in JSON-LD: the parser stops after the last block, and
        // only a page that also needs its own title, text or microdata is parsed again in full.
        func parse(stopAfterJSONLD: Bool) throws -> HTMLPage {
            guard let page = HTMLPage(bytes, encoding: encoding, stopAfterJSONLD: stopAfterJSONLD)
                    ?? HTMLPage(bytes, encoding: nil) else {
                throw IngestError.noPostings(path: path, reason: "libxml2 could not parse the page")
            }
            return page
        }
        var page = try parse(stopAfterJSONLD: true)
        var records = jsonLDRecords(page)
        if page.isPartial && !Self.jsonLDSuffices(records) {
            // The JSON-LD blocks were all read, so `records` stands; the rest of the page is wanted too.
            page = try parse(stopAfterJSONLD: false)
        }
        if records.isEmpty, let record = microdataRecord(page) { records = [record] }
        if records.isEmpty {
            var record = PostingRecord()
            record.fields[.title] = page.heading ?? page.title
            record.fields[.description] = TextRepair.renderedText(page.text)
            record.bodyIsText = true
            let header = PageHeaderLines(text: page.text, heading: page.heading)
            record.fields[.date] = page.metaDate ?? page.timeDate ?? header.postedOn
            record.fields[.company] = header.company
            record.fields[.location] = header.location
            records = [record]
        } else if records.count == 1, records[0].fields[.date] == nil, !page.isPartial {
            records[0].fields[.date] = page.metaDate ?? page.timeDate
        }
        var result = FileReadResult(postings: [], format: .html)
        for (index, var record) in records.enumerated() {
            if record.fields[.description] == nil {
                record.fields[.description] = TextRepair.renderedText(page.text)
                record.bodyIsText = true
            }
            if records.count == 1, record.fields[.title] == nil { record.fields[.title] = page.heading ?? page.title }
            let source = PostingSource(path: path, line: records.count > 1 ? index + 1 : nil)
            if let posting = builder.posting(from: record, source: source) { result.postings.append(posting) }
        }
        if result.postings.isEmpty {
            throw IngestError.noPostings(path: path, reason: "the page has no visible text")
        }
        return result
    }

    /// Whether the JSON-LD records alone make the postings: `read` then takes nothing else from the page
    /// (microdata, text and heading only fill in for no records, a missing description, or the title of
    /// a page's only posting).
    static func jsonLDSuffices(_ records: [PostingRecord]) -> Bool {
        guard let first = records.first else { return false }
        return records.allSatisfy { $0.fields[.description] != nil } && (records.count > 1 || first.fields[.title] != nil)
    }

    /// JobPosting records from every JSON-LD block that parses (after repair); broken blocks are skipped.
    private func jsonLDRecords(_ page: HTMLPage) -> [PostingRecord] {
        var records: [PostingRecord] = []
        for block in page.jsonLD {
            let value = FastJSON.parse(block)
                ?? (try? JSONSerialization.jsonObject(with: block, options: [.fragmentsAllowed]))
                ?? (try? JSONSerialization.jsonObject(with: Data(JSONRepair.repair(Array(block))), options: [.fragmentsAllowed]))
            guard let value else { continue }
            records += JobPostingLD.postings(in: value).map(JobPostingLD.record(from:))
        }
        return records
    }

    /// A record from schema.org microdata, when the page marks up at least a title or a description.
    private func microdataRecord(_ page: HTMLPage) -> PostingRecord? {
        var values: [String: String] = [:]
        for (name, value) in page.microdata where values[name] == nil { values[name] = value }
        guard values["title"] != nil || values["description"] != nil else { return nil }
        var record = PostingRecord()
        record.fields[.title] = values["title"] ?? values["name"]
        if let description = values["description"] {
            record.fields[.description] = TextRepair.renderedText(description)
            record.bodyIsText = true
        }
        record.fields[.date] = values["datePosted"]
        record.fields[.company] = values["hiringOrganization.name"] ?? values["hiringOrganization"]
        let place = ["addressLocality", "addressRegion", "addressCountry"].compactMap {
            values["jobLocation.address.\($0)"] ?? values["jobLocation.\($0)"]
        }
        record.fields[.location] = place.isEmpty ? (values["jobLocation.name"] ?? values["jobLocation"]) : place.joined(separator: ", ")
        record.fields[.employmentType] = values["employmentType"]
        if let low = values["baseSalary.value.minValue"], let high = values["baseSalary.value.maxValue"] {
            record.fields[.salary] = [values["baseSalary.currency"], "\(low)–\(high)", values["baseSalary.value.unitText"].map { "per \($0)" }]
                .compactMap { $0 }.joined(separator: " ")
        } else {
            record.fields[.salary] = values["baseSalary"] ?? values["baseSalary.value"]
        }
        record.fields[.industry] = values["industry"]
        if let skills = values["skills"] { record.listedSkills = PostingBuilder.splitList(skills) }
        return record
    }
}
