import Foundation

/// Finds the `Models/` folder that holds the taxonomy and the trained role model.
public enum ModelDirectory {
    /// The taxonomy file's name inside `Models/`.
    public static let taxonomyFile = "taxonomy.yaml"
    /// The trained role model's file name inside `Models/`.
    public static let roleModelFile = "role-model.json"

    /// The models folder: `explicit` if given, else `$JOBSCOPE_MODELS`, else `./Models`, else the nearest
    /// `Models/` above the running executable (so `swift run` and `.build/release/jobscope` work from anywhere).
    public static func locate(explicit: String? = nil) throws -> URL {
        let fm = FileManager.default
        if let explicit {
            return URL(fileURLWithPath: explicit, isDirectory: true)
        }
        if let env = ProcessInfo.processInfo.environment["JOBSCOPE_MODELS"], !env.isEmpty {
            return URL(fileURLWithPath: env, isDirectory: true)
        }
        var candidates = [URL(fileURLWithPath: fm.currentDirectoryPath).appendingPathComponent("Models")]
        var dir = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath()
            .deletingLastPathComponent()
        for _ in 0..<8 {
            candidates.append(dir.appendingPathComponent("Models"))
            dir = dir.deletingLastPathComponent()
        }
        // The source tree of this file, for tests run from a build folder elsewhere.
        var source = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { source = source.deletingLastPathComponent() }
        candidates.append(source.appendingPathComponent("Models"))
        for candidate in candidates
        where fm.fileExists(atPath: candidate.appendingPathComponent(taxonomyFile).path) {
            return candidate
        }
        throw ModelDirectoryError.notFound(searched: candidates.map(\.path))
    }
}

/// Why the models folder could not be found.
public enum ModelDirectoryError: LocalizedError, Equatable {
    case notFound(searched: [String])

    public var errorDescription: String? {
        switch self {
        case .notFound(let searched):
            return "no Models/ folder with \(ModelDirectory.taxonomyFile) found (looked in \(searched.joined(separator: ", "))); "
                + "pass --models DIR or set JOBSCOPE_MODELS"
        }
    }
}
