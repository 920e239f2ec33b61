import Foundation
import Testing
@testable import JobScope

@Suite struct AttributeExtractorTests {
    static let taxonomy = try? TaxonomyLoader.load(from: TaxonomyLoaderTests.committedFile)

    func attributes(_ body: String, title: String? = nil, location: String? = nil, salary: String? = nil,
                    extra: [String: String] = [:]) throws -> PostingAttributes {
        let taxonomy = try #require(Self.taxonomy)
        let posting = Posting(source: PostingSource(path: "t.txt"), title: title, location: location, salaryText: salary,
                              body: body, extra: extra)
        return AttributeExtractor(taxonomy: taxonomy).attributes(of: posting)
    }

    @Test(arguments: [
        ("$150k-$225k", 150_000.0, 225_000.0, "USD", SalaryPeriod.year),
        ("£60,000 per annum", 60_000, nil, "GBP", .year),
        ("$53K-$91K (Glassdoor est.)", 53_000, 91_000, "USD", .year),
        ("$25 - $35 an hour", 25, 35, "USD", .hour),
        ("Employer Provided Salary:$120K - $140K", 120_000, 140_000, "USD", .year),
        ("€4,500 - €5,500 per month", 4_500, 5_500, "EUR", .month),
        ("$17-$24 Per Hour(Glassdoor est.)", 17, 24, "USD", .hour),
    ] as [(String, Double, Double?, String, SalaryPeriod)])
    func salaryForms(_ text: String, _ low: Double, _ high: Double?, _ currency: String, _ period: SalaryPeriod) throws {
        let salary = try #require(try attributes("", salary: text).salary, "no salary in \(text)")
        #expect(salary.minimum == low)
        #expect(salary.maximum == high)
        #expect(salary.currency == currency)
        #expect(salary.period == period)
    }

    @Test func salaryInBodyNeedsARangeOrPeriod() throws {
        #expect(try attributes("The base salary range is $120,000 - $150,000 per year plus bonus.").salary?.maximum == 150_000)
        #expect(try attributes("We manage $129 billion in assets and raised $5M.").salary == nil)
        #expect(try attributes("Expected starting salary is $5,000-$6,000/month.").salary?.period == .month)
    }

    @Test func yearsOfExperience() throws {
        #expect(try attributes("Requirements: 3+ years of experience with Python.").yearsExperience == 3)
        #expect(try attributes("5-7 years experience in analytics; at least two years of SQL experience.").yearsExperience == 2)
        #expect(try attributes("Founded 30 years ago, we have been growing for over 20 years.").yearsExperience == nil)
        #expect(try attributes("Experience: 4 years minimum").yearsExperience == 4)
    }

    @Test func educationIsTheLowestRequired() throws {
        #expect(try attributes("Bachelor's degree in Computer Science required; Master's or PhD preferred.").education == "bachelors")
        #expect(try attributes("MS or Ph.D. in a quantitative discipline is required.").education == "masters")
        #expect(try attributes("PhD in Machine Learning.").education == "phd")
        #expect(try attributes("Advanced MS Excel skills; strong SQL.").education == nil)
        #expect(try attributes("BS/MS in Statistics or related field").education == "bachelors")
    }

    @Test func seniorityFromTitleThenFieldThenYears() throws {
        #expect(try attributes("", title: "Sr. Data Scientist II").seniority == "senior")
        #expect(try attributes("", title: "Director, Data Science").seniority == "director")
        #expect(try attributes("", title: "Data Scientist I").seniority == "entry")
        #expect(try attributes("", title: "Data Scientist", extra: ["seniority": "Mid-Senior level"]).seniority == "mid")
        #expect(try attributes("Requires 8+ years of experience.", title: "Data Scientist").seniority == "lead")
        #expect(try attributes("", title: "Data Scientist").seniority == nil)
    }

    @Test func workplace() throws {
        #expect(try attributes("This is a fully remote position.").workplace == .remote)
        #expect(try attributes("We offer a hybrid work schedule, 3 days in office.").workplace == .hybrid)
        #expect(try attributes("Our hybrid cloud platform runs on Kubernetes.").workplace == nil)
        #expect(try attributes("This role is not remote; you must be on-site in Austin.").workplace == .onsite)
        #expect(try attributes("", location: "Remote, US").workplace == .remote)
    }

    @Test func domainsFromIndustryOrRepeatedMentions() throws {
        #expect(try attributes("Improve patient outcomes with clinical data; hospital systems.").domains.contains("healthcare"))
        #expect(try attributes("A mention of music once.").domains.isEmpty)
        #expect(try attributes("", extra: ["industry": "Banking"]).domains == ["finance"])
    }
}
