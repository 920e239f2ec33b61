import Foundation

/// What a role model was trained on: sources, how many postings each gave and what was dropped, per-class counts.
public struct TrainingManifest: Sendable, Codable, Equatable {
    /// One source of training postings.
    public struct Source: Sendable, Codable, Equatable {
        /// The file's path relative to its corpus folder (`glassdoor-2020/glassdoor_jobs.csv`) or `Corpus/roles`.
        public var path: String
        /// Postings read.
        public var read: Int
        /// Postings used for training.
        public var used: Int
        /// Files folded into this entry: a source that publishes one posting a file is listed once, under its
        /// folder, with its file count (nil: one file).
        public var files: Int?

        public init(path: String, read: Int, used: Int, files: Int? = nil) {
            self.path = path
            self.read = read
            self.used = used
            self.files = files
        }
    }

    public var sources: [Source]
    /// Role profile documents used (one per role).
    public var profiles: Int
    /// Profiles of jobs outside every role (`Corpus/other/`), labelled `other`.
    public var otherProfiles: Int
    /// Postings read from all sources.
    public var postingsRead: Int
    /// Dropped because their description repeats an earlier one (reposts, overlapping scrapes).
    public var duplicates: Int
    /// Dropped because they had no title or no description.
    public var empty: Int
    /// Dropped because no title rule matched, or a rule marked the title as too ambiguous.
    public var unlabelled: Int
    /// Labelled postings used, per class name.
    public var classCounts: [String: Int]
    /// Distinct employers among the labelled postings (cross-validation groups).
    public var employers: Int
    /// Left out because a blind gold set lists them.
    public var goldExcluded: Int
    /// Labelled postings used, per source (the corpus folder they came from).
    public var sourceCounts: [String: Int]
    /// Title-labelled postings whose AI-gated label the body's AI evidence changed (an AI role without AI work
    /// labelled as its non-AI neighbour, or the other way round).
    public var aiGatedLabels: Int = 0

    public init(sources: [Source] = [], profiles: Int = 0, otherProfiles: Int = 0, postingsRead: Int = 0, duplicates: Int = 0, empty: Int = 0,
                unlabelled: Int = 0, classCounts: [String: Int] = [:], employers: Int = 0) {
        self.sources = sources
        self.profiles = profiles
        self.otherProfiles = otherProfiles
        self.postingsRead = postingsRead
        self.duplicates = duplicates
        self.empty = empty
        self.unlabelled = unlabelled
        self.classCounts = classCounts
        self.employers = employers
        self.goldExcluded = 0
        self.sourceCounts = [:]
    }

    private enum CodingKeys: String, CodingKey {
        case sources, profiles, otherProfiles, postingsRead, duplicates, empty, unlabelled, classCounts, employers,
             goldExcluded, sourceCounts, aiGatedLabels
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(sources: try c.decode([Source].self, forKey: .sources), profiles: try c.decode(Int.self, forKey: .profiles),
                  otherProfiles: try c.decodeIfPresent(Int.self, forKey: .otherProfiles) ?? 0,
                  postingsRead: try c.decode(Int.self, forKey: .postingsRead),
                  duplicates: try c.decode(Int.self, forKey: .duplicates), empty: try c.decode(Int.self, forKey: .empty),
                  unlabelled: try c.decode(Int.self, forKey: .unlabelled),
                  classCounts: try c.decode([String: Int].self, forKey: .classCounts),
                  employers: try c.decode(Int.self, forKey: .employers))
        goldExcluded = try c.decodeIfPresent(Int.self, forKey: .goldExcluded) ?? 0
        sourceCounts = try c.decodeIfPresent([String: Int].self, forKey: .sourceCounts) ?? [:]
        aiGatedLabels = try c.decodeIfPresent(Int.self, forKey: .aiGatedLabels) ?? 0
    }

    /// Records a file read for training. One-posting files fold into one entry per source folder (`source`), so
    /// a corpus of 18,000 posting folders does not make the model file megabytes of paths.
    public mutating func recordFile(path: String, source: String, read: Int, used: Int) {
        guard read <= 1 else {
            sources.append(.init(path: path, read: read, used: used))
            return
        }
        if let last = sources.indices.last, sources[last].files != nil, sources[last].path == source {
            sources[last].read += read
            sources[last].used += used
            sources[last].files! += 1
        } else {
            sources.append(.init(path: source, read: read, used: used, files: 1))
        }
    }

    /// Labelled postings used (profiles not counted).
    public var postingsUsed: Int { classCounts.values.reduce(0, +) }
}
