import Foundation
import Testing
@testable import JobScope

/// The skills added for today's postings beyond software (teaching, business, office software, IT operations,
/// trades) are found in sentences written for these tests, and the generic words of soft skills and function
/// names need their context.
@Suite struct SkillCoverageTests {
    static let taxonomy: Taxonomy? = try? TaxonomyLoader.load(from: TaxonomyLoaderTests.committedFile)
    static let matcher: SkillMatcher? = taxonomy.map(SkillMatcher.init)

    static func ids(_ text: String) throws -> Set<String> {
        let matcher = try #require(matcher)
        return Set(matcher.mentions(inText: text).map(\.skillID))
    }

    @Test(arguments: [
        ("Design lesson plans and use classroom management strategies for grade 5.", ["lesson-planning", "classroom-management"]),
        ("Experience with curriculum development and instructional design (ADDIE).", ["curriculum-development", "instructional-design"]),
        ("Build courses in Articulate Storyline and publish them to Moodle.", ["articulate", "lms"]),
        ("Proficient in Microsoft Office: Outlook, Word, Excel and PowerPoint.", ["microsoft-office", "outlook", "microsoft-word", "excel", "powerpoint"]),
        ("Track every deal in Salesforce and keep the sales pipeline healthy.", ["salesforce", "pipeline-management"]),
        ("Proven track record of closing deals in enterprise sales.", ["sales", "enterprise-sales"]),
        ("Own accounts payable, accounts receivable and month-end close under GAAP.", ["accounts-payable", "accounts-receivable", "accounting", "gaap"]),
        ("Administer Active Directory and Windows Server; plan disaster recovery.", ["active-directory", "windows-server", "disaster-recovery"]),
        ("Install and repair HVAC, plumbing and electrical systems following OSHA standards.", ["hvac", "plumbing", "electrical-work", "osha"]),
        ("Current CPR and first aid certification required.", ["cpr", "first-aid"]),
        ("Build and maintain effective working relationships with vendors.", ["relationship-building"]),
        ("Set up monitoring and alerting for production services; lead root cause analysis.", ["monitoring", "root-cause-analysis"]),
        ("Experience with WordPress, responsive design and WCAG.", ["wordpress", "responsive-design", "web-accessibility"]),
        ("Strong collaboration skills and a team player attitude.", ["teamwork"]),
    ] as [(String, [String])])
    func newSkillsAreFound(_ text: String, expected: [String]) throws {
        let found = try Self.ids(text)
        for id in expected { #expect(found.contains(id), "\(id) in: \(text) (found \(found.sorted()))") }
    }

    @Test(arguments: [
        ("Collaborate with engineers and designers to ship features.", "teamwork"),
        ("Work closely with Product Management, Engineering and Marketing.", "product-management"),
        ("Join the product management team as an engineer.", "product-management"),
        ("Staffing and recruiting agencies: we do not accept resumes.", "recruiting"),
        ("The company is an equal opportunity employer in recruiting, hiring and promotion.", "recruiting"),
        ("We foster a culture of continuous improvement.", "process-improvement"),
        ("Deliver a great user experience.", "ux-design"),
        ("Degree in Educational Technology or a related field.", "educational-technology"),
        ("Word of mouth brought us here; we are selling fast.", "microsoft-word"),
        ("The sales team will support you.", "sales"),
        ("Partner with the Customer Success team on renewals.", "customer-success"),
    ] as [(String, String)])
    func genericWordsNeedContext(_ text: String, absent: String) throws {
        #expect(!(try Self.ids(text)).contains(absent), "\(absent) should not be found in: \(text)")
    }

    /// The families added for these skills count a posting once when it asks for any member, as computed
    /// independently from the taxonomy's family tree.
    @Test func newFamilySharesAreTheShareOfPostingsWithAnyMember() throws {
        let taxonomy = try #require(Self.taxonomy)
        let hierarchy = SkillHierarchy(taxonomy: taxonomy)
        let texts = [
            "Proficient in Word and Excel; strong customer service and budgeting.",
            "Teach online courses, write lesson plans and grade student assessments.",
            "Kubernetes, Terraform and Prometheus; set up monitoring and alerting.",
            "Forklift operation and OSHA 10 required.",
            "Python and SQL.",
        ]
        let postings = try texts.map { try Self.ids($0) }
        func members(_ family: String) -> Set<String> { SkillHierarchyTests.members(of: family, in: taxonomy) }
        for family in ["business-family", "office-tools", "education-family", "trades-family", "observability"] {
            let expected = postings.filter { !$0.isDisjoint(with: members(family)) }.count
            let share = hierarchy.share(of: family, in: postings)
            #expect(share.postings == expected, "\(family)")
            #expect(share.total == postings.count)
        }
        #expect(hierarchy.share(of: "education-family", in: postings).postings == 1)
        #expect(hierarchy.share(of: "business-family", in: postings).postings == 1)
    }

    /// A gold name as an annotator writes it resolves to the one skill it names, and two distinct tools do not
    /// fold into one id.
    @Test func goldNamesResolveToTheirOwnSkill() throws {
        let resolver = SkillResolver(taxonomy: try #require(Self.taxonomy))
        #expect(resolver.resolve("Microsoft Word") == "microsoft-word")
        #expect(resolver.resolve("curriculum development") == "curriculum-development")
        #expect(resolver.resolve("monitoring") == "monitoring")
        #expect(resolver.resolve("HTML") != resolver.resolve("CSS"))
        #expect(resolver.resolve("Jira") != resolver.resolve("agile"))
        #expect(resolver.resolve("monitoring") != resolver.resolve("observability"))
    }
}
