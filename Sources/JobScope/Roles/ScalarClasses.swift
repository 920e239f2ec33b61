import Foundation

/// How ICU's regular expressions see a non-ASCII character, asked of ICU itself once per character and kept.
struct ScalarClasses: OptionSet, Sendable {
    let rawValue: UInt8

    /// In ICU's word set (`\w`: letters, marks, decimal digits, connector punctuation, ZWJ, ZWNJ).
    static let word = ScalarClasses(rawValue: 1)
    /// A grapheme extender or a format character (Cf): `\b` never falls before one and looks past it.
    static let combiningOrFormat = ScalarClasses(rawValue: 2)
    /// Matched by `\d`.
    static let digit = ScalarClasses(rawValue: 4)
    /// Changed by case folding, or matching an ASCII letter ignoring case.
    static let caseFolding = ScalarClasses(rawValue: 8)
    /// Matched by `\s`.
    static let space = ScalarClasses(rawValue: 16)
    /// Not matched by `.` (a line terminator: NEL, LS, PS).
    static let lineTerminator = ScalarClasses(rawValue: 32)

    private static let known = Locked<[UInt32: ScalarClasses]>([:])
    private static let wordPattern = try! NSRegularExpression(pattern: #"\A\w\z"#)
    private static let combiningPattern = try! NSRegularExpression(
        pattern: #"\A[\p{Grapheme_Extend}\p{Cf}]\z"#)
    private static let digitPattern = try! NSRegularExpression(pattern: #"\A\d\z"#)
    private static let spacePattern = try! NSRegularExpression(pattern: #"\A\s\z"#)
    private static let dotPattern = try! NSRegularExpression(pattern: #"\A.\z"#)
    private static let foldingPattern = try! NSRegularExpression(
        pattern: #"\A(?:\p{Changes_When_Casefolded}|(?i:[a-z]))\z"#)

    static func of(_ scalar: Unicode.Scalar) -> ScalarClasses {
        if let classes = known.withLock({ $0[scalar.value] }) { return classes }
        let text = String(Character(scalar))
        let range = NSRange(location: 0, length: (text as NSString).length)
        func holds(_ pattern: NSRegularExpression) -> Bool { pattern.firstMatch(in: text, range: range) != nil }
        var classes: ScalarClasses = []
        if holds(wordPattern) { classes.insert(.word) }
        if holds(combiningPattern) { classes.insert(.combiningOrFormat) }
        if holds(digitPattern) { classes.insert(.digit) }
        if holds(spacePattern) { classes.insert(.space) }
        if !holds(dotPattern) { classes.insert(.lineTerminator) }
        if holds(foldingPattern) || scalar.properties.changesWhenCaseFolded { classes.insert(.caseFolding) }
        known.withLock { $0[scalar.value] = classes }
        return classes
    }
}
