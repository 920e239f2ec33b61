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
        String(String.UnicodeScalarView(name.lowercased().unicodeScalars.filter {
            !($0 == " " || $0 == "_" || $0 == "-" || $0 == "." || $0 == "\u{FEFF}" || $0 == "\t" || $0 == "\r" || $0 == "\n")
        }))
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
