import Foundation

/// The form of a job title that near-duplicate detection compares, and the rule for "the same job": two
/// postings of one company are reposts only when their bodies are within `SimHash.maxDistance` bits **and**
/// their titles are near-same. A body alone is not enough: one employer's boilerplate (benefits, mission,
/// equal-opportunity text) makes the bodies of different jobs near-identical.
///
/// A title's key is its set of lowercased letter-and-digit words without the noise that varies between
/// reposts of one job: seniority and level words ("Senior", "Sr", "Lead", "II"), workplace and employment
/// words ("Remote", "Hybrid", "Full-time", "Contract"), gender tags ("m/w/d"), connecting words ("and",
/// "of"), requisition numbers (three digits or more) and the words of the posting's own location ("Data
/// Analyst - Irvine" in Irvine). Two titles are near-same when the Jaccard similarity of their keys is at
/// least `minimumSimilarity` (0.75), or when either has no key left (no title: the body decides alone).
///
/// Examples (see Documentation/near-duplicates.md for the evidence):
/// - "Senior Data Scientist" / "Data Scientist": same key, linked.
/// - "Data Engineer (Remote)" / "Data Engineer": same key, linked.
/// - "Data Scientist - P&C-7968" / "Data Scientist - P&C-7969": same key, linked.
/// - "High School Math Teacher" / "High School Earth Science Teacher": 3 of 6 words, kept apart.
/// - "Senior Data Scientist" / "Senior Data Analyst": 1 of 3 words, kept apart.
public enum TitleKey {
    /// Keys at least this similar (Jaccard) are the same job's title.
    public static let minimumSimilarity = 0.75

    /// Words that differ between reposts of one job.
    static let noise: Set<String> = [
        // seniority and level
        "senior", "sr", "snr", "junior", "jr", "lead", "principal", "staff", "associate", "entry", "level", "mid",
        "i", "ii", "iii", "iv", "v",
        // workplace and employment
        "remote", "hybrid", "onsite", "on", "site", "office", "wfh", "full", "part", "time", "fulltime",
        "parttime", "contract", "contractor", "temporary", "temp", "permanent", "freelance",
        // gender tags (m/w/d, f/m/x, all genders)
        "m", "w", "f", "d", "x", "div", "mwd", "mfd", "fmd", "gn",
        // connecting words
        "a", "an", "and", "or", "the", "of", "for", "with", "in", "at", "to",
    ]

    /// The comparison key of `title`, leaving out the words of `location`.
    public static func key(_ title: String?, location: String? = nil) -> Set<String> {
        guard let title else { return [] }
        let place = Set(words(location ?? ""))
        return Set(words(title).filter { word in
            !noise.contains(word) && !place.contains(word) && !(word.count >= 3 && word.allSatisfy(\.isNumber))
        })
    }

    /// Jaccard similarity of two keys (1 for two empty keys).
    public static func similarity(_ a: Set<String>, _ b: Set<String>) -> Double {
        let union = a.union(b).count
        return union == 0 ? 1 : Double(a.intersection(b).count) / Double(union)
    }

    /// True when two titles name the same job by this rule (either without a key: true).
    public static func nearSame(_ a: String?, location aLocation: String? = nil, _ b: String?,
                                location bLocation: String? = nil) -> Bool {
        let first = key(a, location: aLocation), second = key(b, location: bLocation)
        if first.isEmpty || second.isEmpty { return true }
        return similarity(first, second) >= minimumSimilarity
    }

    private static func words(_ text: String) -> [String] {
        text.lowercased().split(whereSeparator: { !($0.isLetter || $0.isNumber) }).map(String.init)
    }
}
