import Foundation

/// A posting field that export columns and JSON keys map onto.
public enum PostingField: String, Sendable, CaseIterable, Codable {
    case title, description, company, location, date
    case employmentType = "employment_type"
    case salary, skills, seniority, industry

    /// Names real exports use for this field, normalized (lowercase, no spaces, `_` or `-`), best first.
    public var aliases: [String] {
        switch self {
        case .title: return ["title", "jobtitle", "positiontitle", "position", "jobname", "role", "name"]
        case .description:
            return ["description", "jobdescription", "descriptionhtml", "descriptiontext", "body", "text",
                    "html", "content", "jobdetails", "details"]
        case .company:
            return ["company", "companyname", "company_name", "employer", "employername", "organization",
                    "hiringorganization", "organisation"]
        case .location: return ["location", "joblocation", "city", "place", "locationname"]
        case .date:
            return ["dateposted", "date", "publishedat", "published", "posted", "postedat", "postingdate",
                    "created", "createdat", "datecreated", "timeposted", "postedtime",
                    // LinkedIn's epoch-millisecond columns (first listing before a relisting), board
                    // exports' own names, and a scrape's date (the best a scraped set has).
                    "originallistedtime", "listedtime", "updatedat", "firstseen", "datascrapingdate",
                    "scrapingdate", "scrapedate", "datescraped"]
        case .employmentType: return ["employmenttype", "jobtype", "contracttype", "worktype"]
        case .salary: return ["salary", "salaryestimate", "salaryrange", "basesalary", "pay", "compensation"]
        case .skills: return ["skills", "requiredskills", "skilllist"]
        case .seniority: return ["seniority", "senioritylevel", "experiencelevel", "level"]
        case .industry: return ["industry", "industries"]
        }
    }

    /// The field a column or key name denotes, if any.
    public init?(columnName: String) {
        let key = PostingField.normalize(columnName)
        guard let field = PostingField.byAlias[key] else { return nil }
        self = field
    }

    /// The field an override key (`title`, `employment_type`, `employmentType`, …) names.
    public init?(overrideName: String) {
        let key = PostingField.normalize(overrideName)
        guard let field = PostingField.allCases.first(where: { PostingField.normalize($0.rawValue) == key })
        else { return nil }
        self = field
    }

    /// Lowercase, without white space, `_`, `-` or `.`: "Job Title", "job_title" and "jobTitle" meet.
    static func normalize(_ name: String) -> String {
        // ASCII names (nearly all) over bytes: lowercasing ASCII is A-Z up by 0x20, the dropped marks are ASCII.
        normalizeASCII(name) ?? normalizeScalars(name)
    }

    /// `normalize` scalar by scalar, for any name.
    static func normalizeScalars(_ name: String) -> String {
        String(String.UnicodeScalarView(name.lowercased().unicodeScalars.filter {
            !($0 == " " || $0 == "_" || $0 == "-" || $0 == "." || $0 == "\u{FEFF}" || $0 == "\t" || $0 == "\r" || $0 == "\n")
        }))
    }

    /// `normalize` of an all-ASCII name, computed over its bytes; nil when the name is not ASCII.
    static func normalizeASCII(_ name: String) -> String? {
        var kept: [UInt8] = []
        kept.reserveCapacity(name.utf8.count)
        for b in name.utf8 {
            guard b < 0x80 else { return nil }
            switch b {
            case 0x20, 0x5F, 0x2D, 0x2E, 0x09, 0x0D, 0x0A: continue // space _ - . tab CR LF
            default: kept.append(ByteScan.lower(b))
            }
        }
        return String(decoding: kept, as: UTF8.self)
    }

    private static let byAlias: [String: PostingField] = {
        var table: [String: PostingField] = [:]
        for field in PostingField.allCases {
            for alias in field.aliases where table[alias] == nil { table[alias] = field }
        }
        return table
    }()

    /// Rank of `name` among this field's aliases (lower is better), nil when it is not one.
    func rank(of name: String) -> Int? {
        aliases.firstIndex(of: PostingField.normalize(name))
    }
}
