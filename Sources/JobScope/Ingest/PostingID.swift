import Crypto
import Foundation

extension Posting {
    /// The stable id: the first 16 hex digits of SHA-256 over normalized title, company and body.
    /// Normalizing (case, white space) makes the same posting re-exported by another tool keep its id.
    public static func makeID(title: String?, company: String?, body: String) -> String {
        let key = [title ?? "", company ?? "", body].map(normalizedForID).joined(separator: "\u{1F}")
        let digest = SHA256.hash(data: Data(key.utf8))
        return digest.prefix(8).map { String(format: "%02x", $0) }.joined()
    }

    /// Content hash over every field the analysis reads, so a changed posting is re-read.
    public var contentHash: String {
        let key = [title ?? "", company ?? "", location ?? "", datePosted?.description ?? "",
                   employmentType ?? "", salaryText ?? "", body, listedSkills.joined(separator: ",")]
            .joined(separator: "\u{1F}")
        let digest = SHA256.hash(data: Data(key.utf8))
        return digest.prefix(16).map { String(format: "%02x", $0) }.joined()
    }

    static func normalizedForID(_ text: String) -> String {
        text.lowercased().split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
