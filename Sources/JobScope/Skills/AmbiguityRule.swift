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
        /// A skill's `weakAliases` ("pipelines", "stakeholders"): generic words.
        case weakAliases = "weak aliases"
        /// Every spelling of the skill, its name included.
        case everyAlias = "every alias"
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
    /// The context terms the example skill has (for `own-terms-nearby`); empty for the other rules.
    public let exampleContextTerms: [String]
    /// True when the candidate match passes.
    let check: @Sendable (MatchContext) -> Bool

    init(id: String, description: String, scope: Scope, exampleAlias: String, matching: [String], nonMatching: [String],
         contextTerms: [String] = [], check: @escaping @Sendable (MatchContext) -> Bool) {
        self.id = id
        self.description = description
        self.scope = scope
        self.exampleAlias = exampleAlias
        self.matchingExamples = matching
        self.nonMatchingExamples = nonMatching
        self.exampleContextTerms = contextTerms
        self.check = check
    }

    /// The rule every weak alias passes, whether or not the skill lists it.
    public static let ownTermsNearbyID = "own-terms-nearby"
    /// The rule that, for a soft skill's weak aliases, takes the place of `own-terms-nearby`.
    public static let competencyNearbyID = "competency-nearby"
    /// The rule every skill but a programming language or soft skill passes, whether or not the skill lists it.
    public static let organisationWordID = "not-organisation-word"

    /// Whether the rule looks at a match of `alias` (as written in the taxonomy).
    func applies(to alias: SkillMatcher.AliasEntry) -> Bool {
        switch scope {
        case .shortAliases: return alias.written.count <= 3
        case .singleTokenAliases: return alias.tokenCount == 1
        case .weakAliases: return alias.weak
        case .everyAlias: return true
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
            description: "Not part of an abbreviation or initials: never R&D, P&R, John R. Smith, R's, nor a letter "
                + "hyphenated to a word (C-suite, C-level, R-squared).",
            scope: .shortAliases, exampleAlias: "R",
            matching: ["Fluent in Python and R.", "R, Python", "Python/R"],
            nonMatching: ["Lead our R&D team, Python", "Contact John R. Smith, Python team.", "The P&R committee",
                          "Python and R's cousins", "Python model with an R-squared above 0.9"],
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
        AmbiguityRule(
            id: ownTermsNearbyID,
            description: "A weak alias (a generic word such as \"pipelines\", \"stakeholders\", \"analytics\") counts "
                + "only with one of the skill's own context terms within ten words on the same line and sentence "
                + "(\"pipelines\" that load the warehouse yes, release pipelines no). Applied to every weak alias.",
            scope: .weakAliases, exampleAlias: "pipelines",
            matching: ["Maintain pipelines that load the warehouse.", "Batch and streaming pipelines in Python."],
            nonMatching: ["Own our pipelines and keep them green.", "Grow the sales pipelines.\nThe warehouse team helps."],
            contextTerms: ["warehouse", "batch", "streaming"],
            check: { $0.hasOwnTermsNearby }),
        AmbiguityRule(
            id: "not-devops-pipeline",
            description: "Not a delivery pipeline: \"pipelines\" right after CI/CD, deployment, release, delivery, "
                + "DevOps, Jenkins, GitHub, GitLab, test, sales or hiring is no data pipeline.",
            scope: .weakAliases, exampleAlias: "pipelines",
            matching: ["Build pipelines that move data into Snowflake.", "Own the ingestion pipelines."],
            nonMatching: ["Maintain CI/CD pipelines for data services.", "Improve our deployment pipelines.",
                          "GitHub Actions pipelines for data", "Grow the sales pipelines and data."],
            contextTerms: ["data", "ingestion"],
            check: { !$0.followsDeliveryWord }),
        AmbiguityRule(
            id: "not-degree-field",
            description: "Not the subject of a degree: \"degree in Mathematics or Statistics\", \"MS in Statistics\", "
                + "\"Statistics degree\" name a field of study (an education attribute), not a skill.",
            scope: .everyAlias, exampleAlias: "Statistics",
            matching: ["Strong knowledge of statistics and probability.", "Apply Statistics to product questions.",
                       "PhD preferred. Statistics, SQL and Python required."],
            nonMatching: ["Bachelor's degree in Mathematics or Statistics.", "MS in Statistics, Computer Science or a related field.",
                          "A degree in a quantitative field such as Physics, Statistics or Economics.",
                          "Statistics degree required.", "BS/MS in Computer Science or Statistics",
                          "Background in economics, statistics, social work, or related fields.",
                          "A quantitative discipline (physics, statistics, computer science, etc.) or a similar field."],
            check: { !$0.isDegreeField }),
        AmbiguityRule(
            id: "not-code-writing",
            description: "Not writing code: \"writing clean code\", \"writing unit tests\", \"writing SQL queries\" "
                + "are programming, not the Writing skill.",
            scope: .singleTokenAliases, exampleAlias: "writing",
            matching: ["Excellent writing and editing skills.", "Writing for a general audience.",
                       "Writing and presenting research findings to executives."],
            nonMatching: ["Writing clean, maintainable code.", "Writing unit tests in Python.", "writing SQL queries",
                          "Writing scalable backend services", "Writing and reviewing code daily.",
                          "Experience writing, building, and maintaining backend microservices.",
                          "Pride in writing robust, well-abstracted code.", "Experience writing extensions for editors."],
            check: { !$0.isFollowedByCodeWord }),
        AmbiguityRule(
            id: competencyNearbyID,
            description: "A weak alias of a soft skill (\"collaboration\", \"cross-functional\") counts only when it is "
                + "asked of the candidate: under a requirements or preferences heading, or with one of the skill's own "
                + "terms (skills, ability, excellent…) within three words. \"Strong collaboration skills\" and "
                + "\"Requirements: comfortable collaborating across teams\" yes; a duty such as \"collaborate with the "
                + "data team\" no.",
            scope: .weakAliases, exampleAlias: "collaboration",
            matching: ["Strong collaboration skills are a must.", "Excellent communication and collaboration skills",
                       "Collaboration skills: strong", "Requirements:\n- Cross-team collaboration with designers"],
            nonMatching: ["Collaboration with the platform group builds strong products.",
                          "In collaboration with our recruiting team, you will show excellent judgment."],
            contextTerms: ["skills", "ability", "strong", "excellent"],
            check: { $0.hasOwnTerms(within: MatchContext.competencyWindow) || $0.isInRequirementSection }),
        AmbiguityRule(
            id: organisationWordID,
            description: "Not a word describing a business, market or team: \"cybersecurity companies\", \"a "
                + "consulting firm\", \"AI/ML startups\", \"the Machine Learning team\" ask for no skill, nor does a name "
                + "followed by a possessive (\"HubSpot’s core products\") or by product, brand, mission, personnel. Applied "
                + "to every alias of every skill except programming languages and soft skills (\"Python community\", "
                + "\"mentor team members\").",
            scope: .everyAlias, exampleAlias: "machine learning",
            matching: ["Experience with machine learning is required.", "Machine learning, statistics and SQL.",
                       "Apply machine learning to fraud."],
            nonMatching: ["Experience selling to machine learning companies.", "Join our Machine Learning team.",
                          "Sell to the machine learning market.", "Background in AI/machine learning startups.",
                          "Market our machine learning product to banks.", "Machine Learning’s mission is to help doctors.",
                          "Coordinate with machine learning personnel on approvals."],
            check: { !$0.isOrganisationModifier }),
        AmbiguityRule(
            id: "not-notice-name",
            description: "Not the name of a notice or policy: \"Data Privacy Notice for Job Candidates\", \"GDPR "
                + "Policy\" are the employer's legal text, not a skill. A lowercase \"data privacy policies\" still counts.",
            scope: .everyAlias, exampleAlias: "data privacy",
            matching: ["Knowledge of data privacy regulations.", "Data privacy, security and compliance.",
                       "Apply data privacy policies to pipelines."],
            nonMatching: ["Global Data Privacy Notice for Job Candidates and Applicants", "See our Data Privacy Policy."],
            check: { !$0.isNoticeName }),
        AmbiguityRule(
            id: "not-currency",
            description: "Not a currency after an amount: \"$120,000—$150,000 CAD\" is Canadian dollars, not CAD "
                + "software.",
            scope: .everyAlias, exampleAlias: "CAD",
            matching: ["Experience with CAD and BIM tools.", "CAD, Revit", "Proficiency in CAD drafting."],
            nonMatching: ["$120,000—$150,000 CAD", "Salary 95k CAD per year.", "The range is 120 000 CAD."],
            check: { !$0.followsAmount }),
        AmbiguityRule(
            id: "not-team-name",
            description: "Not the name of a team or function one works with: \"the Product Management team\", "
                + "\"collaborate with Product Management, Engineering and Marketing\", \"work closely with product "
                + "management and design\" name colleagues, not a skill asked of the candidate.",
            scope: .everyAlias, exampleAlias: "product management",
            matching: ["Experience in product management is required.", "You bring strong product management skills.",
                       "Product management: 3+ years.", "Experience working with product management tools."],
            nonMatching: ["Collaborate with Product Management, Engineering, and Marketing.",
                          "Join the product management team.", "Working with fellow engineers, product management, and design.",
                          "Work closely with Product Management counterparts."],
            check: { !$0.isTeamName }),
    ]
}
