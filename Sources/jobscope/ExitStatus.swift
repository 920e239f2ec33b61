import ArgumentParser

/// The exit status of every command: one table, applied once at the root (`JobScopeCommand.main`).
///
/// | Status | Meaning                                                                                  |
/// |--------|------------------------------------------------------------------------------------------|
/// | 0      | all input read (and everything asked for done)                                           |
/// | 1      | some input unreadable: files or rows not read, each named on stderr; the rest was done   |
/// | 2      | could not run: setup (models, taxonomy, gold set), the store, the output file, the disk  |
/// | 64     | bad arguments (unknown option, bad value, `--column` naming no field, …)                 |
/// | 130    | `analyze` stopped by Ctrl-C: everything finished is stored; run it again to go on        |
enum ExitStatus: Int32 {
    case allRead = 0
    case someInputUnreadable = 1
    case couldNotRun = 2
    case badArguments = 64
    case interrupted = 130

    var code: ExitCode { ExitCode(rawValue) }
}
