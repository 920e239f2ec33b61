import ArgumentParser
import Foundation
import JobScope
#if canImport(Glibc)
import Glibc
#endif

/// `jobscope skills FILE…`: the skills and attributes each posting asks for, with evidence.
struct SkillsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "skills",
        abstract: "Show the skills (required, preferred or mentioned, with evidence) and attributes of each posting.",
        discussion: """
        Reads any posting file JobScope reads (HTML, text, Markdown, CSV/TSV, JSON, JSONL) or a folder of them. \
        For each posting: every taxonomy skill found, its category, whether the posting requires or prefers it, \
        how often it appears and where; then education, years of experience, seniority, workplace, salary and \
        application domains. A file or row that cannot be read is reported and skipped; the exit code is then 1.
        """
    )

    @OptionGroup var input: InputOptions

    @OptionGroup var model: ModelOptions

    @Option(name: .long, help: "Output: text, json (an array), jsonl (one posting a line), or none (extract only and print throughput).")
    var format: RecordFormat = .text

    @Option(name: .long, help: "Evidence snippets shown per skill in text output.")
    var evidence: Int = 1

    func run() throws {
        let taxonomy = try model.loadTaxonomy()
        let matcher = SkillMatcher(taxonomy: taxonomy)
        let extractor = AttributeExtractor(taxonomy: taxonomy)
        let runner = PostingRunner(input: input, console: Console())
        let printer = RecordPrinter(format: format)
        var mentions = 0
        var extracting: TimeInterval = 0
        var cpu: TimeInterval = 0
        try printer.begin()
        let tally = try runner.run { posting in
            let started = Date()
            let cpuStarted = Self.threadCPUTime()
            let report = PostingSkillsReport(posting: posting, skills: matcher.mentions(in: posting),
                                             attributes: extractor.attributes(of: posting))
            extracting += Date().timeIntervalSince(started)
            cpu += Self.threadCPUTime() - cpuStarted
            mentions += report.skills.count
            try printer.print(report) { text(report, taxonomy: taxonomy) }
        }
        try printer.end()
        if format == .none {
            // CPU time of this thread as well as wall time: on a busy machine the wall clock mostly measures waiting.
            let postings = tally.postings
            print(String(format: "extracted %d skill mentions from %d postings on one core: %.3f s CPU (%.0f postings/s), "
                         + "%.3f s wall (%.0f postings/s); reading the files took %.2f s more", mentions, postings, cpu,
                         Double(postings) / max(cpu, 1e-9), extracting, Double(postings) / max(extracting, 1e-9),
                         tally.seconds))
        }
        try runner.finish(tally)
    }

    /// The text layout of one posting's skills and attributes.
    func text(_ report: PostingSkillsReport, taxonomy: Taxonomy) -> String {
        let p = report.posting
        var lines: [String] = []
        var head = p.source.description
        if let title = p.title { head += " — " + title }
        if let company = p.company { head += " (\(company))" }
        lines.append(head)
        lines.append("  attributes: " + report.attributes.summary(taxonomy: taxonomy))
        if report.skills.isEmpty {
            lines.append("  no taxonomy skills found")
        }
        let width = min(28, report.skills.map(\.name.count).max() ?? 0)
        for skill in report.skills {
            let name = skill.name.padding(toLength: width, withPad: " ", startingAt: 0)
            let level = skill.requirement.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0)
            let category = skill.category.rawValue.padding(toLength: 20, withPad: " ", startingAt: 0)
            lines.append("  \(level) \(name) \(category) ×\(skill.count)")
            for e in skill.evidence.prefix(max(0, evidence)) {
                lines.append("      \"\(e.snippet)\" @\(e.start)")
            }
        }
        lines.append("")
        return lines.joined(separator: "\n")
    }

    /// CPU seconds this thread has used.
    static func threadCPUTime() -> TimeInterval {
        #if canImport(Glibc)
        var ts = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
        return TimeInterval(ts.tv_sec) + TimeInterval(ts.tv_nsec) / 1e9
        #else
        return ProcessInfo.processInfo.systemUptime
        #endif
    }
}

/// One posting's skills and attributes, as `skills --format json` and `jsonl` write them.
struct PostingSkillsReport: Encodable {
    var posting: Posting
    var skills: [SkillMention]
    var attributes: PostingAttributes

    enum CodingKeys: String, CodingKey { case id, source, title, company, skills, attributes }

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(posting.id, forKey: .id)
        try c.encode(posting.source, forKey: .source)
        try c.encodeIfPresent(posting.title, forKey: .title)
        try c.encodeIfPresent(posting.company, forKey: .company)
        try c.encode(skills, forKey: .skills)
        try c.encode(attributes, forKey: .attributes)
    }
}
