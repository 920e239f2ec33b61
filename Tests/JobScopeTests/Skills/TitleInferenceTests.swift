import Foundation
import Testing
@testable import JobScope

/// Skills a title implies (`titleHeads`): added only when the text spells none of the skill's names, and
/// marked as inferred so a user can tell them from matched ones.
@Suite struct TitleInferenceTests {
    static let taxonomy = Taxonomy(version: "test", roles: [], skills: [
        Skill(id: "frontend", name: "Frontend development", category: .softwareEngineering,
              aliases: ["front-end development"], titleHeads: ["frontend", "front end"]),
        Skill(id: "react", name: "React", category: .softwareEngineering),
    ])

    static func mentions(title: String?, body: String) -> [SkillMention] {
        var posting = Posting(source: PostingSource(path: "t.txt"), body: body)
        posting.title = title
        return SkillMatcher(taxonomy: taxonomy).mentions(in: posting)
    }

    @Test(arguments: ["Senior Frontend Engineer", "Front End Developer (Remote)", "frontend engineer, payments"])
    func theTitleImpliesTheSkill(_ title: String) throws {
        let mention = try #require(Self.mentions(title: title, body: "Build pages in React.").first { $0.skillID == "frontend" })
        #expect(mention.inferred == "title")
        #expect(mention.requirement == .required)
        #expect(mention.evidence.first?.snippet == "title: " + title)
    }

    @Test func aSpelledSkillIsMatchedNotInferred() throws {
        let found = Self.mentions(title: "Frontend Engineer", body: "Five years of front-end development in React.")
        let mention = try #require(found.first { $0.skillID == "frontend" })
        #expect(mention.inferred == nil)
        #expect(found.filter { $0.skillID == "frontend" }.count == 1)
    }

    @Test(arguments: ["Backend Engineer", "Frontender", "Front Desk Manager", ""])
    func otherTitlesImplyNothing(_ title: String) {
        #expect(!Self.mentions(title: title, body: "Build pages in React.").contains { $0.skillID == "frontend" })
    }

    @Test func noTitleImpliesNothing() {
        #expect(Self.mentions(title: nil, body: "Build pages in React.").map(\.skillID) == ["react"])
    }

    @Test func theCommittedTaxonomysHeadsLoad() throws {
        let taxonomy = try TaxonomyLoader.load(from: TaxonomyLoaderTests.committedFile)
        let heads = taxonomy.skills.first { $0.id == "frontend-development" }?.titleHeads ?? []
        #expect(heads.contains("frontend"))
    }
}
