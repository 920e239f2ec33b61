import Foundation
import Yams

/// Loads and validates a taxonomy file.
public enum TaxonomyLoader {
    /// The taxonomy at `url` (YAML), validated.
    public static func load(from url: URL) throws -> Taxonomy {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw TaxonomyError.unreadable(file: url.path, reason: (error as NSError).localizedDescription)
        }
        return try load(data: data, file: url.path)
    }

    /// The taxonomy in the YAML bytes `data`; `file` names it in error messages.
    public static func load(data: Data, file: String) throws -> Taxonomy {
        guard let text = String(data: data, encoding: .utf8) else {
            throw TaxonomyError.unreadable(file: file, reason: "not UTF-8 text")
        }
        return try load(yaml: text, file: file)
    }

    /// The taxonomy in the located `Models/` folder.
    public static func loadDefault(modelsDirectory: String? = nil) throws -> Taxonomy {
        try load(from: ModelDirectory.locate(explicit: modelsDirectory).appendingPathComponent(ModelDirectory.taxonomyFile))
    }

    /// The taxonomy written in `yaml`; `file` names it in error messages.
    public static func load(yaml: String, file: String = "taxonomy.yaml") throws -> Taxonomy {
        let node: Node?
        do {
            node = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            throw syntaxError(error, file: file)
        }
        guard let node, node.mapping != nil else {
            throw TaxonomyError.invalidValue(file: file, line: node?.mark?.line, keyPath: "(top level)",
                                             problem: "expected a mapping with version:, roles: and skills:")
        }
        // Before any other check: a newer format may have keys this JobScope does not know.
        try DataFormat.check(node.mapping?["format"].flatMap { $0.int }, newest: DataFormat.taxonomy, file: file)
        let index = TaxonomyNodeIndex(root: node)
        var problems = TaxonomyValidator.checkKeys(index, file: file)
        if !problems.isEmpty { throw TaxonomyError.combine(problems) }

        let taxonomy: Taxonomy
        do {
            taxonomy = try YAMLDecoder().decode(Taxonomy.self, from: node)
        } catch let error as DecodingError {
            throw decodingError(error, index: index, file: file)
        }
        problems = TaxonomyValidator.check(taxonomy, index: index, file: file)
        if !problems.isEmpty { throw TaxonomyError.combine(problems) }
        return taxonomy
    }

    static func syntaxError(_ error: YamlError, file: String) -> TaxonomyError {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let text = context.map { "\(problem) \($0.text)" } ?? problem
            return .syntax(file: file, line: mark.line, column: mark.column, problem: text)
        case .duplicatedKeysInMapping(let duplicates, let context):
            return .syntax(file: file, line: context.mark.line, column: context.mark.column,
                           problem: "duplicate key \(duplicates.joined(separator: ", "))")
        default:
            return .syntax(file: file, line: 1, column: 1, problem: "\(error)")
        }
    }

    static func decodingError(_ error: DecodingError, index: TaxonomyNodeIndex, file: String) -> TaxonomyError {
        switch error {
        case .keyNotFound(let key, let context):
            let steps = TaxonomyNodeIndex.steps(context.codingPath)
            return .invalidValue(file: file, line: index.line(at: steps),
                                 keyPath: TaxonomyNodeIndex.render(steps + [.key(key.stringValue)]),
                                 problem: "missing required key '\(key.stringValue)'")
        case .typeMismatch(let type, let context), .valueNotFound(let type, let context):
            let steps = TaxonomyNodeIndex.steps(context.codingPath)
            return .invalidValue(file: file, line: index.line(at: steps), keyPath: TaxonomyNodeIndex.render(steps),
                                 problem: "expected \(describe(type))")
        case .dataCorrupted(let context):
            let steps = TaxonomyNodeIndex.steps(context.codingPath)
            let value = index.node(at: steps)?.string ?? ""
            if case .key("category")? = steps.last {
                return .unknownCategory(file: file, line: index.line(at: steps), keyPath: TaxonomyNodeIndex.render(steps),
                                        value: value)
            }
            if case .key("kind")? = steps.last {
                return .invalidValue(file: file, line: index.line(at: steps), keyPath: TaxonomyNodeIndex.render(steps),
                                     problem: "unknown role kind '\(value)'; use documented or adjacent")
            }
            return .invalidValue(file: file, line: index.line(at: steps), keyPath: TaxonomyNodeIndex.render(steps),
                                 problem: "invalid value '\(value)'")
        @unknown default:
            return .invalidValue(file: file, line: nil, keyPath: "(unknown)", problem: "\(error)")
        }
    }

    static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: return "a text value"
        case is Int.Type: return "a whole number"
        case is Bool.Type: return "true or false"
        case is [String].Type: return "a list of text values, like [a, b]"
        default:
            let name = "\(type)"
            return name.hasPrefix("Array") || name.hasPrefix("[") ? "a list" : "a mapping (\(name))"
        }
    }
}

extension TaxonomyError {
    /// One problem as itself, several as `.several`.
    static func combine(_ problems: [TaxonomyError]) -> TaxonomyError {
        problems.count == 1 ? problems[0] : .several(problems)
    }
}
