import Foundation
import Yams

/// An invented sentence and the AI involvement it must give (checked by the tests).
public struct AIEvidenceExample: Sendable, Codable, Equatable {
    public var text: String
    public var involvement: AIInvolvement
}

/// The patterns of `Corpus/ai-evidence.yaml`, carried inside the role model.
public struct AIEvidenceRules: Sendable, Codable, Equatable {
    public var version: String
    /// A heading that opens the employer's own text (About us, Benefits): its sentences never count.
    public var companyHeadings: String
    public var uses: String
    public var genai: String
    public var ml: String
    public var work: String
    public var examples: [AIEvidenceExample]

    public init(version: String, companyHeadings: String, uses: String, genai: String, ml: String, work: String,
                examples: [AIEvidenceExample] = []) {
        self.version = version
        self.companyHeadings = companyHeadings
        self.uses = uses
        self.genai = genai
        self.ml = ml
        self.work = work
        self.examples = examples
    }

    /// Reads a rules file.
    public static func load(from url: URL) throws -> AIEvidenceRules {
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw TitleRuleError.unreadable(path: url.path, reason: error.localizedDescription)
        }
        struct Raw: Decodable {
            var version: String, companyHeadings: String, uses: String, genai: String, ml: String, work: String
            var examples: [AIEvidenceExample]?
        }
        do {
            let raw = try YAMLDecoder().decode(Raw.self, from: text)
            return AIEvidenceRules(version: raw.version, companyHeadings: raw.companyHeadings, uses: raw.uses,
                                   genai: raw.genai, ml: raw.ml, work: raw.work, examples: raw.examples ?? [])
        } catch {
            throw TitleRuleError.unreadable(path: url.path, reason: "not an ai-evidence file (\(error))")
        }
    }
}
