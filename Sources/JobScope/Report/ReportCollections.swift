import Foundation

/// Names the collection a source file belongs to, from the inputs `analyze` was given: the first path component
/// below the input holding the file (`analyze corpus/` gives `linkedin-2024`, `remotewlb-2024`, ...), or the file
/// itself when it was given directly. Collections are what the report checks periods' comparability on.
public struct ReportCollections: Sendable {
    /// Input paths, longest first so the most specific one wins.
    let inputs: [String]

    public init(inputs: [String]) {
        self.inputs = Set(inputs.map { $0.hasSuffix("/") && $0.count > 1 ? String($0.dropLast()) : $0 })
            .sorted { $0.count != $1.count ? $0.count > $1.count : $0 < $1 }
    }

    /// The collection of `path`; nil when no input holds it (the report then derives one from the paths).
    public func collection(of path: String) -> String? {
        for input in inputs {
            if path == input { return (input as NSString).lastPathComponent }
            guard path.hasPrefix(input + "/") else { continue }
            let rest = path.dropFirst(input.count + 1)
            let name = (input as NSString).lastPathComponent
            guard let first = rest.split(separator: "/").first else { return name }
            // A file directly in the input folder is a collection of its own; so is each subfolder.
            return "\(name)/\(first)"
        }
        return nil
    }
}
