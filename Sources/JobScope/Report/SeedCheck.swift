import Foundation

/// For one documented role: do its postings ask for what the seeds say the role needs, and what else do they ask for?
public struct SeedCheck: Sendable, Codable, Hashable {
    /// A skill and the share of the role's postings asking for it.
    public struct SkillFigure: Sendable, Codable, Hashable {
        public var skillID: String
        public var name: String
        public var count: Int
        public var total: Int
        public var share: Double
    }

    public var roleID: String
    public var name: String
    public var postings: Int
    /// The skills the seeds list for the role, most asked first.
    public var seedSkills: [SkillFigure]
    /// The most-asked skills the seeds do not list for the role (up to the report's top count).
    public var unlisted: [SkillFigure]

    static func build(_ context: ReportContext) -> [SeedCheck] {
        var byRole = [String: [ReportRecord]]()
        for record in context.records { if let id = record.roleID { byRole[id, default: []].append(record) } }
        let roles = context.taxonomy.roles.filter { $0.kind == .documented }
            .filter { context.options.roleID == nil || $0.id == context.options.roleID }
        return roles.map { role in
            let postings = byRole[role.id] ?? []
            var counts = [String: Int]()
            for record in postings { for id in Set(record.skills.map(\.skillID)) { counts[id, default: 0] += 1 } }
            func figure(_ id: String) -> SkillFigure {
                let p = Proportion(count: counts[id] ?? 0, total: postings.count)
                return SkillFigure(skillID: id, name: context.skillName(id), count: p.count, total: p.total, share: p.share)
            }
            let order: (SkillFigure, SkillFigure) -> Bool = { ($0.count, $1.name) > ($1.count, $0.name) }
            let listed = Set(role.skills)
            let unlisted = counts.keys.filter { !listed.contains($0) }.map(figure).sorted(by: order)
            return SeedCheck(roleID: role.id, name: role.name, postings: postings.count,
                             seedSkills: role.skills.map(figure).sorted(by: order),
                             unlisted: Array(unlisted.prefix(context.options.topCount)))
        }
    }
}
