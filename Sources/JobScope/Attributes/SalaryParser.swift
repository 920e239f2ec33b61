import Foundation

/// Reads a salary range from text: `$150k-$225k`, `£60,000 per annum`, `$53K-$91K (Glassdoor est.)`,
/// `$25 - $35 an hour`, `EUR 70.000 - 85.000 pro Jahr` is out of scope (German number formats are not read).
public struct SalaryParser: Sendable {
    public init() {}

    /// A currency symbol or ISO code, then an amount, an optional second amount after a dash or "to".
    static let source: String = {
        let amount = #"(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s*([kK]\b)?"#
        let currency = #"(C\$|CA\$|A\$|AU\$|US\$|\$|£|€|₹|USD\s?|GBP\s?|EUR\s?|CAD\s?|AUD\s?|INR\s?)"#
        return currency + #"\s?"# + amount
            + #"(?:\s*(?:-|–|—|to)\s*(?:C\$|CA\$|A\$|AU\$|US\$|\$|£|€|₹|USD\s?|GBP\s?|EUR\s?|CAD\s?|AUD\s?|INR\s?)?\s?"#
            + amount + ")?"
    }()
    private static let pattern = try! NSRegularExpression(pattern: source)
    /// The same over UTF-8 bytes, its five groups reported (nil if it left `BytePattern`'s subset).
    private static let bytePattern = BytePattern(source, captureGroups: 5, nonASCIISteps: true)
    /// How much of the text after a match (UTF-16 units) is read for a period or a "million".
    static let tailLength = 40

    /// The first plausible salary in `text`. `strict` (for free text) wants a range or a stated period and
    /// skips amounts like "$5 billion".
    public func parse(_ text: String, strict: Bool = false) -> SalaryRange? {
        if let answer = Self.parseByBytes(text, strict: strict) { return answer }
        return Self.parseByICU(text, strict: strict)
    }

    /// `parseByICU` over the text's bytes: the same matches, groups and tails; nil when ICU must answer (the
    /// text is one `BytePattern` leaves to it, or a tail ends inside a character of two UTF-16 units).
    static func parseByBytes(_ text: String, strict: Bool) -> SalaryRange?? {
        guard let bytePattern else { return nil }
        var text = text
        return text.withUTF8 { bytes -> SalaryRange?? in
            guard bytePattern.answersAnyText || bytePattern.answersLikeICU(TextTraits(bytes)) else { return nil }
            func string(_ range: Range<Int>) -> String {
                String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
            }
            var stack: [Int] = []
            var slots: [Int] = []
            var from = 0
            // Matches in order until the first plausible one (the rest are never looked at).
            while let match = bytePattern.firstMatch(in: bytes, from: from, stack: &stack, slots: &slots) {
                guard let tailEnd = UTF8Scalar.end(ofUTF16Units: tailLength, in: bytes, from: match.upperBound) else {
                    return nil
                }
                let groups = BytePattern.groups(slots).map { $0.map(string) }
                if let found = salary(groups: groups, matched: string(match),
                                      tail: string(match.upperBound..<tailEnd), strict: strict) {
                    return .some(found)
                }
                from = match.upperBound
            }
            return .some(nil)
        }
    }

    /// The first plausible salary by `NSRegularExpression`: what `parseByBytes` must equal, and the answer for
    /// a text it leaves to ICU.
    static func parseByICU(_ text: String, strict: Bool) -> SalaryRange? {
        let ns = text as NSString
        var found: SalaryRange?
        // Matches in order until the first plausible one (the rest are never looked at).
        Self.pattern.enumerateMatches(in: text, options: [], range: NSRange(location: 0, length: ns.length)) { match, _, stop in
            guard let match else { return }
            let groups = (1...5).map { i -> String? in
                let r = match.range(at: i)
                return r.location == NSNotFound ? nil : ns.substring(with: r)
            }
            let end = match.range.location + match.range.length
            let tail = ns.substring(with: NSRange(location: end, length: min(tailLength, ns.length - end)))
            guard let range = Self.salary(groups: groups, matched: ns.substring(with: match.range), tail: tail,
                                          strict: strict) else { return }
            found = range
            stop.pointee = true
        }
        return found
    }

    /// The salary one match stands for, if it is plausible: its groups (currency, amount, "k", second amount,
    /// "k"), the matched text and the text after it.
    private static func salary(groups: [String?], matched: String, tail: String, strict: Bool) -> SalaryRange? {
        guard let symbol = groups[0], let firstText = groups[1], var low = Self.number(firstText) else { return nil }
        let lowK = groups[2] != nil
        var high = groups[3].flatMap(Self.number)
        let highK = groups[4] != nil
        if lowK || (highK && low < 1000) { low *= 1000 }
        if highK, let h = high { high = h * 1000 }
        let tail = tail.lowercased()
        if Self.notAnAmount.matches(tail) { return nil }
        let stated = Self.period(in: tail)
        if strict && high == nil && stated == nil { return nil }
        let period = stated ?? Self.guessPeriod(low)
        guard Self.plausible(low, period), high.map({ Self.plausible($0, period) && $0 >= low }) ?? true else {
            return nil
        }
        return SalaryRange(minimum: low, maximum: high, currency: Self.currency(symbol), period: period,
                           text: WhiteSpace.trimmed(matched))
    }

    // The tail checks answer what `tail.range(of: pattern, options: .regularExpression)` would (no options, the
    // whole tail searched), over the tail's bytes where `BytePattern` gives ICU's answer (ICU was most of a
    // salary's cost).

    /// What after an amount shows it is no salary ("$5 billion", "$10M", "500+ employees").
    private static let notAnAmount = CompiledPattern(try! NSRegularExpression(
        pattern: #"^\s*(million|billion|mm|bn|m\b|b\b|\+?\s*employees|users|customers)"#))

    static func number(_ text: String) -> Double? {
        // Most amounts have no thousands separator: no Foundation pass for them.
        Double(text.utf8.contains(UInt8(ascii: ",")) ? text.replacingOccurrences(of: ",", with: "") : text)
    }

    static func currency(_ symbol: String) -> String {
        switch WhiteSpace.trimmed(symbol).uppercased() {
        case "£", "GBP": return "GBP"
        case "€", "EUR": return "EUR"
        case "₹", "INR": return "INR"
        case "C$", "CA$", "CAD": return "CAD"
        case "A$", "AU$", "AUD": return "AUD"
        default: return "USD"
        }
    }

    /// The period stated right after the amount ("per hour", "a year", "/yr", "per annum", "p.a.").
    static func period(in tail: String) -> SalaryPeriod? {
        for (expression, period) in periodCues where expression.matches(tail) {
            return period
        }
        return nil
    }

    /// The period cues, compiled once.
    private static let periodCues: [(CompiledPattern, SalaryPeriod)] = ([
        (#"^\W{0,3}(per|an|a|/)\s*(hour|hr)\b|^\s*hourly"#, .hour),
        (#"^\W{0,3}(per|a|/)\s*(day)\b|^\s*daily"#, .day),
        (#"^\W{0,3}(per|a|/)\s*(week|wk)\b|^\s*weekly"#, .week),
        (#"^\W{0,3}(per|a|/)\s*(month|mo)\b|^\s*monthly"#, .month),
        (#"^\W{0,3}(per|a|/)\s*(year|yr|annum)\b|^\s*(annually|annual|yearly|p\.?a\.?\b|pa\b)"#, .year),
    ] as [(String, SalaryPeriod)]).map { (CompiledPattern(try! NSRegularExpression(pattern: $0.0)), $0.1) }

    /// Without a stated period: small figures are hourly, larger ones yearly.
    static func guessPeriod(_ amount: Double) -> SalaryPeriod {
        amount < 300 ? .hour : .year
    }

    static func plausible(_ amount: Double, _ period: SalaryPeriod) -> Bool {
        switch period {
        case .hour: return (5...1000).contains(amount)
        case .day: return (40...5000).contains(amount)
        case .week: return (200...20000).contains(amount)
        case .month: return (500...100_000).contains(amount)
        case .year: return (10_000...2_000_000).contains(amount)
        }
    }
}
