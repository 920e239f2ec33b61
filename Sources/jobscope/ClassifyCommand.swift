import ArgumentParser
import Foundation
import JobScope

/// `jobscope classify PATH…`: the role(s), skills and evidence for every posting in the files and folders.
struct ClassifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "classify",
        abstract: "Tell which role each posting in the files is for, with probability, skills and evidence.")

    @OptionGroup var input: InputOptions

    @OptionGroup var modelOptions: ModelOptions

    @Option(name: .long, help: "Output: text, json (an array), jsonl (one posting a line), or none (classify only).")
    var format: RecordFormat = .text

    @Option(name: .long, help: "How many ranked roles to show per posting (text).")
    var top: Int = 3

    func run() throws {
        let console = Console()
        let analyzer = try modelOptions.loadAnalyzer()
        if analyzer.classifier.model.taxonomyVersion != analyzer.taxonomy.version {
            console.warning("the role model was trained for taxonomy \(analyzer.classifier.model.taxonomyVersion), the taxonomy is \(analyzer.taxonomy.version); run 'jobscope train'")
        }
        let runner = PostingRunner(input: input, console: console)
        let printer = RecordPrinter(format: format)
        try printer.begin()
        let tally = try runner.run { posting in
            let result = ClassifiedPosting(analysis: analyzer.analyze(posting), taxonomy: analyzer.taxonomy)
            try printer.print(result) { result.text(top: top, taxonomy: analyzer.taxonomy) }
        }
        try printer.end()
        try runner.finish(tally)
    }
}

/// One posting's answer as `classify` prints it: the decided role (or `other`) in `role`, the nearest role in
/// `nearestRole` (only for Other), and the documentation of the decided role only — never of a role that was
/// not chosen.
struct ClassifiedPosting: Encodable {
    var source: PostingSource
    var title: String?
    var company: String?
    /// The decided role id, or `other`.
    var role: String
    var roleName: String
    var secondaryRole: String?
    /// For Other: the role it came nearest to.
    var nearestRole: String?
    var confidence: Double
    var aiInvolvement: AIInvolvement
    /// Every role the posting hires for (several for a multi-role post), the decided one first.
    var hiredRoles: [HiredRole]
    var ranked: [RoleScore]
    var explanation: RoleExplanation
    var skills: [SkillMention]
    /// The decided role's documented responsibilities and collaborators (absent for Other).
    var roleDocumentation: RoleDocumentation?
    var modelVersion: String

    struct RoleDocumentation: Encodable {
        var id: String
        var name: String
        var responsibilities: [String]
        var collaborators: [String]
    }

    /// The classification itself, for the text output.
    private let classification: RoleClassification

    private enum CodingKeys: String, CodingKey {
        case source, title, company, role, roleName, secondaryRole, nearestRole, confidence, aiInvolvement,
             hiredRoles, ranked, explanation, skills, roleDocumentation, modelVersion
    }

    init(analysis: PostingAnalysis, taxonomy: Taxonomy) {
        let c = analysis.classification
        source = analysis.posting.source
        title = analysis.posting.title
        company = analysis.posting.company
        classification = c
        role = c.roleID ?? RoleModel.otherClass
        roleName = c.roleID.flatMap { taxonomy.role($0)?.name } ?? "Other"
        secondaryRole = c.secondaryRoleID
        nearestRole = c.roleID == nil ? c.nearestRoleID : nil
        confidence = c.confidence
        aiInvolvement = analysis.aiInvolvement
        hiredRoles = analysis.hiredRoles
        ranked = c.ranked
        explanation = c.explanation
        skills = analysis.skills
        modelVersion = analysis.modelVersion
        roleDocumentation = c.roleID.flatMap { taxonomy.role($0) }.map {
            RoleDocumentation(id: $0.id, name: $0.name, responsibilities: $0.responsibilities,
                              collaborators: $0.collaborators)
        }
    }

    func text(top: Int, taxonomy: Taxonomy) -> String {
        let c = classification
        func name(_ id: String) -> String { taxonomy.role(id)?.name ?? id }
        func probability(_ id: String) -> String {
            pct(c.ranked.first { $0.roleID == id }?.probability ?? 0)
        }
        var lines: [String] = []
        var head = source.description
        if let title, !title.isEmpty { head += "  \"\(title)\"" }
        if let company, !company.isEmpty { head += " · \(company)" }
        lines.append(head)
        if let id = c.roleID {
            let kind = taxonomy.role(id)?.kind == .adjacent ? " (adjacent role)" : ""
            var line = "  role: \(name(id))\(kind) \(pct(c.confidence))"
            if let second = c.secondaryRoleID { line += " / \(name(second)) \(probability(second))" }
            if c.explanation.decidedBy == "title" { line += " — the title decided" }
            lines.append(line)
        } else {
            let nearest = c.nearestRoleID.map { "; nearest: \(name($0)) \(probability($0))" } ?? ""
            lines.append("  role: Other — fits no role in the taxonomy (\(pct(c.confidence)))\(nearest)")
        }
        if c.roleID == nil, c.explanation.decidedBy == "title" { lines.append("  the title decided: it names no role of the taxonomy") }
        if c.explanation.decidedBy == "title-contradicted" { lines.append("  the title named a role the body strongly contradicts: the body decided") }
        lines.append("  AI involvement: \(c.aiInvolvement.rawValue)" + (c.explanation.aiNote.map { " (\($0))" } ?? ""))
        if hiredRoles.count > 1 {
            lines.append("  hires for: " + hiredRoles.map { "\($0.title ?? "") → \(name($0.roleID))" }.joined(separator: "; "))
        }
        lines.append("  ranked: " + c.ranked.prefix(top).map { "\($0.name) \(pct($0.probability))" }
            .joined(separator: ", "))
        let e = c.explanation
        var why: [String] = []
        if !e.titleKeywords.isEmpty { why.append("title says " + e.titleKeywords.map { "\"\($0)\"" }.joined(separator: ", ")) }
        if !e.topTerms.isEmpty { why.append("terms " + e.topTerms.prefix(6).map(\.term).joined(separator: ", ")) }
        if !e.matchedRoleSkills.isEmpty {
            why.append("role skills " + e.matchedRoleSkills.map { taxonomy.skill($0)?.name ?? $0 }.joined(separator: ", "))
        }
        if !why.isEmpty { lines.append("  why: " + why.joined(separator: "; ")) }
        if !skills.isEmpty {
            lines.append("  skills: " + skills.map { mention in
                mention.requirement == .mentioned ? mention.name : "\(mention.name) (\(mention.requirement.rawValue))"
            }.joined(separator: ", "))
        }
        if let role = roleDocumentation {
            let label = "\(role.name) does"
            if !role.responsibilities.isEmpty {
                lines.append("  \(label): " + role.responsibilities.prefix(3).joined(separator: "; "))
            }
            if !role.collaborators.isEmpty {
                lines.append("  works with: " + role.collaborators.map(name).joined(separator: ", "))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
