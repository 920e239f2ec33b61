import Foundation
import Testing
@testable import JobScope

@Suite("JSON-LD fields")
struct JobPostingLDTests {
    /// The label definition the byte path must match: Foundation's split, case mapping and replacement.
    private func reference(_ value: String) -> String {
        value.components(separatedBy: ", ").map { part -> String in
            switch part.uppercased().replacingOccurrences(of: "-", with: "_").replacingOccurrences(of: " ", with: "_") {
            case "FULL_TIME", "FULLTIME": return "Full-time"
            case "PART_TIME", "PARTTIME": return "Part-time"
            case "CONTRACTOR", "CONTRACT": return "Contract"
            case "TEMPORARY": return "Temporary"
            case "INTERN", "INTERNSHIP": return "Internship"
            case "VOLUNTEER": return "Volunteer"
            case "PER_DIEM": return "Per diem"
            case "OTHER": return "Other"
            default: return part
            }
        }.joined(separator: ", ")
    }

    @Test("employment type labels match the Foundation definition", arguments: [
        "FULL_TIME", "full-time", "Full Time", "FULL_TIME, CONTRACTOR", "part_time,  intern", "PER-DIEM", "",
        "Contract, ", ", ", "a,, b", "Fulltime, per diem, OTHER, Volunteer", "Seasonal work", "full_tıme", "Vollzeit, Teilzeit – befristet",
    ])
    func employmentTypeLabels(_ value: String) {
        #expect(JobPostingLD.employmentTypeLabel(value) == reference(value))
    }
}
