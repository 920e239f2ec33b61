/// The version of JobScope, printed by `jobscope --version`.
public enum JobScopeVersion {
    /// Semantic version of this build's code (the taxonomy, title rules and model carry their own versions).
    public static let current = "0.10.0"
}
