import Foundation

/// A check that a match of a short or common-word skill name really means the skill ("R, Python" yes,
/// "R&D" no). Rules are data: each has an id that skills reference in the taxonomy file, a description, the
/// aliases it applies to, examples that must and must not match, and the check itself (as in SwiftLint).
public struct AmbiguityRule: Sendable, Identifiable {
    /// Which of a skill's aliases a rule looks at; the others (e.g. "R programming", "Apache Spark") are
    /// unambiguous by construction and always pass.
    public enum Scope: String, Sendable {
        /// Aliases of at most three characters ("R", "C", "Go", "ML", "RAG").
        case shortAliases = "aliases of up to 3 characters"
        /// Aliases that are one token ("Spark", "Excel", "transformers").
        case singleTokenAliases = "single-word aliases"
    }

    /// The id skills name in their `rules:` list.
    public let id: String
    public let description: String
    public let scope: Scope
    /// The alias the examples are about.
    public let exampleAlias: String
    /// Sentences in which the example alias must be found (used by the tests and `jobscope taxonomy --rules`).
    public let matchingExamples: [String]
    /// Sentences in which it must not be found.
    public let nonMatchingExamples: [String]
    /// True when the candidate match passes.
    let check: @Sendable (MatchContext) -> Bool

    init(id: String, description: String, scope: Scope, exampleAlias: String, matching: [String], nonMatching: [String],
         check: @escaping @Sendable (MatchContext) -> Bool) {
        self.id = id
        self.description = description
        self.scope = scope
        self.exampleAlias = exampleAlias
        self.matchingExamples = matching
        self.nonMatchingExamples = nonMatching
        self.check = check
    }

    /// Whether the rule looks at a match of `alias` (as written in the taxonomy).
    func applies(to alias: SkillMatcher.AliasEntry) -> Bool {
        switch scope {
        case .shortAliases: return alias.written.count <= 3
        case .singleTokenAliases: return alias.tokenCount == 1
        }
    }
}

extension AmbiguityRule {
    /// Every rule JobScope knows, by id.
    public static let registry: [String: AmbiguityRule] = Dictionary(
        uniqueKeysWithValues: all.map { ($0.id, $0) })

    /// Every rule, in documentation order.
    public static let all: [AmbiguityRule] = [
        AmbiguityRule(
            id: "exact-case",
            description: "The text must be written exactly as the alias is (R not r, Go not go or GO, ML not ml).",
            scope: .shortAliases, exampleAlias: "R",
            matching: ["Experience with R, Python and SQL.", "Tools: R"],
            nonMatching: ["press r to continue, python fans", "option r, sql"],
            check: { $0.matchedText == $0.alias.written }),
        AmbiguityRule(
            id: "acronym-case",
            description: "An alias written in capitals (REST, API) matches only capitals, so \"the rest of the team\" "
                + "is no REST API; mixed-case aliases (RESTful, Flask) match in any case.",
            scope: .singleTokenAliases, exampleAlias: "REST",
            matching: ["Build REST services in Python.", "Design a REST API"],
            nonMatching: ["Work with the rest of the team.", "Rest assured, python fans"],
            check: { $0.alias.written.contains(where: \.isLowercase) || !$0.matchedText.contains(where: \.isLowercase) }),
        AmbiguityRule(
            id: "not-abbreviation",
            description: "Not part of an abbreviation or initials: never R&D, P&R, John R. Smith or R's.",
            scope: .shortAliases, exampleAlias: "R",
            matching: ["Fluent in Python and R.", "R, Python", "Python/R"],
            nonMatching: ["Lead our R&D team, Python", "Contact John R. Smith, Python team.", "The P&R committee",
                          "Python and R's cousins"],
            check: { $0.isNotAbbreviation }),
        AmbiguityRule(
            id: "skill-context",
            description: "Must stand in a skill context: listed next to another skill (\"C, C++\", \"Python/C\"), "
                + "after a cue (\"in C\", \"with C\", \"knowledge of C\") or before one (\"C programming\", \"C code\").",
            scope: .singleTokenAliases, exampleAlias: "C",
            matching: ["Proficiency in C.", "Languages: Python/C/SQL", "C, C++ or Java", "Knowledge of C is a plus.",
                       "Write C code daily."],
            nonMatching: ["Vitamin C and zinc.", "Plan A, Plan B, Plan C.", "Grade C or above in maths.",
                          "Report to the C suite."],
            check: { $0.hasSkillContext }),
        AmbiguityRule(
            id: "capitalized",
            description: "The word must be capitalized (Rust, Swift), not the common word (rust, swift).",
            scope: .singleTokenAliases, exampleAlias: "Rust",
            matching: ["Systems work in Rust and C++.", "Rust, Python"],
            nonMatching: ["remove rust from steel in python", "rust, python"],
            check: { $0.isCapitalized }),
        AmbiguityRule(
            id: "capitalized-or-context",
            description: "Either capitalized inside a sentence (\"experience with Spark\") or in a skill context "
                + "(\"hadoop, spark, sql\"); never the common word (\"spark innovation\").",
            scope: .singleTokenAliases, exampleAlias: "Spark",
            matching: ["Experience with Spark is required.", "Tools: hadoop, spark, sql", "Spark, SQL and Python"],
            nonMatching: ["Spark innovation across teams.", "You will spark new ideas.", "the spark of curiosity"],
            check: { ($0.isCapitalized && !$0.isSentenceStart) || $0.hasSkillContext }),
        AmbiguityRule(
            id: "not-verb",
            description: "Not the verb: \"excel in\", \"excel at\", \"excel as\" are not Microsoft Excel.",
            scope: .singleTokenAliases, exampleAlias: "Excel",
            matching: ["Proficiency in Excel and SQL.", "Excel"],
            nonMatching: ["You will Excel at building models.", "Candidates who excel in fast-paced teams."],
            check: { !$0.isFollowedByVerbPreposition }),
        AmbiguityRule(
            id: "ml-context",
            description: "Counts only in a posting that also asks for machine-learning or statistics skills "
                + "(\"transformers\" in an ML posting, not on a power grid).",
            scope: .singleTokenAliases, exampleAlias: "transformers",
            matching: ["Build transformers with PyTorch."],
            nonMatching: ["Maintain substation transformers and switchgear."],
            check: { $0.postingHasMLContext }),
    ]
}
