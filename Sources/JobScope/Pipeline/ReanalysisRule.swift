/// When a posting that was already analyzed (stored, or queued by this run) is analyzed again. Written once, for
/// the worker that decides whether to analyze a posting and for the store that decides whether to replace what it
/// holds, so the two can never disagree.
enum ReanalysisRule {
    /// True when the place now says something else than when it was last read (`placeHash`; nil if the posting was
    /// never seen there) and the analysis on record is of other content than `contentHash`: an edited file.
    /// Another place with other details (a copy with another location or date) is a duplicate, not an edit.
    static func isEdited(contentHash: String, analyzedHash: String, placeHash: String?) -> Bool {
        guard let placeHash else { return false }
        return placeHash != contentHash && analyzedHash != contentHash
    }

    /// True when a posting with `contentHash` must be analyzed: there is no current analysis of it (`currentHash`
    /// is the content hash of one, queued or stored), or its place was edited. `placeHash` is only looked up when
    /// the answer depends on it.
    static func needsAnalysis(
        contentHash: String, currentHash: String?,
        placeHash: () throws -> String?
    ) rethrows -> Bool {
        guard let currentHash else { return true }
        if currentHash == contentHash { return false }
        return isEdited(contentHash: contentHash, analyzedHash: currentHash, placeHash: try placeHash())
    }

    /// True when `needsAnalysis` asks for the place's hash: for a caller that must look it up beforehand
    /// (an asynchronous store).
    static func dependsOnPlace(contentHash: String, currentHash: String?) -> Bool {
        currentHash != nil && currentHash != contentHash
    }

    /// True when the store replaces the analysis it holds (`known`) with a new one: the model or taxonomy moved on
    /// (or `--reclassify`), or the place was edited.
    static func replacesStored(
        _ known: KnownPosting, contentHash: String, placeHash: String?,
        context: RunContext
    ) -> Bool {
        !known.hasCurrentAnalysis(context: context)
            || isEdited(contentHash: contentHash, analyzedHash: known.contentHash, placeHash: placeHash)
    }
}
