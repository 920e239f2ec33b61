import Foundation

/// The labelled postings a role model is trained and evaluated on: one profile document per role from
/// `Corpus/roles/`, plus real postings from corpus folders, labelled by an explicit `role` (or `label`) field
/// when the source has one and otherwise by the title rules; deduplicated by description.
public struct TrainingCorpus: Sendable {
    public var examples: [LabelledPosting]
    public var manifest: TrainingManifest
    /// Files or rows that could not be read (one line each, naming the file); the rest were used.
    public var problems: [String]

    /// Where the repository keeps the corpus files, relative to its root.
    public struct Layout: Sendable {
        public var root: URL
        public var profiles: URL { root.appendingPathComponent("Corpus/roles", isDirectory: true) }
        /// Profiles of jobs outside every role (label `other`), so Other is more than the corpus's lab and
        /// finance postings.
        public var otherProfiles: URL { root.appendingPathComponent("Corpus/other", isDirectory: true) }
        public var titleRules: URL { root.appendingPathComponent("Corpus/title-rules.yaml") }
        /// The title parser's rules: they label the real postings and travel inside the model.
        public var titleParseRules: URL { root.appendingPathComponent("Corpus/title-parse-rules.yaml") }
        public var aiEvidence: URL { root.appendingPathComponent("Corpus/ai-evidence.yaml") }
        /// The blind gold sets, whose postings training excludes.
        public var gold: URL { root.appendingPathComponent("Corpus/gold", isDirectory: true) }
        public var stopWords: URL { root.appendingPathComponent("Corpus/stop-words.txt") }
        /// The shared real postings beside the repository (`../shared/corpus`).
        public var sharedCorpus: URL {
            root.deletingLastPathComponent().appendingPathComponent("shared/corpus", isDirectory: true)
        }

        public init(root: URL) { self.root = root }

        /// The layout of the repository that holds `modelsDirectory` (its parent).
        public init(modelsDirectory: URL) { root = modelsDirectory.deletingLastPathComponent() }
    }

    /// File types read from corpus folders; other files (O*NET tables, saved search pages) are not postings.
    /// Markdown is read only for posting folders (`README.md` opening with `# [Title](url)`).
    public static let postingExtensions: Set<String> = ["csv", "tsv", "jsonl", "ndjson", "json", "md", "xlsx"]
    /// Files of titles only (no description): for title checks, never training.
    public static let titleOnlyFiles: Set<String> = ["title_list.csv"]

    /// Reads the stop-word list (one word a line, `#` comments).
    public static func stopWords(at url: URL) throws -> [String] {
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw TrainingCorpusError.unreadable(path: url.path, reason: error.localizedDescription)
        }
        return text.split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") }
    }

    /// The role profiles in `directory`: `<role-id>.md`, title from the first `# ` heading. With `label`, every
    /// file gets that label instead (the `other` profiles).
    public static func profiles(in directory: URL, taxonomy: Taxonomy, matcher: SkillMatcher,
                                label fixedLabel: String? = nil) throws -> [LabelledPosting] {
        let files: [String]
        do {
            files = try FileManager.default.contentsOfDirectory(atPath: directory.path)
                .filter { $0.hasSuffix(".md") && $0 != "README.md" }.sorted()
        } catch {
            throw TrainingCorpusError.unreadable(path: directory.path, reason: error.localizedDescription)
        }
        return try files.map { name in
            let id = fixedLabel ?? String(name.dropLast(3))
            guard fixedLabel != nil || taxonomy.role(id) != nil else { throw TrainingCorpusError.unknownProfile(file: name) }
            let url = directory.appendingPathComponent(name)
            let text: String
            do {
                text = try String(contentsOf: url, encoding: .utf8)
            } catch {
                throw TrainingCorpusError.unreadable(path: url.path, reason: error.localizedDescription)
            }
            var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            var title: String?
            if let heading = lines.firstIndex(where: { $0.hasPrefix("# ") }) {
                title = String(lines[heading].dropFirst(2)).trimmingCharacters(in: .whitespaces)
                lines.remove(at: heading)
            }
            let posting = Posting(source: PostingSource(path: "Corpus/" + directory.lastPathComponent + "/" + name),
                                  title: title, body: lines.joined(separator: "\n"))
            return LabelledPosting(posting: posting, label: id, group: "profile:" + name, isProfile: true,
                                   skillIDs: matcher.mentions(in: posting).map(\.skillID))
        }
    }

    /// Loads profiles and every posting file under `corpora` (folders or files).
    public static func load(profiles directory: URL, otherProfiles: URL? = nil, corpora: [URL], rules: TitleRuleSet,
                            taxonomy: Taxonomy, reader: PostingReader = PostingReader(), parser: TitleParser? = nil,
                            detector: AIInvolvementDetector? = nil,
                            gold: GoldExclusion = .init(), sharedCorpus: URL? = nil) throws -> TrainingCorpus {
        let matcher = SkillMatcher(taxonomy: taxonomy)
        var examples = try profiles(in: directory, taxonomy: taxonomy, matcher: matcher)
        var manifest = TrainingManifest(profiles: examples.count)
        if let otherProfiles, FileManager.default.fileExists(atPath: otherProfiles.path) {
            let others = try profiles(in: otherProfiles, taxonomy: taxonomy, matcher: matcher, label: RoleModel.otherClass)
            examples += others
            manifest.otherProfiles = others.count
        }
        var problems: [String] = []
        var seenBodies = Set<String>()
        var employers = Set<String>()
        let classNames = Set(taxonomy.roles.map(\.id) + [RoleModel.otherClass])
        for corpus in corpora {
            for file in try postingFiles(under: corpus) {
                let result: FileReadResult
                do {
                    guard let read = try CorpusFileReader.read(file, reader: reader) else { continue }
                    result = read
                } catch {
                    problems.append(error.localizedDescription)
                    continue
                }
                problems.append(contentsOf: result.rowErrors.map(\.localizedDescription))
                var used = 0
                let sourceName = Self.sourceName(of: file, corpus: corpus, shared: sharedCorpus)
                for posting in result.postings {
                    manifest.postingsRead += 1
                    let goldPath = Self.relativePath(URL(fileURLWithPath: posting.source.path),
                                                     to: sharedCorpus ?? corpus)
                    if gold.excludes(file: goldPath, row: posting.source.row ?? posting.source.line)
                        || (posting.extra["gold-file"].map { gold.excludes(file: $0, row: posting.source.line) } ?? false) {
                        manifest.goldExcluded += 1
                        continue
                    }
                    let explicit = (posting.extra["role"] ?? posting.extra["label"])?
                        .trimmingCharacters(in: .whitespaces).lowercased()
                    let body = posting.body.trimmingCharacters(in: .whitespacesAndNewlines)
                    guard !body.isEmpty, explicit != nil || !(posting.title ?? "").isEmpty else {
                        manifest.empty += 1
                        continue
                    }
                    let key = body.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
                    guard seenBodies.insert(key).inserted else {
                        manifest.duplicates += 1
                        continue
                    }
                    var label: String?
                    var accepted: [String]?
                    var bodyAI: AIEvidenceCounts?
                    if let explicit, !explicit.isEmpty {
                        guard classNames.contains(explicit) else {
                            problems.append("\(posting.source): label '\(explicit)' is not a role id or 'other'; posting skipped")
                            continue
                        }
                        label = explicit
                    } else if let parser {
                        var parsed = parser.parse(posting.title)
                        // A title role that needs AI work in the body (`requires`) and a title-named AI-gated role
                        // are decided by the body's AI evidence, as the classifier decides them: the label says
                        // what the work is.
                        let counts = parsed.outcome == .role ? detector?.counts(title: nil, body: posting.body) : nil
                        if let counts { parsed = parser.confirmed(parsed, evidence: counts, body: posting.body) }
                        label = parsed.className
                        accepted = parsed.supportedClasses.filter(classNames.contains)
                        if let counts, let titled = label, titled != RoleModel.otherClass {
                            bodyAI = counts
                            let (gated, changed) = parser.gate(titled, evidence: counts)
                            if changed {
                                let relabelled = gated ?? RoleModel.otherClass
                                label = relabelled
                                accepted = [relabelled] + (accepted ?? []).filter { $0 != relabelled && $0 != titled }
                                manifest.aiGatedLabels += 1
                            }
                        }
                    } else {
                        label = rules.label(for: posting.title ?? "")?.className
                    }
                    guard let label else {
                        manifest.unlabelled += 1
                        continue
                    }
                    let group = EmployerGroup.key(company: posting.company) ?? "posting:" + posting.id
                    employers.insert(group)
                    examples.append(LabelledPosting(posting: posting, label: label, group: group,
                                                    skillIDs: matcher.mentions(in: posting).map(\.skillID),
                                                    acceptedLabels: accepted, sourceName: sourceName, bodyAI: bodyAI))
                    manifest.classCounts[label, default: 0] += 1
                    manifest.sourceCounts[sourceName, default: 0] += 1
                    used += 1
                }
                manifest.recordFile(path: relativePath(file, to: corpus), source: sourceName,
                                    read: result.postings.count, used: used)
            }
        }
        manifest.employers = employers.count
        return TrainingCorpus(examples: examples, manifest: manifest, problems: problems)
    }

    /// Posting files under `url` (itself when it is a file), sorted by path so the order never varies.
    static func postingFiles(under url: URL) throws -> [URL] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            throw TrainingCorpusError.missingCorpus(path: url.path)
        }
        guard isDirectory.boolValue else { return [url] }
        // A folder named through a link is listed at its target (the enumerator does not descend into a link);
        // links inside it are not followed.
        guard let enumerator = FileManager.default.enumerator(at: url.resolvingSymlinksInPath(),
                                                              includingPropertiesForKeys: nil) else {
            throw TrainingCorpusError.unreadable(path: url.path, reason: "cannot list the folder")
        }
        var files: [URL] = []
        for case let file as URL in enumerator where postingExtensions.contains(file.pathExtension.lowercased())
            && !titleOnlyFiles.contains(file.lastPathComponent) {
            files.append(file)
        }
        return files.sorted { $0.path < $1.path }
    }

    /// The source a file belongs to: its first folder under the shared corpus (or under `corpus`).
    static func sourceName(of file: URL, corpus: URL, shared: URL?) -> String {
        let path = file.resolvingSymlinksInPath().standardizedFileURL.path
        for root in [shared, corpus].compactMap({ $0 }) {
            let base = root.resolvingSymlinksInPath().standardizedFileURL.path
            guard path.hasPrefix(base + "/") else { continue }
            let rest = path.dropFirst(base.count + 1)
            if let slash = rest.firstIndex(of: "/") { return String(rest[..<slash]) }
        }
        return file.deletingLastPathComponent().lastPathComponent
    }

    static func relativePath(_ file: URL, to root: URL) -> String {
        // Symbolic links resolved on both sides: a corpus named through a link (`/tmp/shared` -> `/work/shared`)
        // must still match the gold sets' paths, or their postings would silently leak into training.
        let base = root.resolvingSymlinksInPath().standardizedFileURL.path
        let path = file.resolvingSymlinksInPath().standardizedFileURL.path
        guard path.hasPrefix(base + "/") else { return file.lastPathComponent }
        return String(path.dropFirst(base.count + 1))
    }
}

/// Why the training corpus could not be read.
public enum TrainingCorpusError: LocalizedError, Equatable {
    case unreadable(path: String, reason: String)
    case missingCorpus(path: String)
    case unknownProfile(file: String)

    public var errorDescription: String? {
        switch self {
        case .unreadable(let path, let reason):
            return "\(path): \(reason)"
        case .missingCorpus(let path):
            return "\(path): corpus not found; pass --corpus DIR (the shared postings live in ../shared/corpus beside the repository)"
        case .unknownProfile(let file):
            return "Corpus/roles/\(file): no taxonomy role has this id; rename the file to a role id from Models/taxonomy.yaml"
        }
    }
}
