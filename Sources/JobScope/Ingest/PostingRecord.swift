import Foundation

/// One record of an export before cleaning: raw field values and extra columns, as the file gave them.
struct PostingRecord: Sendable {
    var fields: [PostingField: String] = [:]
    var extra: [String: String] = [:]
    /// Skills a structured source listed (schema.org `skills`).
    var listedSkills: [String] = []
    /// Every role the record names when it names several (a Hacker News first line).
    var titles: [String]?
    /// The description is already rendered text (a page's visible text), not markup to render.
    var bodyIsText = false
    /// The description as valid UTF-8 bytes, when a reader has it so: taken instead of `fields[.description]`,
    /// repaired from the bytes without a String in between (a Markdown body is built as bytes).
    var descriptionUTF8: [UInt8]?
    /// Bytes of other files read into this record (a careers-board dump's description file).
    var joinedByteCount = 0
}
