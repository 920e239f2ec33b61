import Foundation

/// The skill families as a tree: which families a skill belongs to (its own and every ancestor), which skills
/// a family holds (directly or below it), and a family's share of postings.
public struct SkillHierarchy: Sendable {
    public let families: [SkillFamily]
    let parent: [String: String]
    let familyOfSkill: [String: String]
    let membersByFamily: [String: Set<String>]

    public init(taxonomy: Taxonomy) {
        families = taxonomy.families
        parent = Dictionary(taxonomy.families.compactMap { f in f.parent.map { (f.id, $0) } }, uniquingKeysWith: { a, _ in a })
        familyOfSkill = Dictionary(taxonomy.skills.compactMap { s in s.family.map { (s.id, $0) } },
                                   uniquingKeysWith: { a, _ in a })
        var members: [String: Set<String>] = [:]
        for (skill, family) in familyOfSkill {
            for id in Self.chain(from: family, parent: parent) { members[id, default: []].insert(skill) }
        }
        membersByFamily = members
    }

    static func chain(from family: String, parent: [String: String]) -> [String] {
        var result = [family]
        var next = parent[family]
        while let current = next, !result.contains(current) {
            result.append(current)
            next = parent[current]
        }
        return result
    }

    /// The family with this id.
    public func family(_ id: String) -> SkillFamily? { families.first { $0.id == id } }

    /// The skill's family and its ancestors, nearest first (`pinecone` → vector-databases-family, retrieval,
    /// generative-ai-stack); empty for a skill without a family.
    public func families(ofSkill id: String) -> [String] {
        familyOfSkill[id].map { Self.chain(from: $0, parent: parent) } ?? []
    }

    /// Every skill in the family or in a family below it.
    public func members(of familyID: String) -> Set<String> { membersByFamily[familyID] ?? [] }

    /// The families directly below `familyID` (nil: the top-level families), in file order.
    public func children(of familyID: String?) -> [SkillFamily] {
        families.filter { $0.parent == familyID }
    }

    /// The share of postings that ask for at least one skill of the family (or of a family below it). Each
    /// posting is the set of skill ids found in it; a posting with several members counts once.
    public func share(of familyID: String, in postings: [Set<String>]) -> FamilyShare {
        let members = members(of: familyID)
        let count = postings.reduce(0) { $0 + ($1.isDisjoint(with: members) ? 0 : 1) }
        return FamilyShare(family: familyID, postings: count, total: postings.count)
    }
}

/// How many of a set of postings ask for a family.
public struct FamilyShare: Sendable, Codable, Equatable {
    public var family: String
    public var postings: Int
    public var total: Int
    /// `postings / total`, 0 for no postings.
    public var share: Double { total == 0 ? 0 : Double(postings) / Double(total) }
}
