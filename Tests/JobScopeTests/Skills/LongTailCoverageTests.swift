import Foundation
import Testing
@testable import JobScope

/// The long tail of 2024–2026 postings (issue 12, session 5): named tools of each kind are found in sentences
/// written for these tests, their families count them, gold names resolve to them, and words that describe a
/// business or its people rather than ask for a skill ("cybersecurity companies") are not counted.
@Suite struct LongTailCoverageTests {
    static let taxonomy: Taxonomy? = try? TaxonomyLoader.load(from: TaxonomyLoaderTests.committedFile)
    static let matcher: SkillMatcher? = taxonomy.map(SkillMatcher.init)

    static func ids(_ text: String) throws -> Set<String> {
        Set(try #require(matcher).mentions(inText: text).map(\.skillID))
    }

    @Test(arguments: [
        ("Ship logs with Fluentd into Kibana; alert from Nagios.", ["logging-stack", "monitoring"]),
        ("Write specs with RSpec and Capybara; load test with k6.", ["test-frameworks-other", "load-testing-tools"]),
        ("Run lm-evaluation-harness and Inspect AI; trace calls in Langfuse.", ["llm-eval-tools", "llm-observability"]),
        ("Fine-tune with Axolotl or Unsloth, then align with DPO.", ["fine-tuning-tools"]),
        ("Experience with CockroachDB or Cloud Spanner and Flyway migrations.", ["distributed-sql", "database-migrations"]),
        ("Hunt threats with MITRE ATT&CK and write SIEM detection rules.", ["threat-hunting", "detection-engineering"]),
        ("Manage Macs with Jamf and harden endpoints with CrowdStrike.", ["endpoint-management", "endpoint-security"]),
        ("Own revenue recognition under ASC 606 and support audits.", ["revenue-recognition", "audit-support"]),
        ("Draft and review contracts; conduct legal research on Westlaw.", ["contract-management", "legal-research"]),
        ("Build courses in Docebo and Articulate Rise.", ["online-learning-platforms", "authoring-tools"]),
        ("Preventive maintenance logged in a CMMS.", ["industrial-maintenance"]),
        ("Contributions to open source projects are a plus.", ["open-source"]),
        ("Excellent leadership, organizational, and interpersonal skills.", ["leadership", "project-management"]),
        ("Understand the importance of testing and code reviews.", ["software-testing"]),
        // session 7: gold names of the development sets, `taxonomy suggest` and O*NET technology skills
        ("Lint with ESLint and Prettier; keep assets in Perforce.", ["code-quality-tools", "version-control-other"]),
        ("Build games in Unity or Unreal Engine; write OpenGL shaders.", ["game-engines", "graphics-programming"]),
        ("Ship our desktop app in Electron and map stores in QGIS.", ["desktop-development", "gis"]),
        ("Integrate hospital records over FHIR and HL7.", ["healthcare-interoperability"]),
        ("Run SIP trunks on Asterisk; know BGP, OSPF and VLANs.", ["voip-telephony", "networking"]),
        ("Harden hosts with SELinux and AppArmor; write eBPF for the Linux kernel.", ["os-hardening", "linux-kernel"]),
        ("Use Route 53, Cognito and Lambda.", ["aws", "aws-lambda"]),
        ("Query Vertica and Greenplum.", ["olap-databases"]),
        ("Write Apex classes and deploy with SFDX.", ["salesforce-development"]),
        ("Build dApps with Ethers.js and Hardhat.", ["blockchain"]),
        ("Trace in Honeycomb; ship metrics with Telegraf.", ["logging-stack", "infrastructure-monitoring-tools"]),
        ("Set and track OKRs for the team.", ["okrs"]),
        ("Servlets, JSP and JDBC on the backend.", ["java"]),
    ] as [(String, [String])])
    func longTailSkillsAreFound(_ text: String, expected: [String]) throws {
        let found = try Self.ids(text)
        for id in expected { #expect(found.contains(id), "\(id) in: \(text) (found \(found.sorted()))") }
    }

    @Test(arguments: [
        ("Experience selling to cybersecurity companies.", "cybersecurity"),
        ("Join our Machine Learning team.", "machine-learning"),
        ("Background in AI/ML startups.", "machine-learning"),
        ("We are a technology consulting firm.", "consulting"),
        ("Paid parental and caregiving leave.", "clinical-care"),
        ("Drive informed decision making across the company.", "decision-making"),
        ("Open source is in our DNA.", "open-source"),
        ("Packer and warehouse associate, day shift.", "config-management-tools"),
        ("Proficiency in electronic medical record (EMR) systems.", "aws"),
        ("Offices in Hong Kong and Singapore.", "systems-integration"),
        ("A police officer for the Town of Apex, NC.", "salesforce-development"),
        ("Unity and respect are our values.", "game-engines"),
    ] as [(String, String)])
    func businessAndPeopleWordsAreNoSkill(_ text: String, absent: String) throws {
        #expect(!(try Self.ids(text)).contains(absent), "\(absent) should not be found in: \(text)")
    }

    /// `not-organisation-word` applies to every skill but programming languages and soft skills without being listed.
    @Test func organisationWordsSpareProgrammingLanguages() throws {
        #expect(try Self.ids("Join our Python community.").contains("python"))
        #expect(try Self.ids("Mentor team members and lead a team.").contains("leadership"))
        #expect(try Self.ids("Experience with machine learning and cybersecurity.").isSuperset(of: ["machine-learning", "cybersecurity"]))
    }

    @Test func familySharesCountPostingsWithAnyMember() throws {
        let taxonomy = try #require(Self.taxonomy)
        let hierarchy = SkillHierarchy(taxonomy: taxonomy)
        let postings = try [
            "Evaluate with Ragas; guard outputs with NeMo Guardrails.", "Kibana dashboards and SLOs.",
            "Westlaw research.", "Python and SQL.", "Harden hosts with SELinux.", "Query Vertica.",
        ].map { try Self.ids($0) }
        for family in ["evals-safety", "observability", "legal-family", "generative-ai-stack", "business-family",
                       "security", "data-warehouses", "software-engineering"] {
            let members = SkillHierarchyTests.members(of: family, in: taxonomy)
            let expected = postings.filter { !$0.isDisjoint(with: members) }.count
            #expect(hierarchy.share(of: family, in: postings).postings == expected, "\(family)")
        }
        #expect(hierarchy.share(of: "legal-family", in: postings).postings == 1)
        #expect(hierarchy.share(of: "security", in: postings).postings == 1)
    }

    @Test func goldNamesResolveToTheLongTail() throws {
        let resolver = SkillResolver(taxonomy: try #require(Self.taxonomy))
        #expect(resolver.resolve("Kibana") == "logging-stack")
        #expect(resolver.resolve("ASC 606") == "revenue-recognition")
        #expect(resolver.resolve("software design") == "system-design")
        #expect(resolver.resolve("data governance") == "data-governance")
        #expect(resolver.resolve("backend development") == "backend-development")
        #expect(resolver.resolve("Honeycomb") == "logging-stack")
        #expect(resolver.resolve("Amazon SNS") == "message-queues")
        #expect(resolver.resolve("Canvas") == "lms")
        #expect(resolver.resolve("system hardening") == "os-hardening")
        #expect(resolver.resolve("HTTP") == "http")
        #expect(resolver.resolve("PeopleSoft") == "erp")
    }
}
