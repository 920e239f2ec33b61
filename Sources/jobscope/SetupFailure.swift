import ArgumentParser
import Foundation
import JobScope

/// Runs `body`; a failure to write the output (a refused path, a full disk) or of the store is printed as one
/// line naming the file and ends the command with exit status 2 ("could not run"), whatever the command.
func exitingWith2<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as OutputError {
        throw failure(error)
    } catch let error as StoreError {
        throw failure(error)
    }
}

/// The async form of `exitingWith2`.
func exitingWith2<T>(_ body: () async throws -> T) async throws -> T {
    do {
        return try await body()
    } catch let error as OutputError {
        throw failure(error)
    } catch let error as StoreError {
        throw failure(error)
    }
}

private func failure(_ error: LocalizedError) -> ExitCode {
    FileHandle.standardError.write(Data("error: \(TerminalText.clean(error.errorDescription ?? "\(error)"))\n".utf8))
    return ExitCode(2)
}
