import ArgumentParser
import JobScope

/// How a posting's fields are read, whatever the postings come from: files (`InputOptions`) or standard input
/// (`stream`).
struct ReadingOptions: ParsableArguments {
    @Option(
        name: .customLong("column"), parsing: .singleValue,
        help: ArgumentHelp(
            "Read a field from a named CSV/JSON column, e.g. --column description=Summary (repeatable). Fields: \(PostingField.allCases.map(\.rawValue).joined(separator: ", ")).",
            valueName: "field=NAME"),
        transform: { try ColumnOverride(parsing: $0) })
    var columns: [ColumnOverride] = []

    @Option(
        help: ArgumentHelp(
            "The day the collection was made (YYYY-MM-DD), for relative dates like '30+ days ago'.",
            valueName: "date"),
        transform: { text in
            guard let date = PostingDate(iso: text) else {
                throw ValidationError("--collected expects a date like 2024-05-31; got '\(text)'")
            }
            return date
        })
    var collected: PostingDate?

    /// Sets the column mapping and collection date of `options`.
    func apply(to options: inout ReaderOptions) {
        options.collectionDate = collected
        options.apply(columns)
    }
}
