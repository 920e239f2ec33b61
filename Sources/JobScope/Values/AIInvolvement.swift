import Foundation

/// How a posting's job involves AI: not at all, using AI tools, building ML systems, or building generative-AI systems.
public enum AIInvolvement: String, Sendable, Codable, CaseIterable {
    case none
    case usesAI = "uses_ai"
    case buildsML = "builds_ml"
    case buildsGenerativeAI = "builds_genai"
}
