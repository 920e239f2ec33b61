/// The rising-and-falling section as every renderer shows it, computed once: four lists (rising and falling
/// skills, rising and falling roles), each holding only the tested rows, largest change first, cut to a limit.
public struct TrendSection: Sendable {
    /// One list of the section.
    public struct List: Sendable {
        public var title: String
        /// The tested rows shown (at most the limit).
        public var rows: [TrendComparison.Row]
        /// Tested rows beyond the limit, not shown.
        public var moreTested: Int
        /// Rows on too few postings to be tested.
        public var untested: Int
    }

    public var risingSkills: List
    public var fallingSkills: List
    public var risingRoles: List
    public var fallingRoles: List

    /// The four lists in the order renderers show them.
    public var lists: [List] { [risingSkills, fallingSkills, risingRoles, fallingRoles] }

    public init(_ trends: TrendComparison, limit: Int) {
        func list(_ title: String, _ all: [TrendComparison.Row]) -> List {
            let (tested, untested) = TrendComparison.tested(all)
            let shown = Array(tested.prefix(limit))
            return List(title: title, rows: shown, moreTested: tested.count - shown.count, untested: untested)
        }
        risingSkills = list("Rising skills", trends.risingSkills)
        fallingSkills = list("Falling skills", trends.fallingSkills)
        risingRoles = list("Rising roles", trends.risingRoles)
        fallingRoles = list("Falling roles", trends.fallingRoles)
    }
}
