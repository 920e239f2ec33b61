import Foundation

extension PostingAttributes {
    /// One line for terminals: "Master's degree · 5+ years · Senior · remote · USD 150k–225k/year · finance".
    public func summary(taxonomy: Taxonomy) -> String {
        var parts: [String] = []
        if let education {
            parts.append(taxonomy.educationLevels.first { $0.id == education }?.name ?? education)
        }
        if let yearsExperience { parts.append("\(yearsExperience)+ years") }
        if let seniority { parts.append(taxonomy.seniorityLevels.first { $0.id == seniority }?.name ?? seniority) }
        if let workplace { parts.append(workplace.rawValue) }
        if let salary { parts.append(salary.summary) }
        if !domains.isEmpty {
            parts.append("domains: " + domains.map { id in taxonomy.domains.first { $0.id == id }?.name ?? id }
                .joined(separator: ", "))
        }
        return parts.isEmpty ? "none stated" : parts.joined(separator: " · ")
    }
}

extension SalaryRange {
    /// "USD 150,000–225,000 per year".
    public var summary: String {
        let format = NumberFormatter()
        format.numberStyle = .decimal
        format.maximumFractionDigits = 2
        func text(_ v: Double?) -> String? { v.flatMap { format.string(from: NSNumber(value: $0)) } }
        let range = [text(minimum), text(maximum)].compactMap { $0 }.joined(separator: "–")
        return "\(currency) \(range) per \(period.rawValue)"
    }
}
