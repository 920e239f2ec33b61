import GRDB

/// One analyzed posting as the SQLite store's rows, every value encoded (JSON columns, company key, SimHash bands)
/// by the worker that analyzed it: the single writer is the run's serial stage, so it only binds and steps.
///
/// The values are exactly those `PostingStore` wrote when it encoded them itself; `repost_of` alone is left to
/// the writer, which needs the postings stored before this one to find it.
struct PostingRows: Sendable {
    /// `postings` columns that only a first insert sets, in `PostingRows.insertColumns` order, before `repost_of`.
    var firstValues: [DatabaseValue]
    /// `postings` columns an analysis sets (`PostingRows.analysisColumns`), then the posting's id.
    var analysisValues: [DatabaseValue]
    var hiredRoles: [StatementArguments]
    var roleScores: [StatementArguments]
    var skills: [StatementArguments]
    /// `CompanyKey.key` of the posting's company: what near-duplicate detection compares.
    var companyKey: String

    /// Columns set when a posting is stored for the first time, `repost_of` last.
    static let insertColumns = [
        "id", "title", "company", "first_seen", "first_run", "company_key", "simhash", "band0", "band1", "band2",
        "band3", "repost_of",
    ]
    /// Columns an analysis sets, on insert and on re-analysis alike.
    static let analysisColumns = [
        "content_hash", "location", "date_posted", "date_source", "employment_type", "salary_text", "model_version",
        "taxonomy_version", "analyzed_run", "role_id", "secondary_role_id", "nearest_role_id", "confidence",
        "explanation", "education", "years_experience", "seniority", "workplace", "salary_min", "salary_max",
        "salary_currency", "salary_period", "salary_source", "domains", "ai_involvement",
    ]

    static let insertPostingSQL: String = {
        let columns = insertColumns + analysisColumns
        let marks = Array(repeating: "?", count: columns.count).joined(separator: ", ")
        return "INSERT INTO postings (\(columns.joined(separator: ", "))) VALUES (\(marks))"
    }()

    static let updateAnalysisSQL =
        "UPDATE postings SET \(analysisColumns.map { "\($0) = ?" }.joined(separator: ", ")) WHERE id = ?"

    init(_ analysis: PostingAnalysis, contentHash: String, fingerprint: SimHash?, context: RunContext) {
        let p = analysis.posting
        let c = analysis.classification
        let a = analysis.attributes
        companyKey = CompanyKey.key(p.company)
        let bands: [Int64?] = fingerprint?.bands ?? [nil, nil, nil, nil]
        firstValues =
            [
                p.id.databaseValue, p.title.databaseValue, p.company.databaseValue, context.startedAt.databaseValue,
                context.runID.databaseValue, companyKey.databaseValue, fingerprint?.storedValue.databaseValue ?? .null,
            ] + bands.map { $0.databaseValue }
        analysisValues = [
            contentHash.databaseValue, p.location.databaseValue, p.datePosted?.description.databaseValue ?? .null,
            p.dateSource?.rawValue.databaseValue ?? .null, p.employmentType.databaseValue,
            p.salaryText.databaseValue, context.modelVersion.databaseValue, context.taxonomyVersion.databaseValue,
            context.runID.databaseValue, c.roleID.databaseValue, c.secondaryRoleID.databaseValue,
            c.nearestRoleID.databaseValue, c.confidence.databaseValue,
            JSONColumn.explanation(c.explanation).databaseValue, a.education.databaseValue,
            a.yearsExperience.databaseValue, a.seniority.databaseValue, a.workplace?.rawValue.databaseValue ?? .null,
            a.salary?.minimum.databaseValue ?? .null, a.salary?.maximum.databaseValue ?? .null,
            a.salary?.currency.databaseValue ?? .null, a.salary?.period.rawValue.databaseValue ?? .null,
            a.salary?.text.databaseValue ?? .null, JSONColumn.strings(a.domains).databaseValue,
            analysis.aiInvolvement.rawValue.databaseValue, p.id.databaseValue,
        ]
        hiredRoles = analysis.hiredRoles.enumerated().map { position, role in
            [p.id, position, role.title, role.roleID]
        }
        roleScores = c.ranked.enumerated().map { rank, score in
            [p.id, rank, score.roleID, score.name, score.kind.rawValue, score.probability]
        }
        skills = analysis.skills.enumerated().map { position, skill in
            [p.id, skill.skillID, position, skill.name, skill.category.rawValue, skill.requirement.rawValue,
             skill.count, JSONColumn.evidence(skill.evidence), skill.inferred]
        }
    }
}
