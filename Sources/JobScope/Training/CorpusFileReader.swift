import Foundation

/// Reads the shared corpus's posting files for training, including the two layouts `PostingReader` does not
/// join on its own: a posting folder's `README.md` (line 1 `# [Title](url)`, line 2 `### Company`, the
/// description after the header lines) and a careers board's `jobs.json` whose descriptions sit in
/// `descriptions/<id>.html`. Kept small: the ingest stage's readers take these over when they land.
enum CorpusFileReader {
    /// The postings of `file`, or nil when it is no posting file (a folder's README that is not a posting).
    static func read(_ file: URL, reader: PostingReader) throws -> FileReadResult? {
        switch file.pathExtension.lowercased() {
        case "md":
            return try markdownPosting(file).map { FileReadResult(postings: [$0]) }
        case "json" where file.lastPathComponent == "jobs.json":
            let descriptions = file.deletingLastPathComponent().appendingPathComponent("descriptions", isDirectory: true)
            if FileManager.default.fileExists(atPath: descriptions.path) {
                return try boardPostings(file, descriptions: descriptions, reader: reader)
            }
            return try reader.read(path: file.path)
        default:
            return try reader.read(path: file.path)
        }
    }

    /// A Markdown posting: nil unless line 1 is `# [Title](url)`.
    static func markdownPosting(_ file: URL) throws -> Posting? {
        let text: String
        do {
            text = try String(contentsOf: file, encoding: .utf8)
        } catch {
            throw TrainingCorpusError.unreadable(path: file.path, reason: error.localizedDescription)
        }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        guard let first = lines.first, first.hasPrefix("# ["), let close = first.range(of: "](") else { return nil }
        let title = String(first[first.index(first.startIndex, offsetBy: 3)..<close.lowerBound])
        lines.removeFirst()
        var company: String?
        var location: String?
        var salary: String?
        while let line = lines.first, line.hasPrefix("#") || line.isEmpty {
            if line.hasPrefix("#### ") {
                // `💰 salary` `🌎 location`
                let parts = line.split(separator: "`").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty && $0 != "####" }
                for part in parts {
                    if part.hasPrefix("💰") { salary = String(part.dropFirst()).trimmingCharacters(in: .whitespaces) }
                    if part.hasPrefix("🌎") { location = String(part.dropFirst()).trimmingCharacters(in: .whitespaces) }
                }
            } else if line.hasPrefix("### "), company == nil {
                company = String(line.dropFirst(4))
            }
            lines.removeFirst()
        }
        return Posting(source: PostingSource(path: file.path), title: title, company: company, location: location,
                       salaryText: salary, body: lines.joined(separator: "\n"))
    }

    /// A careers board: `jobs.json` (id, title, team, location) joined with `descriptions/<id>.html`.
    static func boardPostings(_ file: URL, descriptions: URL, reader: PostingReader) throws -> FileReadResult {
        let data: Data
        do {
            data = try Data(contentsOf: file)
        } catch {
            throw TrainingCorpusError.unreadable(path: file.path, reason: error.localizedDescription)
        }
        guard let jobs = try? JSONSerialization.jsonObject(with: data) as? [[String: Any]] else {
            throw TrainingCorpusError.unreadable(path: file.path, reason: "expected a JSON array of jobs with 'id' and 'title'")
        }
        let company = file.deletingLastPathComponent().lastPathComponent.split(separator: "-").first.map(String.init)
        var postings: [Posting] = []
        for (index, job) in jobs.enumerated() {
            guard let id = (job["id"] as? String) ?? (job["id"] as? Int).map(String.init),
                  let title = job["title"] as? String else { continue }
            let html = descriptions.appendingPathComponent(id + ".html")
            guard FileManager.default.fileExists(atPath: html.path),
                  let body = try? reader.read(path: html.path).postings.first?.body else { continue }
            var extra: [String: String] = ["gold-file": TrainingCorpus.relativePath(file, to: file.deletingLastPathComponent().deletingLastPathComponent())]
            if let team = job["team"] as? String { extra["team"] = team }
            postings.append(Posting(source: PostingSource(path: html.path, line: index + 1), title: title,
                                    company: company, location: job["location"] as? String, body: body, extra: extra))
        }
        return FileReadResult(postings: postings)
    }
}
