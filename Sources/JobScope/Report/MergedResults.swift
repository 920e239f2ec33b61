import Foundation

/// The postings of a folder of result files (from `jobscope stream`, `analyze --output FILE.jsonl`, Spark
/// partitions, many machines), merged as one store would hold them: the report of the merge is the report of
/// one store that analyzed the same postings.
///
/// Files are taken in path order and records in line order, the order one `analyze` over the shards' inputs
/// stores them. As the store does: a posting id met again is a duplicate (the first analysis stays, unless the
/// same place says something else now: another content hash there replaces it), its places are added, and the
/// report names its first place; a new posting whose SimHash lies within `SimHash.maxDistance` bits of an
/// earlier non-repost of the same company is a near-duplicate repost.
public struct MergedResults: Sendable {
    /// One record per distinct posting, in merge order, reposts marked.
    public var records: [ReportRecord]
    /// Result files read.
    public var files = 0
    /// Result records read (error records and bad lines not counted).
    public var resultRecords = 0
    /// Records of a posting id already merged.
    public var duplicates = 0
    /// Error records (`{"error": …, "line": N}`) passed over.
    public var errorRecords = 0
    /// Lines that are not result records, one message each (file and line).
    public var problems: [String] = []

    /// The result files under `folder`, in merge order: `*.jsonl` and Spark/Hadoop `part-*` files, hidden
    /// files, `_SUCCESS` markers and `.crc` checksums left out.
    public static func resultFiles(in folder: String) throws -> [String] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            throw ResultFolderError.notFolder(path: folder)
        }
        guard let walker = FileManager.default.enumerator(atPath: folder) else {
            throw ResultFolderError.notFolder(path: folder)
        }
        var files: [String] = []
        while let relative = walker.nextObject() as? String {
            let name = (relative as NSString).lastPathComponent
            let path = (folder as NSString).appendingPathComponent(relative)
            if name.hasPrefix(".") || name.hasPrefix("_") {
                if (walker.fileAttributes?[.type] as? FileAttributeType) == .typeDirectory { walker.skipDescendants() }
                continue
            }
            guard (walker.fileAttributes?[.type] as? FileAttributeType) == .typeRegular else { continue }
            let ext = (name as NSString).pathExtension.lowercased()
            if ext == "jsonl" || (name.hasPrefix("part-") && ext != "crc") { files.append(path) }
        }
        return files.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    /// Reads and merges every result file under `folder`.
    public static func read(folder: String) throws -> MergedResults {
        let files = try resultFiles(in: folder)
        guard !files.isEmpty else { throw ResultFolderError.noResultFiles(path: folder) }
        var merge = Merge()
        for path in files {
            let data: Data
            do {
                data = try Data(contentsOf: URL(fileURLWithPath: path))
            } catch {
                throw ResultFolderError.unreadable(path: path, reason: error.localizedDescription)
            }
            merge.add(file: path, data: data)
        }
        var result = MergedResults(records: merge.records)
        result.files = files.count
        result.resultRecords = merge.resultRecords
        result.duplicates = merge.duplicates
        result.errorRecords = merge.errorRecords
        result.problems = merge.problems
        return result
    }

    init(records: [ReportRecord]) {
        self.records = records
    }
}

/// The running merge: what is kept so far and the indexes that find duplicates and reposts.
private struct Merge {
    struct Kept {
        var index: Int
        var contentHash: String?
        var sources: Set<PostingSource>
    }

    /// A 16-bit band of an original's fingerprint, under its company (the store's band indexes).
    struct BandKey: Hashable {
        var company: String
        var band: Int
        var value: Int64
    }

    var records: [ReportRecord] = []
    var kept: [String: Kept] = [:]
    /// Fingerprints of the originals (not reposts) seen, with their posting ids, per company and band.
    var bands: [BandKey: [(fingerprint: SimHash, id: String)]] = [:]
    var resultRecords = 0
    var duplicates = 0
    var errorRecords = 0
    var problems: [String] = []
    let decoder = JSONDecoder()

    mutating func add(file path: String, data: Data) {
        var lineNumber = 0
        for line in data.split(separator: 0x0A, omittingEmptySubsequences: false) {
            lineNumber += 1
            guard line.contains(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D }) else { continue }
            let bytes = Data(line)
            do {
                add(try decoder.decode(PostingExportRecord.self, from: bytes))
            } catch {
                if (try? decoder.decode(StreamErrorRecord.self, from: bytes)) != nil {
                    errorRecords += 1
                } else {
                    problems.append(ResultFolderError.badLine(path: path, line: lineNumber,
                                                              reason: MergedResults.reason(error)).localizedDescription)
                }
            }
        }
    }

    mutating func add(_ record: PostingExportRecord) {
        resultRecords += 1
        if var known = kept[record.id] {
            duplicates += 1
            // The store's rule for an edited file: this very place now says something else, so its analysis
            // replaces the stored one (the repost link stays, as the store leaves it).
            let samePlace = record.sources.contains { known.sources.contains($0) }
            if samePlace, let hash = record.contentHash, hash != known.contentHash {
                records[known.index] = MergedResults.reportRecord(record, repostOf: records[known.index].repostOf,
                                                                  sources: known.sources)
                known.contentHash = hash
            }
            known.sources.formUnion(record.sources)
            records[known.index].sourcePath = MergedResults.firstPath(known.sources)
            kept[record.id] = known
            return
        }
        // A record without a fingerprint keeps the link its own run found.
        var repostOf = record.simhash == nil ? record.repostOf : nil
        let company = CompanyKey.key(record.company)
        if let fingerprint = record.simhash.flatMap(SimHash.init(hexText:)) {
            let keys = fingerprint.bands.enumerated().map { BandKey(company: company, band: $0.offset, value: $0.element) }
            for key in keys {
                if let original = bands[key]?.first(where: { fingerprint.isNearDuplicate(of: $0.fingerprint) }) {
                    repostOf = original.id
                    break
                }
            }
            if repostOf == nil {
                for key in keys { bands[key, default: []].append((fingerprint, record.id)) }
            }
        }
        let sources = Set(record.sources)
        kept[record.id] = Kept(index: records.count, contentHash: record.contentHash, sources: sources)
        records.append(MergedResults.reportRecord(record, repostOf: repostOf, sources: sources))
    }
}

extension MergedResults {
    /// What the report reads of a result record.
    /// A merge knows no `analyze` inputs, so the collection is left for the report to derive from the path.
    static func reportRecord(_ r: PostingExportRecord, repostOf: String?, sources: Set<PostingSource>) -> ReportRecord {
        ReportRecord(postingID: r.id, sourcePath: firstPath(sources), datePosted: r.datePosted, roleID: r.roleID,
                     secondaryRoleID: r.secondaryRoleID, confidence: r.confidence,
                     skills: r.skills.map { ReportSkill(skillID: $0.skillID, category: $0.category,
                                                        requirement: $0.requirement) },
                     attributes: r.attributes, isRepost: repostOf != nil, repostOf: repostOf,
                     company: r.company, location: r.location, aiInvolvement: r.aiInvolvement)
    }

    /// The place the store names first: by path, then row, then line (a missing row or line counts as 0).
    static func firstPath(_ sources: Set<PostingSource>) -> String {
        sources.min { a, b in
            if a.path != b.path { return a.path.utf8.lexicographicallyPrecedes(b.path.utf8) }
            return (a.row ?? 0, a.line ?? 0) < (b.row ?? 0, b.line ?? 0)
        }?.path ?? ""
    }

    /// A decoding error on one line.
    static func reason(_ error: Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, _): return "no \"\(key.stringValue)\""
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context),
             DecodingError.dataCorrupted(let context):
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            return path.isEmpty ? context.debugDescription : "\(path): \(context.debugDescription)"
        default: return error.localizedDescription
        }
    }
}
