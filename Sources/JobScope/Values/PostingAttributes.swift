import Foundation

/// Where the work is done.
public enum Workplace: String, Sendable, Codable, CaseIterable {
    case remote, hybrid, onsite = "on-site"
}

/// How often a salary figure is paid.
public enum SalaryPeriod: String, Sendable, Codable, CaseIterable {
    case hour, day, week, month, year
}

/// A salary range as a posting states it.
public struct SalaryRange: Sendable, Codable, Hashable {
    public var minimum: Double?
    public var maximum: Double?
    /// ISO 4217 code ("USD", "GBP", "EUR").
    public var currency: String
    public var period: SalaryPeriod
    /// The text it was read from.
    public var text: String

    public init(minimum: Double?, maximum: Double?, currency: String, period: SalaryPeriod, text: String) {
        self.minimum = minimum
        self.maximum = maximum
        self.currency = currency
        self.period = period
        self.text = text
    }

    /// The yearly midpoint, for comparing salaries stated per hour, month or year (2,080 hours, 12 months a year).
    public var annualMidpoint: Double? {
        guard let mid = [minimum, maximum].compactMap({ $0 }).average else { return nil }
        switch period {
        case .hour: return mid * 2080
        case .day: return mid * 260
        case .week: return mid * 52
        case .month: return mid * 12
        case .year: return mid
        }
    }
}

extension Array where Element == Double {
    var average: Double? { isEmpty ? nil : reduce(0, +) / Double(count) }
}

/// What a posting says besides skills: education, experience, seniority, workplace, pay, domain.
public struct PostingAttributes: Sendable, Codable, Hashable {
    /// Id of the lowest education level the posting requires (`EducationLevel.id`).
    public var education: String?
    /// Years of experience asked for, as the smallest figure stated ("3+ years" → 3).
    public var yearsExperience: Int?
    /// `SeniorityLevel.id`.
    public var seniority: String?
    public var workplace: Workplace?
    public var salary: SalaryRange?
    /// `Domain.id`s of the application domains the posting names.
    public var domains: [String]
    /// `FieldOfStudy.id`s of the subjects its degrees are in ("degree in Statistics" → `statistics`).
    public var fieldsOfStudy: [String]

    public init(education: String? = nil, yearsExperience: Int? = nil, seniority: String? = nil,
                workplace: Workplace? = nil, salary: SalaryRange? = nil, domains: [String] = [],
                fieldsOfStudy: [String] = []) {
        self.education = education
        self.yearsExperience = yearsExperience
        self.seniority = seniority
        self.workplace = workplace
        self.salary = salary
        self.domains = domains
        self.fieldsOfStudy = fieldsOfStudy
    }

    enum CodingKeys: String, CodingKey {
        case education, yearsExperience, seniority, workplace, salary, domains, fieldsOfStudy
    }

    /// Reads JSON written before `fieldsOfStudy` existed as well.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(education: try c.decodeIfPresent(String.self, forKey: .education),
                  yearsExperience: try c.decodeIfPresent(Int.self, forKey: .yearsExperience),
                  seniority: try c.decodeIfPresent(String.self, forKey: .seniority),
                  workplace: try c.decodeIfPresent(Workplace.self, forKey: .workplace),
                  salary: try c.decodeIfPresent(SalaryRange.self, forKey: .salary),
                  domains: try c.decodeIfPresent([String].self, forKey: .domains) ?? [],
                  fieldsOfStudy: try c.decodeIfPresent([String].self, forKey: .fieldsOfStudy) ?? [])
    }
}
