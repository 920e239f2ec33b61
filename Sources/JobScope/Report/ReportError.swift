import Foundation

/// Why a report could not be made.
public enum ReportError: LocalizedError, Equatable {
    case storeMissing(path: String)
    case unknownSection(String, known: [String])
    case unknownRole(String, known: [String])
    case badSpan(option: String, text: String)
    case compareNeedsTwo(given: Int)
    case sectionNeedsCSV
    case cannotWrite(path: String, reason: String)
    case comparisonFormat(String)

    public var errorDescription: String? {
        switch self {
        case .storeMissing(let path):
            return "no store at \(path); run `jobscope analyze DIR` first to read and classify your postings "
                + "(give both commands the same --store PATH to use another file)"
        case .unknownSection(let name, let known):
            return "unknown section '\(name)'; choose one of: \(known.joined(separator: ", "))"
        case .unknownRole(let id, let known):
            return "unknown role '\(id)'; the taxonomy's role ids are: \(known.joined(separator: ", "))"
        case .badSpan(let option, let text):
            return "\(option) '\(text)' is not a date or period; write 2024, 2024-Q2, 2024-03, 2024-03-15 or a range like 2023-01..2023-06"
        case .compareNeedsTwo(let given):
            return "--compare takes two periods (e.g. --compare 2023 2025), got \(given)"
        case .sectionNeedsCSV:
            return "--section picks one table of the CSV report; add --format csv"
        case .comparisonFormat(let format):
            return "--compare-stores writes terminal, markdown, json or csv, not \(format); choose one of those with --format"
        case .cannotWrite(let path, let reason):
            return "cannot write \(path): \(reason); check the folder exists and is writable, or choose another"
        }
    }
}
