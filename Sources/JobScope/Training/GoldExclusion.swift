import Foundation
import Yams

/// The postings of the blind gold sets (`Corpus/gold/roles-gold*.yaml`, `Corpus/gold/skills-gold-2024*.yaml`),
/// which training must never see: identified by `file` (relative to `../shared/corpus`) and, for files that
/// hold many postings, `row`.
public struct GoldExclusion: Sendable, Equatable {
    /// Whole files excluded (entries without a row).
    public var files: Set<String>
    /// Rows excluded, per file.
    public var rows: [String: Set<Int>]
    /// The gold files read.
    public var sources: [String]

    public init(files: Set<String> = [], rows: [String: Set<Int>] = [:], sources: [String] = []) {
        self.files = files
        self.rows = rows
        self.sources = sources
    }

    /// File name prefixes of the gold sets whose postings are excluded.
    public static let prefixes = ["roles-gold", "skills-gold-2024"]

    /// Every gold file in `directory` (none when it does not exist).
    public static func load(directory: URL) throws -> GoldExclusion {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else { return .init() }
        var result = GoldExclusion()
        for name in names.sorted() where prefixes.contains(where: name.hasPrefix) && (name.hasSuffix(".yaml") || name.hasSuffix(".yml")) {
            let url = directory.appendingPathComponent(name)
            try result.add(contentsOf: url)
        }
        return result
    }

    /// Adds the postings listed in one gold file.
    public mutating func add(contentsOf url: URL) throws {
        struct Entry: Decodable { var file: String; var row: Int? }
        struct File: Decodable { var postings: [Entry] }
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw TrainingCorpusError.unreadable(path: url.path, reason: error.localizedDescription)
        }
        let entries: [Entry]
        do {
            if let file = try? YAMLDecoder().decode(File.self, from: text) {
                entries = file.postings
            } else {
                entries = try YAMLDecoder().decode([Entry].self, from: text)
            }
        } catch {
            throw TrainingCorpusError.unreadable(path: url.path,
                reason: "not a gold file (expected 'postings:' with 'file:' and optional 'row:' per posting): \(error)")
        }
        for entry in entries {
            let file = Self.normalize(entry.file)
            if let row = entry.row { rows[file, default: []].insert(row) } else { files.insert(file) }
        }
        sources.append(url.lastPathComponent)
    }

    /// A gold `file:` as compared: no leading `./`, no `../shared/corpus/` or `shared/corpus/` prefix.
    static func normalize(_ path: String) -> String {
        var p = path.trimmingCharacters(in: .whitespaces)
        for prefix in ["../shared/corpus/", "/work/shared/corpus/", "shared/corpus/", "./"] where p.hasPrefix(prefix) {
            p = String(p.dropFirst(prefix.count))
        }
        return p
    }

    /// True when the posting at `file` (relative to the shared corpus), row `row`, is in a gold set.
    public func excludes(file: String, row: Int?) -> Bool {
        let file = Self.normalize(file)
        if files.contains(file) { return true }
        if let row, let excluded = rows[file], excluded.contains(row) { return true }
        return false
    }

    /// Number of listed postings (whole files count once).
    public var count: Int { files.count + rows.values.reduce(0) { $0 + $1.count } }
}
