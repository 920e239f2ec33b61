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
        application domains. A file that cannot be read is reported and skipped; the exit code is then 1.
        """
    )

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable { case text, json, jsonl, none }

    @Argument(help: "Posting files or folders.")
    var paths: [String]

    @OptionGroup var model: ModelOptions

    @Option(name: .long, help: "Output: text, json (an array, written as it goes), jsonl (one posting a line), or none (extract only and print throughput).")
    var format: OutputFormat = .text

    @Flag(help: "Follow symbolic links that lead out of the given folders (loops are still not followed).")
    var followLinks = false

    @Option(name: .long, help: "Evidence snippets shown per skill in text output.")
    var evidence: Int = 1

    func run() throws {
        let taxonomy = try model.loadTaxonomy()
        let matcher = SkillMatcher(taxonomy: taxonomy)
        let extractor = AttributeExtractor(taxonomy: taxonomy)
        let (files, problems) = PostingFileWalker(paths: paths, followLinks: followLinks).collect()
        var failed = problems.count
        for problem in problems { printError("error: " + (problem.errorDescription ?? problem.path)) }

        var postings = 0, mentions = 0
        var extracting: TimeInterval = 0
        var cpu: TimeInterval = 0
        var reading: TimeInterval = 0
        let output = OutputFile.standardOutput()
        let json = JSONStreamWriter(output: output, layout: format == .jsonl ? .lines : .array)
        if format == .json { try exitingWith2 { try json.begin() } }
        var readStart = Date()
        // A window of files at a time, written before the next is read: memory stays flat.
        try PostingBatchReader().forEach(files: files) { outcome in
            reading += Date().timeIntervalSince(readStart)
            defer { readStart = Date() }
            switch outcome.result {
            case .failure(let error):
                failed += 1
                printError("error: " + (error.errorDescription ?? "\(error)"))
            case .success(let result):
                for problem in result.rowErrors { printError("warning: " + (problem.errorDescription ?? "\(problem)")) }
                for posting in result.postings {
                    let started = Date()
                    let cpuStarted = Self.threadCPUTime()
                    let report = PostingSkillsReport(posting: posting, skills: matcher.mentions(in: posting),
                                                     attributes: extractor.attributes(of: posting))
                    extracting += Date().timeIntervalSince(started)
                    cpu += Self.threadCPUTime() - cpuStarted
                    postings += 1
                    mentions += report.skills.count
                    try exitingWith2 {
                        switch format {
                        case .text: try output.write(TerminalText.clean(text(report, taxonomy: taxonomy)))
                        case .json, .jsonl: try json.write(report)
                        case .none: break
                        }
                    }
                }
            }
        }
        try exitingWith2 { if format == .json || format == .jsonl { try json.end() } else { try output.flush() } }
        if format == .none {
            // CPU time of this thread as well as wall time: on a busy machine the wall clock mostly measures waiting.
            print(String(format: "extracted %d skill mentions from %d postings on one core: %.3f s CPU (%.0f postings/s), "
                         + "%.3f s wall (%.0f postings/s); reading the files took %.2f s more", mentions, postings, cpu,
                         Double(postings) / max(cpu, 1e-9), extracting, Double(postings) / max(extracting, 1e-9), reading))
        }
        if files.isEmpty && problems.isEmpty {
            printError("error: no posting files under \(paths.joined(separator: " "))")
            throw ExitCode.failure
        }
        if failed > 0 { throw ExitCode.failure }
    }

    func text(_ report: PostingSkillsReport, taxonomy: Taxonomy) -> String {
        var lines: [String] = []
        func print(_ line: String) { lines.append(line) }
        let p = report.posting
        var head = p.source.description
        if let title = p.title { head += " — " + title }
        if let company = p.company { head += " (\(company))" }
        print(head)
        print("  attributes: " + report.attributes.summary(taxonomy: taxonomy))
        if report.skills.isEmpty {
            print("  no taxonomy skills found")
        }
        let width = min(28, report.skills.map(\.name.count).max() ?? 0)
        for skill in report.skills {
            let name = skill.name.padding(toLength: width, withPad: " ", startingAt: 0)
            let level = skill.requirement.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0)
            let category = skill.category.rawValue.padding(toLength: 20, withPad: " ", startingAt: 0)
            print("  \(level) \(name) \(category) ×\(skill.count)")
            for e in skill.evidence.prefix(max(0, evidence)) {
                print("      \"\(e.snippet)\" @\(e.start)")
            }
        }
        print("")
        return lines.map { $0 + "\n" }.joined()
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

    private func printError(_ line: String) {
        FileHandle.standardError.write(Data((TerminalText.clean(line) + "\n").utf8))
    }
}

/// One posting's skills and attributes, as `skills --format json` writes them.
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
