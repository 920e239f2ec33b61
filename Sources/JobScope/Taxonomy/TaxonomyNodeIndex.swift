import Foundation
import Yams

/// Finds the source line of a key path (`skills[3].aliases[1]`) in a composed YAML tree, so validation
/// messages can point a user at the exact line.
struct TaxonomyNodeIndex {
    /// One step of a key path: a mapping key or a sequence index.
    enum Step: CustomStringConvertible {
        case key(String)
        case index(Int)

        var description: String {
            switch self {
            case .key(let k): return k
            case .index(let i): return "[\(i)]"
            }
        }
    }

    let root: Node?

    /// The node at `path`, if the file has it.
    func node(at path: [Step]) -> Node? {
        var current = root
        for step in path {
            guard let node = current else { return nil }
            switch step {
            case .key(let key):
                current = node.mapping?.first { $0.key.string == key }?.value
            case .index(let i):
                guard let seq = node.sequence, i >= 0, i < seq.count else { return nil }
                current = seq[i]
            }
        }
        return current
    }

    /// The 1-based line of the node at `path`, or of its nearest ancestor the file has.
    func line(at path: [Step]) -> Int? {
        var steps = path
        while true {
            if let mark = node(at: steps)?.mark { return mark.line }
            if steps.isEmpty { return nil }
            steps.removeLast()
        }
    }

    /// `skills[3].aliases[1]`: how messages print a path.
    static func render(_ path: [Step]) -> String {
        var out = ""
        for step in path {
            switch step {
            case .key(let k): out += out.isEmpty ? k : "." + k
            case .index: out += step.description
            }
        }
        return out
    }

    /// Converts a `DecodingError`'s coding path to steps.
    static func steps(_ codingPath: [CodingKey]) -> [Step] {
        codingPath.map { key in key.intValue.map(Step.index) ?? .key(key.stringValue) }
    }
}
