/// The stages of JobScope and the type that crosses each boundary, in the order a posting goes through them.
///
/// ```
/// paths ─ walk ─▶ PostingFileWalker.Entry ─ read ─▶ FileReadResult ([Posting])
///       ─ analyze ─▶ PostingAnalysis ─ store ─▶ AnalysisStore (SQLite, PostgreSQL) ─ report ─▶ ReportRecord ─▶ TrendReport
/// ```
///
/// | Stage    | Folder                                     | Takes                    | Gives                     |
/// |----------|--------------------------------------------|--------------------------|---------------------------|
/// | walk     | `Ingest/` (`PostingFileWalker`)            | files and folders        | `PostingFileWalker.Entry` |
/// | read     | `Ingest/` (`PostingReader`)                | a file's bytes           | `FileReadResult`          |
/// | analyze  | `Skills/`, `Attributes/`, `Roles/` through `Pipeline/PostingAnalyzer` | `Posting` | `PostingAnalysis` |
/// | store    | `Store/` (`PostingStore`), run by `Pipeline/BatchAnalyzer` | `PostingAnalysis` | stored rows     |
/// | report   | `Report/` (`TrendReport`)                  | `ReportRecord`s          | `TrendReport`, rendered   |
///
/// `jobscope classify`, `skills` and `extract` stop after analyze (or read); `analyze` runs walk to store in
/// parallel (`BatchAnalyzer`, `BatchRun`, `WalkOrderQueue`); `report` reads the store.
/// The aliases below name the boundary types, so this map stops compiling when one of them is renamed.
public enum Pipeline {
    /// Walk → read: one entry found under the paths given (a file, a file of another type, or a problem).
    public typealias Walked = PostingFileWalker.Entry
    /// Read → analyze: the postings read from one file, and its unreadable rows.
    public typealias Read = FileReadResult
    /// The unit every stage after reading works on.
    public typealias Unit = Posting
    /// Analyze → store: roles, skills and attributes of one posting.
    public typealias Analyzed = PostingAnalysis
    /// Store → report: one stored posting as the report counts it.
    public typealias Stored = ReportRecord
    /// Report → renderers: every figure of the report.
    public typealias Reported = TrendReport
}
