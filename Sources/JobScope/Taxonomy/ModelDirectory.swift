import Foundation

/// Finds the `Models/` folder that holds the taxonomy and the trained role model.
public enum ModelDirectory {
    /// The taxonomy file's name inside `Models/`.
    public static let taxonomyFile = "taxonomy.yaml"
    /// The trained role model's file name inside `Models/`.
    public static let roleModelFile = "role-model.json"

    /// Set to a models folder to use it when `--models` is not given.
    public static let environmentVariable = "JOBSCOPE_MODELS"

    /// The models folder: `explicit` (`--models`) if given, else `$JOBSCOPE_MODELS`, else `./Models`, else one found
    /// from the running executable: `Models/` beside it or in a folder above it (a build folder inside a checkout:
    /// `.build/debug/jobscope` finds the checkout's `Models/`), or `share/jobscope/Models` beside its `bin/` (an
    /// installed copy). Never a path compiled into the binary: it works wherever it is copied with its models.
    public static func locate(explicit: String? = nil,
                              environment: [String: String] = ProcessInfo.processInfo.environment,
                              executable: URL? = runningExecutable,
                              workingDirectory: String = FileManager.default.currentDirectoryPath) throws -> URL {
        if let explicit {
            return URL(fileURLWithPath: explicit, isDirectory: true)
        }
        if let env = environment[environmentVariable], !env.isEmpty {
            return URL(fileURLWithPath: env, isDirectory: true)
        }
        let fm = FileManager.default
        var candidates = [URL(fileURLWithPath: workingDirectory).appendingPathComponent("Models")]
        if let executable {
            var dir = executable.resolvingSymlinksInPath().deletingLastPathComponent()
            candidates.append(dir.deletingLastPathComponent().appendingPathComponent("share/jobscope/Models"))
            for _ in 0..<8 {
                candidates.append(dir.appendingPathComponent("Models"))
                dir = dir.deletingLastPathComponent()
            }
        }
        var seen = Set<String>()
        candidates = candidates.filter { seen.insert($0.standardizedFileURL.path).inserted }
        for candidate in candidates
        where fm.fileExists(atPath: candidate.appendingPathComponent(taxonomyFile).path) {
            return candidate
        }
        throw ModelDirectoryError.notFound(searched: candidates.map(\.path))
    }

    /// The executable of this process (`/proc/self/exe` on Linux), else its first argument.
    public static var runningExecutable: URL? {
        Bundle.main.executableURL ?? CommandLine.arguments.first.map { URL(fileURLWithPath: $0) }
    }
}

/// Why the models folder could not be found.
public enum ModelDirectoryError: LocalizedError, Equatable {
    case notFound(searched: [String])

    public var errorDescription: String? {
        switch self {
        case .notFound(let searched):
            return "no Models/ folder with \(ModelDirectory.taxonomyFile) found (looked in \(searched.joined(separator: ", "))); "
                + "pass --models DIR or set \(ModelDirectory.environmentVariable)"
        }
    }
}
