import ArgumentParser
import Foundation
import JobScope

/// The one way a command reads postings: walks and reads the input (`InputOptions`), reports every file or row
/// not read on the console, hands each posting on, and ends with the exit status the input earned.
struct PostingRunner {
    let input: InputOptions
    let console: Console

    /// Reads the input and calls `each` for every posting, in walk order.
    func run(_ each: (Posting) throws -> Void) throws -> PostingInput.Tally {
        try input.input.read(
            problem: { problem in
                switch problem {
                case .file(let line): console.error(line)
                case .row(let line): console.warning(line)
                }
            }, posting: each)
    }

    /// One line on what was read (when something failed, or there was more than one file).
    static func describe(_ tally: PostingInput.Tally) -> String {
        let read = tally.files - tally.failedFiles
        var line =
            "read \(tally.postings) posting\(tally.postings == 1 ? "" : "s") from \(read) of \(tally.files) "
            + "file\(tally.files == 1 ? "" : "s")"
        if tally.failedFiles > 0 { line += " (\(tally.failedFiles) failed)" }
        if tally.failedRows > 0 { line += ", \(tally.failedRows) row\(tally.failedRows == 1 ? "" : "s") not read" }
        return line
    }

    /// Throws the exit status of a run that did not read everything (`ExitStatus`): none found, or some not read.
    func finish(_ tally: PostingInput.Tally, summary: Bool = true) throws {
        if summary, !tally.allRead || tally.files > 1 { console.note(Self.describe(tally)) }
        if tally.foundNothing {
            console.error(
                "no posting files (.html .htm .txt .md .csv .tsv .xlsx .json .jsonl .ndjson) under "
                    + input.paths.joined(separator: " "))
            throw ExitStatus.someInputUnreadable.code
        }
        if !tally.allRead { throw ExitStatus.someInputUnreadable.code }
    }
}
