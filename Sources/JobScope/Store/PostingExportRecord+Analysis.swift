import Foundation

extension PostingExportRecord {
    /// The record of a fresh analysis that no store has seen: the posting's own place as its only source, no
    /// repost link (finding reposts needs the other postings), content hash and fingerprint for a later merge.
    public init(analysis: PostingAnalysis) {
        let p = analysis.posting
        let c = analysis.classification
        self.init(id: p.id, sources: [p.source], title: p.title, company: p.company, location: p.location,
                  datePosted: p.datePosted, roleID: c.roleID, secondaryRoleID: c.secondaryRoleID,
                  nearestRoleID: c.nearestRoleID, confidence: c.confidence, roles: c.ranked,
                  skills: analysis.skills, attributes: analysis.attributes, repostOf: nil,
                  modelVersion: analysis.modelVersion, contentHash: p.contentHash,
                  simhash: SimHash(text: p.body)?.hexText, aiInvolvement: analysis.aiInvolvement,
                  hiredRoles: analysis.hiredRoles.map(\.roleID))
    }
}
