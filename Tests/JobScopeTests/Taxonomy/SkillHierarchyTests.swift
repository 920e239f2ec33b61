import Foundation
import Testing
@testable import JobScope

@Suite struct SkillHierarchyTests {
    static let taxonomy = Taxonomy(version: "t", roles: [], skills: [
        Skill(id: "pinecone", name: "Pinecone", category: .dataTooling, family: "vector-dbs"),
        Skill(id: "qdrant", name: "Qdrant", category: .dataTooling, family: "vector-dbs"),
        Skill(id: "langchain", name: "LangChain", category: .mlFramework, family: "genai"),
        Skill(id: "react", name: "React", category: .softwareEngineering, family: "frontend"),
        Skill(id: "python", name: "Python", category: .programmingLanguage),
    ], families: [
        SkillFamily(id: "genai", name: "Generative-AI stack"),
        SkillFamily(id: "vector-dbs", name: "Vector databases", parent: "genai"),
        SkillFamily(id: "software", name: "Software engineering"),
        SkillFamily(id: "frontend", name: "Web frontend", parent: "software"),
    ])

    @Test func skillsBelongToTheirFamilyAndItsAncestors() {
        let h = SkillHierarchy(taxonomy: Self.taxonomy)
        #expect(h.families(ofSkill: "pinecone") == ["vector-dbs", "genai"])
        #expect(h.families(ofSkill: "python").isEmpty)
        #expect(h.members(of: "genai") == ["pinecone", "qdrant", "langchain"])
        #expect(h.children(of: nil).map(\.id) == ["genai", "software"])
    }

    /// The skills under `family` or any family below it, found by walking each skill's family up its parents.
    static func members(of family: String, in taxonomy: Taxonomy) -> Set<String> {
        Set(taxonomy.skills.filter { skill in
            var f = skill.family
            while let current = f {
                if current == family { return true }
                f = taxonomy.families.first { $0.id == current }?.parent
            }
            return false
        }.map(\.id))
    }

    /// A family's share is the share of postings with any member, each posting once, computed independently.
    @Test func familyShareIsTheShareOfPostingsWithAnyMember() {
        let h = SkillHierarchy(taxonomy: Self.taxonomy)
        let postings: [Set<String>] = [
            ["pinecone", "qdrant"], ["langchain"], ["python"], ["react", "pinecone"], [], ["qdrant", "python"],
        ]
        for family in ["genai", "vector-dbs", "software", "frontend"] {
            let members = Self.members(of: family, in: Self.taxonomy)
            let expected = postings.filter { !$0.isDisjoint(with: members) }.count
            let share = h.share(of: family, in: postings)
            #expect(share.postings == expected, "\(family)")
            #expect(share.total == postings.count)
        }
        #expect(h.share(of: "genai", in: postings).postings == 4)
        #expect(h.share(of: "vector-dbs", in: postings).share == 0.5)
    }

    @Test func committedTaxonomyGivesEverySkillAFamily() throws {
        let taxonomy = try TaxonomyLoader.load(from: TaxonomyLoaderTests.committedFile)
        #expect(taxonomy.skills.allSatisfy { $0.family != nil })
        let h = SkillHierarchy(taxonomy: taxonomy)
        #expect(h.families(ofSkill: "pinecone").contains("generative-ai-stack"))
        #expect(h.families(ofSkill: "react") == ["web-frontend", "software-engineering"])
    }

    @Test func unknownFamilyBadCodeAndWeakAliasWithoutContextAreErrors() throws {
        let yaml = """
        version: "t"
        families:
          - {id: top, name: Top, parent: missing}
        skills:
          - {id: a, name: Alpha, category: data-tooling, family: nowhere, onet: "123"}
          - {id: b, name: Beta, category: data-tooling, family: top, weakAliases: [beta stuff]}
        """
        #expect(throws: TaxonomyError.self) { try TaxonomyLoader.load(yaml: yaml) }
        do {
            _ = try TaxonomyLoader.load(yaml: yaml)
        } catch {
            let message = error.localizedDescription
            #expect(message.contains("unknown parent family 'missing'"))
            #expect(message.contains("unknown family 'nowhere'"))
            #expect(message.contains("must be 8 digits"))
            #expect(message.contains("weak aliases need contextTerms"))
        }
    }
}
