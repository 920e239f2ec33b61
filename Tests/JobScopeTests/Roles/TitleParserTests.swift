import Foundation
import Testing
@testable import JobScope

@Suite("TitleParser")
struct TitleParserTests {
    static func parser() throws -> TitleParser { try TitleParser.load(from: ClassifierFixture.layout.titleParseRules) }

    @Test("every head and specialisation rule's examples route to their role (and second role)")
    func examplesRoute() throws {
        let parser = try Self.parser()
        let examples = parser.rules.heads.map { ($0.id, $0.examples) } + parser.rules.specialisations.map { ($0.id, $0.examples) }
        for (id, list) in examples {
            #expect(!list.isEmpty, "rule \(id) has no examples")
            for example in list {
                let parsed = parser.parse(example.title)
                let got = parsed.className ?? TitleRuleSet.skipRole
                #expect(got == example.role, "\"\(example.title)\" (rule \(id)) went to \(got) by \(parsed.headRule ?? "no rule")")
                if let second = example.second {
                    #expect(parsed.secondRoleID == second, "\"\(example.title)\": second \(parsed.secondRoleID ?? "none"), expected \(second)")
                }
            }
        }
    }

    @Test("the issue's titles: head role, specialisation, second role")
    func issueTitles() throws {
        let parser = try Self.parser()
        #expect(parser.parse("Software Engineer, Generative AI").roleID == "generative-ai-engineer")
        let llm = parser.parse("Machine Learning Engineer (LLM)")
        #expect(llm.roleID == "generative-ai-engineer")
        #expect(llm.secondRoleID == "machine-learning-engineer")
        #expect(llm.supportedClasses == ["generative-ai-engineer", "machine-learning-engineer"])
        #expect(parser.parse("Staff Data Scientist - Risk").roleID == "data-scientist")
        #expect(parser.parse("Food Scientist").outcome == .other)
        #expect(parser.parse("Prompt Engineer").roleID == "generative-ai-engineer")
        #expect(parser.parse("Research Scientist").outcome == .undecided)
        #expect(parser.parse("").outcome == .undecided)
        #expect(parser.parse("Registered Nurse").outcome == .other)
    }

    @Test("seniority, location, employment type, salary and company are set aside")
    func qualifiers() throws {
        let parser = try Self.parser()
        let sr = parser.parse("Sr. Software Engineer II (Remote - US) | Full-time")
        #expect(sr.roleID == "software-engineer")
        #expect(sr.head == "software engineer")
        #expect(sr.seniority.contains("sr."))
        #expect(sr.seniority.contains("ii"))
        #expect(sr.qualifiers["employment"] == ["full time"])
        let place = parser.parse("Founding Data Engineer - Malvern, PA")
        #expect(place.roleID == "data-engineer")
        #expect(place.seniority == ["founding"])
        let line = parser.parse("Shortwave | Sr. Software Engineer | Onsite in San Francisco | $150k-$225k")
        #expect(line.roleID == "software-engineer")
        #expect(line.leading == ["shortwave"])
        #expect(line.qualifiers["salary"]?.isEmpty == false)
        #expect(parser.parse("Lead Product Designer").roleID == "designer")
    }

    @Test("roles named in later segments are kept as further roles")
    func severalRoles() throws {
        let parsed = try Self.parser().parse("Data Engineer / Data Scientist")
        #expect(parsed.roleID == "data-engineer")
        #expect(parsed.otherRoleIDs == ["data-scientist"])
    }

    @Test("AI-gated roles fall back without AI work, and non-AI roles rise with it")
    func gate() throws {
        let parser = try Self.parser()
        #expect(parser.gate("ai-product-manager", involvement: .none).roleID == "product-manager")
        #expect(parser.gate("ai-product-manager", involvement: .usesAI).roleID == "product-manager")
        #expect(parser.gate("ai-product-manager", involvement: .buildsGenerativeAI).roleID == "ai-product-manager")
        #expect(parser.gate("content-curator", involvement: .none).roleID == nil)
        #expect(parser.gate("designer", involvement: .buildsML).roleID == "ux-designer")
        #expect(parser.gate("software-engineer", involvement: .none).changed == false)
    }

    @Test("a specialisation's `unless` keeps the head role when the title names a discipline of the head's own")
    func specialisationUnless() throws {
        let head = TitleHeadRule(id: "software-engineer.named", role: "software-engineer", second: nil,
                                 pattern: #"\b(software|qa|front ?end) engineer\b"#, examples: [])
        let ml = TitleSpecialisationRule(id: "machine-learning.engineering", heads: ["software-engineer"],
                                         role: "machine-learning-engineer", second: "head",
                                         pattern: #"\bmachine learning\b"#, examples: [],
                                         unless: #"\b(qa|front ?end)\b"#)
        let parser = try TitleParser(rules: TitleParseRules(version: "1", heads: [head], specialisations: [ml]))
        let refined = parser.parse("Senior Software Engineer - Machine Learning")
        #expect(refined.roleID == "machine-learning-engineer")
        #expect(refined.secondRoleID == "software-engineer")
        let qa = parser.parse("QA Engineer (Machine Learning)")
        #expect(qa.roleID == "software-engineer")
        #expect(qa.specialisationRule == nil)
        // The discipline may stand in any segment, not only the head's.
        #expect(parser.parse("Software Engineer, Frontend (Machine Learning)").roleID == "software-engineer")
    }

    @Test("the rules name only taxonomy roles")
    func rolesKnown() throws {
        let taxonomy = try TaxonomyLoader.load(from: ClassifierFixture.repoRoot.appendingPathComponent("Models/taxonomy.yaml"))
        #expect(try Self.parser().rules.unknownRoles(in: taxonomy).isEmpty)
    }

    @Test("a bad pattern names its rule")
    func badPattern() {
        #expect(throws: TitleRuleError.badPattern(rule: "broken", pattern: "(x")) {
            try TitleParser(rules: TitleParseRules(version: "1", heads: [
                TitleHeadRule(id: "broken", role: "other", second: nil, pattern: "(x", examples: [])]))
        }
    }
}
