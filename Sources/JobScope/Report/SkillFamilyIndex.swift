import Foundation

/// The taxonomy's skill families (`families:` with `id`, `name`, optional `parent`; each skill's `family:`),
/// as the report groups skills by them.
///
/// Read by reflection so the report builds against a taxonomy with or without families (they are being added by
/// another change); once `Skill.family` and `Taxonomy.families` exist everywhere this can read them directly.
struct SkillFamilyIndex {
    /// Family id → display name, in taxonomy order.
    let families: [(id: String, name: String)]
    /// Skill id → the ids of its family and every ancestor family.
    let familiesOfSkill: [String: [String]]

    init(_ taxonomy: Taxonomy) {
        self.init(container: taxonomy, skills: taxonomy.skills.map { ($0.id, $0 as Any) })
    }

    /// Reads `families` from `container` and `family` from each skill value (any types with those stored properties).
    init(container: Any, skills: [(id: String, value: Any)]) {
        var parent = [String: String]()
        var families: [(id: String, name: String)] = []
        if let list = Self.child(container, "families") {
            for element in Mirror(reflecting: list).children {
                guard let id = Self.child(element.value, "id") as? String else { continue }
                let name = Self.child(element.value, "name") as? String ?? id
                families.append((id, name))
                if let p = Self.child(element.value, "parent") as? String { parent[id] = p }
            }
        }
        var index = [String: [String]]()
        for skill in skills {
            guard let family = Self.child(skill.value, "family") as? String, !family.isEmpty else { continue }
            var chain = [family], current = family
            while let up = parent[current], !chain.contains(up) { chain.append(up); current = up }
            index[skill.id] = chain
        }
        let known = Set(families.map(\.id))
        // A family a skill names but the list lacks still counts, under its id.
        for id in Set(index.values.joined()).subtracting(known).sorted() { families.append((id, id)) }
        self.families = families
        familiesOfSkill = index
    }

    var isEmpty: Bool { familiesOfSkill.isEmpty }

    /// The value of the stored property `label` of `value`, unwrapped from an optional; nil when absent or nil.
    private static func child(_ value: Any, _ label: String) -> Any? {
        guard let found = Mirror(reflecting: value).children.first(where: { $0.label == label })?.value else { return nil }
        let mirror = Mirror(reflecting: found)
        if mirror.displayStyle == .optional { return mirror.children.first?.value }
        return found
    }
}
