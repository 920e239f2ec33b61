import Foundation

/// How much a posting's work involves AI, from the AI evidence asked of the candidate (not the employer's
/// boilerplate): the measure behind "share of an occupation's postings that involve AI".
public enum AIInvolvement: String, Sendable, Codable, CaseIterable {
    /// No AI asked of the candidate.
    case none
    /// The candidate uses AI tools in the work, or AI is what the job's product, policy, sales or teaching is
    /// about without the job building models.
    case usesAI = "uses_ai"
    /// The work builds, trains, evaluates or deploys machine-learning models.
    case buildsML = "builds_ml"
    /// The work builds with, trains, evaluates or serves generative models (LLMs, diffusion, agents).
    case buildsGenerativeAI = "builds_genai"

    /// The order of the levels, none lowest.
    public var rank: Int { Self.allCases.firstIndex(of: self) ?? 0 }

    /// True when the work builds ML or generative AI (what makes an AI-gated role an AI role).
    public var buildsAI: Bool { self == .buildsML || self == .buildsGenerativeAI }
}
