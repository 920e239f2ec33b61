import Foundation
@testable import JobScope

/// Constructed record sets with known figures, and the small taxonomy they use.
enum ReportFixtures {
    static let taxonomy = Taxonomy(
        version: "test-1",
        roles: [
            Role(id: "machine-learning-engineer", name: "Machine Learning Engineer",
                 skills: ["pytorch", "tensorflow", "aws"]),
            Role(id: "data-scientist", name: "Data Scientist", skills: ["sql", "data-visualization"]),
            Role(id: "ai-ethicist", name: "AI Ethicist", skills: ["ai-ethics", "critical-thinking"]),
            Role(id: "generative-ai-engineer", name: "Generative AI Engineer", emerging: true,
                 skills: ["large-language-models", "python"]),
            Role(id: "data-analyst", name: "Data Analyst", kind: .adjacent, skills: ["sql"]),
        ],
        skills: [
            Skill(id: "python", name: "Python", category: .programmingLanguage, fromSeeds: true),
            Skill(id: "sql", name: "SQL", category: .dataTooling, fromSeeds: true),
            Skill(id: "large-language-models", name: "Large language models", category: .mlTechnique),
            Skill(id: "pytorch", name: "PyTorch", category: .mlFramework, fromSeeds: true),
            Skill(id: "tensorflow", name: "TensorFlow", category: .mlFramework, fromSeeds: true),
            Skill(id: "aws", name: "AWS", category: .cloud, fromSeeds: true),
            Skill(id: "data-visualization", name: "Data visualization", category: .dataTooling, fromSeeds: true),
            Skill(id: "ai-ethics", name: "AI ethics", category: .ethicsGovernance, fromSeeds: true),
            Skill(id: "critical-thinking", name: "Critical thinking", category: .softSkill, fromSeeds: true),
            Skill(id: "docker", name: "Docker", category: .cloud),
        ],
        domains: [Domain(id: "healthcare", name: "Healthcare", keywords: []),
                  Domain(id: "finance", name: "Finance", keywords: [])],
        educationLevels: [EducationLevel(id: "bachelor", name: "Bachelor's", rank: 2, keywords: []),
                          EducationLevel(id: "master", name: "Master's", rank: 3, keywords: []),
                          EducationLevel(id: "phd", name: "PhD", rank: 4, keywords: [])],
        seniorityLevels: [SeniorityLevel(id: "junior", name: "Junior", rank: 1, keywords: []),
                          SeniorityLevel(id: "senior", name: "Senior", rank: 3, keywords: [])])

    static func skill(_ id: String, _ level: RequirementLevel = .required) -> ReportSkill {
        ReportSkill(skillID: id, category: taxonomy.skill(id)?.category ?? .content, requirement: level)
    }

    static func record(_ id: String, date: PostingDate?, role: String?, skills: [ReportSkill],
                       attributes: PostingAttributes = PostingAttributes(), source: String = "postings.csv",
                       isRepost: Bool = false) -> ReportRecord {
        ReportRecord(postingID: id, sourcePath: source, datePosted: date, roleID: role, confidence: 0.8,
                     skills: skills, attributes: attributes, isRepost: isRepost)
    }

    /// Postings per month in `trendCollection`.
    static let perMonth = 200
    /// Postings asking for large language models in each month of 2025-01...2025-06: 5% rising to 40%.
    static let llmCounts = [10, 24, 38, 52, 66, 80]
    /// SQL stays at 30% (60 of 200) every month.
    static let sqlCount = 60
    /// Generative AI Engineer postings per month, April to June only (10%).
    static let genAIPerMonth = 20
    static let undatedCount = 20
    static let repostCount = 15

    /// Six months of postings with known trends: LLM skill 5% → 40%, SQL flat at 30%, Python at 50%,
    /// Generative AI Engineer only from April (the last quarter), plus undated postings and reposts.
    static func trendCollection() -> [ReportRecord] {
        let roles: [String?] = ["machine-learning-engineer", "data-scientist", "data-analyst", nil]
        var records: [ReportRecord] = []
        for month in 1...6 {
            for i in 0..<perMonth {
                var skills: [ReportSkill] = []
                if i >= perMonth - llmCounts[month - 1] { skills.append(skill("large-language-models")) }
                if i % 10 < 3 { skills.append(skill("sql", i % 10 == 0 ? .preferred : .required)) }
                if i % 2 == 0 { skills.append(skill("python")) }
                let role: String? = month >= 4 && i < genAIPerMonth ? "generative-ai-engineer" : roles[i % 4]
                records.append(record("m\(month)-\(i)", date: PostingDate(year: 2025, month: month, day: 1 + i % 28),
                                      role: role, skills: skills))
            }
        }
        for i in 0..<undatedCount {
            records.append(record("u\(i)", date: nil, role: "data-scientist", skills: [skill("sql")], source: "notes.txt"))
        }
        for i in 0..<repostCount {
            records.append(record("r\(i)", date: PostingDate(year: 2025, month: 6, day: 2), role: "data-analyst",
                                  skills: [skill("sql")], isRepost: true))
        }
        return records
    }

    /// A small fixed collection across 2024 for the snapshot tests: every section has something to show.
    static func snapshotRecords() -> [ReportRecord] {
        var records: [ReportRecord] = []
        let plan: [(String?, [String], Int)] = [   // role, skills, months offset pattern
            ("machine-learning-engineer", ["python", "pytorch", "aws", "docker"], 0),
            ("data-scientist", ["python", "sql", "data-visualization"], 1),
            ("data-analyst", ["sql", "data-visualization"], 2),
            ("ai-ethicist", ["ai-ethics", "critical-thinking"], 0),
            (nil, [], 1),
        ]
        var n = 0
        for month in 1...12 {
            let count = 3 + month / 3
            for k in 0..<count {
                let (role, skillIDs, _) = plan[(month + k) % plan.count]
                var skills = skillIDs.enumerated().map { skill($0.element, $0.offset == skillIDs.count - 1 ? .preferred : .required) }
                let genAI = month >= 7 && k == 0
                if month >= 5 && (k % 2 == 0) { skills.append(skill("large-language-models")) }
                let attributes = PostingAttributes(
                    education: ["bachelor", "master", "phd", nil][n % 4], yearsExperience: [2, 3, 5, nil][n % 4],
                    seniority: ["junior", nil, "senior"][n % 3],
                    workplace: [Workplace.remote, .hybrid, .onsite, nil][n % 4],
                    salary: n % 3 == 0 ? SalaryRange(minimum: Double(90_000 + n * 1000), maximum: Double(130_000 + n * 1000),
                                                     currency: "USD", period: .year, text: "") : nil,
                    domains: n % 5 == 0 ? ["healthcare"] : (n % 7 == 0 ? ["finance"] : []))
                records.append(record(String(format: "s%03d", n), date: PostingDate(year: 2024, month: month, day: 1 + k * 3),
                                      role: genAI ? "generative-ai-engineer" : role, skills: skills, attributes: attributes,
                                      source: ["export.csv", "feed.jsonl", "pages/job-\(n).html"][n % 3]))
                n += 1
            }
        }
        records.append(record("s-undated-1", date: nil, role: "data-scientist", skills: [skill("sql")], source: "posting.txt"))
        records.append(record("s-undated-2", date: nil, role: nil, skills: [], source: "posting.md"))
        records.append(record("s-repost", date: PostingDate(year: 2024, month: 3, day: 9), role: "data-analyst",
                              skills: [skill("sql")], isRepost: true))
        return records
    }
}
