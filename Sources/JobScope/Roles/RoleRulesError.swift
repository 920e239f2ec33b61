import Foundation

/// A rule set a role model carries that does not compile. Without it the classifier would read no titles (or no AI
/// evidence, or no body statements) and still answer, so the error is raised instead of the rules being dropped.
public enum RoleRulesError: LocalizedError, Equatable {
    /// `file` is the rules file the model's rules were read from at training time, `rule` the rule that fails.
    case invalidRule(file: String, version: String, rule: String, reason: String)

    /// The error for `error`, thrown while compiling the rules of `file` (version `version`).
    init(file: String, version: String, error: Error) {
        if case TitleRuleError.badPattern(let rule, let pattern)? = error as? TitleRuleError {
            self = .invalidRule(file: file, version: version, rule: rule,
                                reason: "'\(pattern)' is not a valid regular expression")
        } else {
            self = .invalidRule(file: file, version: version, rule: "?", reason: error.localizedDescription)
        }
    }

    public var errorDescription: String? {
        switch self {
        case .invalidRule(let file, let version, let rule, let reason):
            return "\(file) (version \(version), as the role model carries it): rule \(rule): \(reason); the "
                + "classifier would run without these rules. Fix the rule, then retrain (jobscope train --skip-evaluation)"
        }
    }
}
