import Foundation

/// How much a posting's work involves AI, from the AI evidence asked of the candidate (not the employer's
/// boilerplate): the measure behind "share of an occupation's postings that involve AI".
public enum AIInvolvement: String, Sendable, Codable, CaseIterable {
    /// No AI asked of the candidate.
    case none
    /// The candidate uses AI tools in the work (assistants, copilots, AI-powered tools).
    case usesAI = "uses_ai"
    /// The work builds, ships, evaluates or governs machine-learning models.
    case buildsML = "builds_ml"
    /// The work builds, ships, evaluates or governs generative-AI models or products (LLMs, diffusion, agents).
    case buildsGenerativeAI = "builds_genai"

    /// True when the work builds ML or generative AI (what makes an AI-gated role an AI role).
    public var buildsAI: Bool { self == .buildsML || self == .buildsGenerativeAI }
}
