import Foundation

/// A regular expression of the rule files compiled to a backtracking program over UTF-8 bytes, which finds the
/// matches `NSRegularExpression` (ICU) finds in the same text, without ICU's per-call cost (a UTF-16 copy of the
/// text, a matcher, an `NSTextCheckingResult` per match).
///
/// Only a subset of ICU's syntax compiles (`init` returns nil otherwise, and the caller keeps ICU): literals,
/// `.`, bracket classes of ASCII characters and ranges, `\d \w \s \D \W \S \b \B \A`, escaped punctuation,
/// groups `(…)` `(?:…)`, lookaheads `(?=…)` `(?!…)`, lookbehinds `(?<=…)` `(?<!…)` of literal alternatives,
/// alternation, `^ $` (line by line after a leading `(?m)`), and the quantifiers `? * + {m,n}`, greedy or lazy.
/// Every consuming step matches one ASCII byte, or with `nonASCIISteps` one character: a non-ASCII one by the
/// class ICU gives it (`ScalarClasses`) for `.`, `\w`, `\s`, `\d`, their negations and negated classes. ICU's
/// answer on other text is kept by `answersLikeICU`: a text whose non-ASCII characters could take part in a
/// match otherwise (a case fold, a Unicode digit, a non-ASCII literal; without `nonASCIISteps`, any non-ASCII
/// character when the pattern has `.`, `\w`, a negated class…) goes to ICU. Non-ASCII characters next to a
/// match are still read as ICU reads them for `\b`. The first capturing groups (`captureGroups`) may be reported.
struct BytePattern: Sendable {
    /// A set of ASCII bytes as two 64-bit masks.
    struct ByteSet: Sendable, Equatable {
        var low: UInt64 = 0
        var high: UInt64 = 0

        @inline(__always) func contains(_ b: UInt8) -> Bool {
            b < 64 ? (low >> UInt64(b)) & 1 != 0 : b < 128 ? (high >> UInt64(b &- 64)) & 1 != 0 : false
        }

        mutating func insert(_ b: UInt8) {
            if b < 64 { low |= 1 << UInt64(b) } else if b < 128 { high |= 1 << UInt64(b - 64) }
        }

        mutating func insert(_ range: ClosedRange<UInt8>) {
            for b in range { insert(b) }
        }

        mutating func formUnion(_ other: ByteSet) {
            low |= other.low
            high |= other.high
        }

        /// Every other ASCII byte.
        var inverted: ByteSet { ByteSet(low: ~low, high: ~high) }

        /// With both cases of every ASCII letter in it.
        var caseClosed: ByteSet {
            var result = self
            for b in UInt8(ascii: "a")...UInt8(ascii: "z") where contains(b) || contains(b - 32) {
                result.insert(b)
                result.insert(b - 32)
            }
            return result
        }

        static let digits: ByteSet = {
            var s = ByteSet()
            s.insert(UInt8(ascii: "0")...UInt8(ascii: "9"))
            return s
        }()
        /// ICU's `\w` in ASCII: letters, digits, underscore.
        static let word: ByteSet = {
            var s = digits
            s.insert(UInt8(ascii: "a")...UInt8(ascii: "z"))
            s.insert(UInt8(ascii: "A")...UInt8(ascii: "Z"))
            s.insert(UInt8(ascii: "_"))
            return s
        }()
        /// ICU's `\s` in ASCII (`\p{WhiteSpace}`): tab, line feed, vertical tab, form feed, carriage return, space.
        static let space: ByteSet = {
            var s = ByteSet()
            s.insert(0x09...0x0D)
            s.insert(0x20)
            return s
        }()
        /// What `.` matches in ASCII: all but the line terminators LF, VT, FF, CR.
        static let dot: ByteSet = {
            var s = ByteSet()
            s.insert(0x0A...0x0D)
            return s.inverted
        }()
    }

    /// What one step matches: ASCII bytes, and with `nonASCIISteps` non-ASCII characters by their classes.
    struct CharSet: Sendable, Equatable {
        var ascii = ByteSet()
        /// Non-ASCII characters of any of these classes (`ScalarClasses` bits) match…
        var wide: UInt8 = 0
        /// …or, when negated, those of none of them.
        var wideNegated = false

        init(_ ascii: ByteSet, wide: ScalarClasses = [], negated: Bool = false) {
            self.ascii = ascii
            self.wide = wide.rawValue
            wideNegated = negated
        }

        var matchesNonASCII: Bool { wide != 0 || wideNegated }

        /// The union of two members of one class; nil when it has no such form (`[\W\d]`).
        func union(_ other: CharSet) -> CharSet? {
            var result = self
            result.ascii.formUnion(other.ascii)
            switch (wideNegated, other.wideNegated) {
            case (false, false): result.wide |= other.wide
            case (true, false) where other.wide == 0: break
            case (false, true) where wide == 0: (result.wide, result.wideNegated) = (other.wide, true)
            default: return nil
            }
            return result
        }

        /// Every other character.
        var inverted: CharSet {
            var result = self
            result.ascii = ascii.inverted
            result.wideNegated.toggle()
            return result
        }
    }

    private enum Op: UInt8 {
        /// Consumes one byte in `set`.
        case byte
        /// Consumes one ASCII byte in `set`, or one non-ASCII character of the classes `x` (`y` = 1: of none).
        case wideByte
        /// Notes the place in capture slot `x` (group k's start is slot 2k - 2, its end 2k - 1).
        case save
        /// Consumes the byte `x` (a byte of a non-ASCII literal).
        case rawByte
        /// Goes on when one of lookbehind `y`'s literals ends here (`x` = 1: when none does).
        case lookbehind
        /// Goes on at `x`; on failure, at `y`.
        case split
        case jump
        /// Goes on at the alternatives of dispatch table `x` that may begin with the next byte, in order.
        case dispatch
        case boundary, notBoundary, textStart, textEnd
        /// `^` and `$` after `(?m)`.
        case lineStart, lineEnd
        /// Goes on at `y` when the body at the next instruction matches here (`x` = 1: when it does not).
        case lookahead
        /// The end of a lookahead's body.
        case succeed
        case match
    }

    private struct Instruction: Sendable {
        var op: Op
        var x: Int32 = 0
        var y: Int32 = 0
        var set = ByteSet()
    }

    private indirect enum Node {
        case byte(CharSet)
        case sequence([Node])
        case choice([Node])
        case loop(Node, min: Int, max: Int?, greedy: Bool)
        case boundary(Bool)
        case textStart, textEnd, lineStart, lineEnd
        case lookahead(Node, negative: Bool)
        /// Literal alternatives, each one set per character.
        case lookbehind([[ByteSet]], negative: Bool)
        /// A group reported, by its number (from 1).
        case capture(Int, Node)
        /// A non-ASCII literal character, as its UTF-8 bytes (case-sensitive patterns with `nonASCIISteps`).
        case scalar([UInt8])

        var holdsCapture: Bool {
            switch self {
            case .capture: return true
            case .sequence(let items), .choice(let items): return items.contains { $0.holdsCapture }
            case .loop(let body, _, _, _), .lookahead(let body, _): return body.holdsCapture
            default: return false
            }
        }
    }

    /// The pattern's text, as given.
    let source: String
    /// How many groups `groupMatches` reports.
    let captureGroups: Int
    private let program: [Instruction]
    /// Per dispatch table, per next byte (128: a non-ASCII byte or the end of the text): where its targets
    /// begin in `targets` and how many there are.
    private let dispatchSlices: [Int32]
    private let targets: [Int32]
    /// Per lookbehind, its literal alternatives.
    private let lookbehinds: [[[ByteSet]]]
    /// The bytes a match can begin with.
    private let firstBytes: ByteSet
    /// Per first byte, the bytes a match can go on with (`Prefix.rows`): a start whose first two bytes no
    /// match can begin with is passed over without running the program.
    private let secondBytes: [UInt64]
    /// The same as one bit per pair of bytes (first byte × 256 + second byte, any bytes): the scan tests one
    /// bit per position, with no branch on the byte itself.
    private let pairs: [UInt64]
    /// True when a step can consume a non-ASCII character in ICU that it does not here (without `nonASCIISteps`:
    /// `.`, `\w`, `\W`, `\s`, `\S`, `\D`, a negated class; always: a non-ASCII literal): then only ASCII text is
    /// matched here.
    private let needsASCIIText: Bool
    /// True when `\d` matches ASCII digits only (not with `nonASCIISteps`).
    private let usesDigits: Bool
    private let caseInsensitive: Bool
    /// The assertion every match begins with, if any: the scan passes over the starts where it fails without
    /// running the program.
    private let anchor: Anchor

    /// An assertion that opens every alternative of a pattern (`\b(ai|ml)\b|\bdata\b`, `(?m)^…`, `^…`).
    private enum Anchor {
        case none
        /// `\b`: no match starts between two ASCII word bytes.
        case wordStart
        /// `^` after `(?m)`: none starts after an ASCII byte other than a line terminator.
        case lineStart
        /// `^` or `\A`: only the text's start.
        case textStart
    }

    /// Compiles `pattern` as `NSRegularExpression` with `options` (none or `.caseInsensitive`) reads it; nil
    /// when it uses syntax or options outside the subset. Groups 1 to `captureGroups` (counted as ICU counts
    /// groups) are reported by `groupMatches`: nil when one is absent, repeated more than once or inside a
    /// lookaround. `nonASCIISteps` lets steps consume non-ASCII characters (matches may then hold them: offsets
    /// are UTF-8), and a case-sensitive pattern hold non-ASCII literals.
    init?(_ pattern: String, options: NSRegularExpression.Options = [], captureGroups: Int = 0,
          nonASCIISteps: Bool = false) {
        guard options.subtracting(.caseInsensitive).isEmpty else { return nil }
        var parser = Parser(scalars: Array(pattern.unicodeScalars), caseInsensitive: options.contains(.caseInsensitive),
                            captureGroups: captureGroups, nonASCIISteps: nonASCIISteps)
        guard let node = try? parser.parseWhole(), parser.groups >= captureGroups else { return nil }
        let first = Self.first(of: node)
        // A pattern that can match the empty string is left to ICU (how it steps past empty matches).
        guard !first.nullable else { return nil }
        var compiler = Compiler()
        compiler.emit(node)
        compiler.program.append(Instruction(op: .match))
        guard compiler.program.count < 50_000 else { return nil }
        source = pattern
        self.captureGroups = captureGroups
        program = compiler.program
        dispatchSlices = compiler.dispatchSlices
        targets = compiler.targets
        lookbehinds = compiler.lookbehinds
        firstBytes = first.bytes
        secondBytes = Self.prefix(of: node).rows
        pairs = Self.pairTable(firstBytes: first.bytes, wideFirst: first.wide, rows: secondBytes)
        needsASCIIText = parser.needsASCIIText
        usesDigits = parser.usesDigits
        caseInsensitive = options.contains(.caseInsensitive)
        anchor = Self.anchor(of: node)
    }

    /// The assertion every match of `node` is checked against before anything is consumed.
    private static func anchor(of node: Node) -> Anchor {
        switch node {
        case .boundary(let positive): return positive ? .wordStart : .none
        case .lineStart: return .lineStart
        case .textStart: return .textStart
        case .sequence(let items): return items.first.map(anchor(of:)) ?? .none
        case .capture(_, let body): return anchor(of: body)
        case .choice(let alternatives):
            let anchors = alternatives.map(anchor(of:))
            guard let first = anchors.first, anchors.allSatisfy({ $0 == first }) else { return .none }
            return first
        default: return .none
        }
    }

    /// Whether the anchor holds at `start` (> 0, and before the text's end) as `run` would find: `isWordBoundary`,
    /// `isLineStart` and `p == 0` read only the bytes around it, and these bytes settle them.
    @inline(__always)
    private static func mayBegin(_ anchor: Anchor, _ base: UnsafePointer<UInt8>, _ start: Int) -> Bool {
        let before = base[start - 1]
        switch anchor {
        case .none: return true
        case .wordStart: return !(isWordByte(before) && isWordByte(base[start]))
        case .lineStart: return before >= 0x80 || before &- 0x0A < 4
        case .textStart: return false
        }
    }

    // MARK: Matching

    /// Whether every text is matched here as ICU matches it (no `TextTraits` to read).
    var answersAnyText: Bool { !needsASCIIText && !caseInsensitive && !usesDigits }

    /// Whether matching `text` here gives ICU's answer (see the type's note).
    func answersLikeICU(_ text: TextTraits) -> Bool {
        if text.isASCII { return true }
        if needsASCIIText { return false }
        if caseInsensitive && text.holdsCaseFolding { return false }
        if usesDigits && text.holdsOtherDigits { return false }
        return true
    }

    /// The first match at or after byte `from`, as byte offsets (ASCII only, without `nonASCIISteps`).
    func firstMatch(in text: UnsafeBufferPointer<UInt8>, from: Int = 0, stack: inout [Int]) -> Range<Int>? {
        var slots: [Int] = []
        return firstMatch(in: text, from: from, stack: &stack, slots: &slots)
    }

    /// The same, with the reported groups' offsets in `slots` (group k's start at 2k - 2, its end at 2k - 1;
    /// -1 when it took no part).
    func firstMatch(in text: UnsafeBufferPointer<UInt8>, from: Int, stack: inout [Int],
                    slots: inout [Int]) -> Range<Int>? {
        let n = text.count
        slots = [Int](repeating: -1, count: captureGroups * 2)
        guard let base = text.baseAddress, from < n else { return nil }
        var start = from
        let anchor = self.anchor
        // One past the last start that can match: only the text's start for `^`.
        let starts = anchor == .textStart ? min(n, 1) : n
        let found = pairs.withUnsafeBufferPointer { pairs -> Range<Int>? in
            while start + 1 < n, start < starts {
                let key = Int(base[start]) &<< 8 | Int(base[start + 1])
                if (pairs[key &>> 6] &>> UInt64(key & 63)) & 1 != 0, start == 0 || Self.mayBegin(anchor, base, start),
                   let end = run(0, start, text, &stack, &slots) {
                    return start..<end
                }
                start += 1
            }
            return nil
        }
        if let found { return found }
        guard start < starts else { return nil }
        // The last byte: nothing follows it.
        let b = base[start]
        if b < 0x80, firstBytes.contains(b), secondBytes[Int(b) * 3 + 2] & 1 != 0,
           let end = run(0, start, text, &stack, &slots) {
            return start..<end
        }
        return nil
    }

    /// Every match with the ranges of the reported groups (nil for one that took no part), as `matches(in:)`
    /// finds them.
    func groupMatches(in text: UnsafeBufferPointer<UInt8>, stack: inout [Int]) -> [(match: Range<Int>, groups: [Range<Int>?])] {
        var found: [(match: Range<Int>, groups: [Range<Int>?])] = []
        var from = 0
        var slots: [Int] = []
        while let range = firstMatch(in: text, from: from, stack: &stack, slots: &slots) {
            found.append((range, Self.groups(slots)))
            from = range.upperBound
        }
        return found
    }

    /// The groups' ranges that `slots` hold.
    static func groups(_ slots: [Int]) -> [Range<Int>?] {
        stride(from: 0, to: slots.count, by: 2).map { k in
            slots[k] >= 0 && slots[k + 1] >= slots[k] ? slots[k]..<slots[k + 1] : nil
        }
    }

    /// `pairs` from the first bytes and `Prefix.rows`; `wideFirst` when a match can begin with a non-ASCII
    /// character (at any lead byte, followed by anything).
    private static func pairTable(firstBytes: ByteSet, wideFirst: Bool, rows: [UInt64]) -> [UInt64] {
        // Four words per first byte: seconds 0–63, 64–127, then 128–255, which may follow only where a match
        // can end after the first byte (row bit 128).
        var table = [UInt64](repeating: 0, count: 256 * 4)
        for first in 0..<128 where firstBytes.contains(UInt8(first)) {
            table[first * 4] = rows[first * 3]
            table[first * 4 + 1] = rows[first * 3 + 1]
            let high: UInt64 = rows[first * 3 + 2] & 1 != 0 ? .max : 0
            table[first * 4 + 2] = high
            table[first * 4 + 3] = high
        }
        if wideFirst {
            for first in 0xC0..<256 { table.replaceSubrange(first * 4..<first * 4 + 4, with: repeatElement(UInt64.max, count: 4)) }
        }
        return table
    }

    /// Every match, left to right, each search going on where the last match ended (as ICU's `matches(in:)`).
    func matches(in text: UnsafeBufferPointer<UInt8>, stack: inout [Int]) -> [Range<Int>] {
        var found: [Range<Int>] = []
        var from = 0
        while let range = firstMatch(in: text, from: from, stack: &stack) {
            found.append(range)
            from = range.upperBound
        }
        return found
    }

    /// Whether `text` (already checked by `answersLikeICU`) holds a match.
    func matches(_ text: [UInt8]) -> Bool {
        var stack: [Int] = []
        return text.withUnsafeBufferPointer { firstMatch(in: $0, stack: &stack) } != nil
    }

    /// Runs the program from `pc` at byte `start`: the end of the first match in ICU's order of preference
    /// (`slots` hold the reported groups' offsets then).
    private func run(_ pc0: Int, _ start: Int, _ text: UnsafeBufferPointer<UInt8>, _ stack: inout [Int],
                     _ slots: inout [Int]) -> Int? {
        program.withUnsafeBufferPointer { program in
            dispatchSlices.withUnsafeBufferPointer { dispatchSlices in
                targets.withUnsafeBufferPointer { targets in
                    run(pc0, start, text, &stack, &slots, program, dispatchSlices, targets)
                }
            }
        }
    }

    private func run(_ pc0: Int, _ start: Int, _ text: UnsafeBufferPointer<UInt8>, _ stack: inout [Int],
                     _ slots: inout [Int], _ program: UnsafeBufferPointer<Instruction>,
                     _ dispatchSlices: UnsafeBufferPointer<Int32>, _ targets: UnsafeBufferPointer<Int32>) -> Int? {
        let base = stack.count
        defer { if stack.count > base { stack.removeLast(stack.count - base) } }
        var pc = pc0
        var p = start
        let n = text.count
        while true {
            let instruction = program[pc]
            var ok = true
            switch instruction.op {
            case .byte:
                if p < n, instruction.set.contains(text[p]) {
                    p += 1
                    pc += 1
                } else {
                    ok = false
                }
            case .wideByte:
                if p < n, text[p] < 0x80 ? instruction.set.contains(text[p]) : Self.wideContains(instruction, text, p) {
                    p += UTF8Scalar.length(leading: text[p])
                    pc += 1
                } else {
                    ok = false
                }
            case .split:
                stack.append(Int(instruction.y))
                stack.append(p)
                pc = Int(instruction.x)
            case .jump:
                pc = Int(instruction.x)
            case .dispatch:
                let b = p < n ? min(Int(text[p]), 128) : 128
                let slice = (Int(instruction.x) * 129 + b) * 2
                let offset = Int(dispatchSlices[slice]), count = Int(dispatchSlices[slice + 1])
                if count == 0 {
                    ok = false
                } else {
                    var k = offset + count - 1
                    while k > offset {
                        stack.append(Int(targets[k]))
                        stack.append(p)
                        k -= 1
                    }
                    pc = Int(targets[offset])
                }
            case .rawByte:
                if p < n, text[p] == UInt8(truncatingIfNeeded: instruction.x) {
                    p += 1
                    pc += 1
                } else {
                    ok = false
                }
            case .save:
                // A frame that puts the old offset back when the match backtracks past here.
                let slot = Int(instruction.x)
                stack.append(-1 - slot)
                stack.append(slots[slot])
                slots[slot] = p
                pc += 1
            case .boundary:
                ok = Self.isWordBoundary(text, p)
                pc += 1
            case .notBoundary:
                ok = !Self.isWordBoundary(text, p)
                pc += 1
            case .textStart:
                ok = p == 0
                pc += 1
            case .textEnd:
                ok = Self.isTextEnd(text, p)
                pc += 1
            case .lineStart:
                ok = Self.isLineStart(text, p)
                pc += 1
            case .lineEnd:
                ok = Self.isLineEnd(text, p)
                pc += 1
            case .lookahead:
                let found = run(pc + 1, p, text, &stack, &slots, program, dispatchSlices, targets) != nil
                ok = found != (instruction.x == 1)
                pc = Int(instruction.y)
            case .lookbehind:
                ok = Self.endsHere(lookbehinds[Int(instruction.y)], text, p) != (instruction.x == 1)
                pc += 1
            case .succeed, .match:
                return p
            }
            if !ok {
                while true {
                    guard stack.count > base else { return nil }
                    p = stack.removeLast()
                    pc = stack.removeLast()
                    if pc >= 0 { break }
                    slots[-1 - pc] = p
                }
            }
        }
    }

    /// Whether the non-ASCII character at `p` is one a `.wideByte` step takes.
    @inline(__always)
    private static func wideContains(_ instruction: Instruction, _ text: UnsafeBufferPointer<UInt8>, _ p: Int) -> Bool {
        let classes = UInt8(truncatingIfNeeded: instruction.x)
        let member = classes != 0 && ScalarClasses.of(UTF8Scalar.decode(text, at: p)).rawValue & classes != 0
        return member != (instruction.y == 1)
    }

    /// Whether one of `literals` (a set per byte) ends at byte `p`.
    private static func endsHere(_ literals: [[ByteSet]], _ text: UnsafeBufferPointer<UInt8>, _ p: Int) -> Bool {
        literals.contains { sets in
            guard p >= sets.count else { return false }
            let start = p - sets.count
            for (k, set) in sets.enumerated() where !set.contains(text[start + k]) { return false }
            return true
        }
    }

    /// ICU's line terminators among the characters ending at byte `p`: LF, VT, FF, CR, NEL, LS, PS.
    private static func lineTerminatorEnds(_ text: UnsafeBufferPointer<UInt8>, at p: Int) -> Bool {
        let b = text[p - 1]
        if b >= 0x0A && b <= 0x0D { return true }
        if b == 0x85 { return p >= 2 && text[p - 2] == 0xC2 }
        return (b == 0xA8 || b == 0xA9) && p >= 3 && text[p - 3] == 0xE2 && text[p - 2] == 0x80
    }

    /// ICU's `^` in multi-line mode: the text's start, or after a line terminator unless at the text's end.
    static func isLineStart(_ text: UnsafeBufferPointer<UInt8>, _ p: Int) -> Bool {
        p == 0 || (p < text.count && lineTerminatorEnds(text, at: p))
    }

    /// ICU's `$` in multi-line mode: the text's end, or before a line terminator other than the LF of a CR LF.
    static func isLineEnd(_ text: UnsafeBufferPointer<UInt8>, _ p: Int) -> Bool {
        let n = text.count
        if p >= n { return true }
        let b = text[p]
        if b >= 0x0A && b <= 0x0D { return !(b == 0x0A && p > 0 && text[p - 1] == 0x0D) }
        if b == 0xC2 { return p + 1 < n && text[p + 1] == 0x85 }
        return b == 0xE2 && p + 2 < n && text[p + 1] == 0x80 && (text[p + 2] == 0xA8 || text[p + 2] == 0xA9)
    }

    /// `ByteSet.word.contains(b)` without reading the lazily made static (a `swift_once` per call): ASCII
    /// letters, digits and `_`.
    @inline(__always) static func isWordByte(_ b: UInt8) -> Bool {
        let folded = b | 0x20
        return (folded &- 0x61 < 26) || (b &- 0x30 < 10) || b == 0x5F
    }

    /// ICU's `\b` at byte `p`: no boundary before a combining or format character; otherwise the characters
    /// on either side (skipping combining and format characters backwards) differ in being word characters.
    static func isWordBoundary(_ text: UnsafeBufferPointer<UInt8>, _ p: Int) -> Bool {
        var here = false
        if p < text.count {
            let b = text[p]
            if b < 0x80 {
                here = isWordByte(b)
            } else {
                let classes = ScalarClasses.of(UTF8Scalar.decode(text, at: p))
                if classes.contains(.combiningOrFormat) { return false }
                here = classes.contains(.word)
            }
        }
        var before = false
        var q = p
        while q > 0 {
            let b = text[q - 1]
            if b < 0x80 {
                before = isWordByte(b)
                break
            }
            let (scalar, at) = UTF8Scalar.decode(text, before: q)
            q = at
            let classes = ScalarClasses.of(scalar)
            if classes.contains(.combiningOrFormat) { continue }
            before = classes.contains(.word)
            break
        }
        return here != before
    }

    /// ICU's `$` without multi-line mode: the end, or before one line terminator (or CR LF) that ends the text.
    static func isTextEnd(_ text: UnsafeBufferPointer<UInt8>, _ p: Int) -> Bool {
        let n = text.count
        if p >= n { return true }
        let rest = n - p
        let b = text[p]
        if rest == 1 {
            // A lone LF after a CR is the second half of a CR LF: `$` is before the CR, not here.
            return b >= 0x0A && b <= 0x0D && !(b == 0x0A && p > 0 && text[p - 1] == 0x0D)
        }
        if rest == 2 {
            if b == 0x0D && text[p + 1] == 0x0A { return true }
            return b == 0xC2 && text[p + 1] == 0x85
        }
        return rest == 3 && b == 0xE2 && text[p + 1] == 0x80 && (text[p + 2] == 0xA8 || text[p + 2] == 0xA9)
    }

    // MARK: First bytes

    /// The bytes a match of `node` can begin with, whether it can begin with a non-ASCII character, and whether
    /// it can match the empty string.
    private static func first(of node: Node) -> (bytes: ByteSet, nullable: Bool, wide: Bool) {
        switch node {
        case .byte(let set):
            return (set.ascii, false, set.matchesNonASCII)
        case .sequence(let items):
            var bytes = ByteSet()
            var wide = false
            for item in items {
                let f = first(of: item)
                bytes.formUnion(f.bytes)
                wide = wide || f.wide
                if !f.nullable { return (bytes, false, wide) }
            }
            return (bytes, true, wide)
        case .choice(let alternatives):
            var bytes = ByteSet()
            var nullable = false
            var wide = false
            for alternative in alternatives {
                let f = first(of: alternative)
                bytes.formUnion(f.bytes)
                nullable = nullable || f.nullable
                wide = wide || f.wide
            }
            return (bytes, nullable, wide)
        case .loop(let body, let min, _, _):
            let f = first(of: body)
            return (f.bytes, f.nullable || min == 0, f.wide)
        case .capture(_, let body):
            return first(of: body)
        case .scalar:
            return (ByteSet(), false, true)
        case .boundary, .textStart, .textEnd, .lineStart, .lineEnd, .lookahead, .lookbehind:
            return (ByteSet(), true, false)
        }
    }

    // MARK: First two bytes

    /// What the first two bytes of a match can be: a superset (lookarounds and boundaries are read as matching
    /// nothing, any loop as repeating), which is all a filter needs.
    private struct Prefix {
        /// ASCII bytes a match can begin with.
        var firsts = ByteSet()
        /// Whether a match can begin with a non-ASCII character.
        var wideFirst = false
        /// Per first byte, the ASCII bytes that can follow it inside the match.
        var seconds = [ByteSet](repeating: ByteSet(), count: 128)
        /// First bytes that a non-ASCII character can follow inside the match.
        var wideSeconds = ByteSet()
        /// First bytes after which the match can be over: any byte, or none, may follow.
        var ends = ByteSet()
        var nullable = false

        mutating func formUnion(_ other: Prefix) {
            firsts.formUnion(other.firsts)
            wideFirst = wideFirst || other.wideFirst
            wideSeconds.formUnion(other.wideSeconds)
            ends.formUnion(other.ends)
            nullable = nullable || other.nullable
            for c in 0..<128 { seconds[c].formUnion(other.seconds[c]) }
        }

        /// A match of `self` followed by one of `next`.
        func followed(by next: Prefix) -> Prefix {
            var result = Prefix()
            result.firsts = firsts
            result.wideFirst = wideFirst
            result.wideSeconds = wideSeconds
            if nullable {
                result.firsts.formUnion(next.firsts)
                result.wideFirst = result.wideFirst || next.wideFirst
            }
            for c in 0..<128 {
                result.seconds[c] = seconds[c]
                if ends.contains(UInt8(c)) {
                    result.seconds[c].formUnion(next.firsts)
                    if next.wideFirst { result.wideSeconds.insert(UInt8(c)) }
                }
            }
            if next.nullable { result.ends = ends }
            if nullable {
                for c in 0..<128 { result.seconds[c].formUnion(next.seconds[c]) }
                result.wideSeconds.formUnion(next.wideSeconds)
                result.ends.formUnion(next.ends)
            }
            result.nullable = nullable && next.nullable
            return result
        }

        /// Three words per first byte: bit `b` set when byte `b` may follow it, bit 128 when a non-ASCII byte
        /// or the text's end may (every byte may, after a first byte that can end a match).
        var rows: [UInt64] {
            var rows = [UInt64](repeating: 0, count: 128 * 3)
            for c in 0..<128 where firsts.contains(UInt8(c)) {
                if ends.contains(UInt8(c)) {
                    rows[c * 3] = .max
                    rows[c * 3 + 1] = .max
                    rows[c * 3 + 2] = .max
                } else {
                    rows[c * 3] = seconds[c].low
                    rows[c * 3 + 1] = seconds[c].high
                    if wideSeconds.contains(UInt8(c)) { rows[c * 3 + 2] = 1 }
                }
            }
            return rows
        }
    }

    private static func prefix(of node: Node) -> Prefix {
        switch node {
        case .byte(let set):
            var result = Prefix()
            result.firsts = set.ascii
            result.wideFirst = set.matchesNonASCII
            result.ends = set.ascii
            return result
        case .sequence(let items):
            var result = Prefix()
            result.nullable = true
            for item in items { result = result.followed(by: prefix(of: item)) }
            return result
        case .choice(let alternatives):
            var result = Prefix()
            for alternative in alternatives { result.formUnion(prefix(of: alternative)) }
            return result
        case .loop(let body, let min, let max, _):
            var result = prefix(of: body)
            if max == 0 { return Prefix(nullable: true) }
            if max ?? 2 >= 2 {
                // A second round may begin right after a one-byte first round.
                for c in 0..<128 where result.ends.contains(UInt8(c)) {
                    result.seconds[c].formUnion(result.firsts)
                    if result.wideFirst { result.wideSeconds.insert(UInt8(c)) }
                }
            }
            if min == 0 { result.nullable = true }
            return result
        case .capture(_, let body):
            return prefix(of: body)
        case .scalar:
            // Its first byte is no ASCII byte: read as a non-ASCII step.
            var result = Prefix()
            result.wideFirst = true
            return result
        case .boundary, .textStart, .textEnd, .lineStart, .lineEnd, .lookahead, .lookbehind:
            return Prefix(nullable: true)
        }
    }

    // MARK: Compiling

    private struct Compiler {
        var program: [Instruction] = []
        var dispatchSlices: [Int32] = []
        var targets: [Int32] = []
        var lookbehinds: [[[ByteSet]]] = []

        mutating func emit(_ node: Node) {
            switch node {
            case .byte(let set) where set.matchesNonASCII:
                program.append(Instruction(op: .wideByte, x: Int32(set.wide), y: set.wideNegated ? 1 : 0, set: set.ascii))
            case .byte(let set):
                program.append(Instruction(op: .byte, set: set.ascii))
            case .sequence(let items):
                for item in items { emit(item) }
            case .choice(let alternatives):
                emitChoice(alternatives)
            case .loop(let body, let min, let max, let greedy):
                for _ in 0..<min { emit(body) }
                if let max {
                    // Each optional copy, when taken, may be followed by the next; all leave to the same end.
                    var exits: [Int] = []
                    for _ in 0..<(max - min) {
                        exits.append(program.count)
                        program.append(Instruction(op: .split))
                        emit(body)
                    }
                    let end = Int32(program.count)
                    for at in exits { setSplit(at, body: Int32(at + 1), exit: end, greedy: greedy) }
                } else {
                    let top = program.count
                    program.append(Instruction(op: .split))
                    emit(body)
                    program.append(Instruction(op: .jump, x: Int32(top)))
                    setSplit(top, body: Int32(top + 1), exit: Int32(program.count), greedy: greedy)
                }
            case .boundary(let positive):
                program.append(Instruction(op: positive ? .boundary : .notBoundary))
            case .textStart:
                program.append(Instruction(op: .textStart))
            case .textEnd:
                program.append(Instruction(op: .textEnd))
            case .lineStart:
                program.append(Instruction(op: .lineStart))
            case .lineEnd:
                program.append(Instruction(op: .lineEnd))
            case .capture(let number, let body):
                program.append(Instruction(op: .save, x: Int32(2 * number - 2)))
                emit(body)
                program.append(Instruction(op: .save, x: Int32(2 * number - 1)))
            case .scalar(let bytes):
                for b in bytes { program.append(Instruction(op: .rawByte, x: Int32(b))) }
            case .lookbehind(let literals, let negative):
                program.append(Instruction(op: .lookbehind, x: negative ? 1 : 0, y: Int32(lookbehinds.count)))
                lookbehinds.append(literals)
            case .lookahead(let body, let negative):
                let at = program.count
                program.append(Instruction(op: .lookahead, x: negative ? 1 : 0))
                emit(body)
                program.append(Instruction(op: .succeed))
                program[at].y = Int32(program.count)
            }
        }

        private mutating func setSplit(_ at: Int, body: Int32, exit: Int32, greedy: Bool) {
            program[at].x = greedy ? body : exit
            program[at].y = greedy ? exit : body
        }

        /// Alternatives tried in order, each only where the next byte can begin it.
        private mutating func emitChoice(_ alternatives: [Node]) {
            let table = dispatchSlices.count / (129 * 2)
            dispatchSlices.append(contentsOf: repeatElement(0, count: 129 * 2))
            program.append(Instruction(op: .dispatch, x: Int32(table)))
            var starts: [Int32] = []
            var jumps: [Int] = []
            for alternative in alternatives {
                starts.append(Int32(program.count))
                emit(alternative)
                jumps.append(program.count)
                program.append(Instruction(op: .jump))
            }
            for at in jumps { program[at].x = Int32(program.count) }
            let firsts = alternatives.map(BytePattern.first(of:))
            for b in 0...128 {
                let offset = targets.count
                for (k, f) in firsts.enumerated()
                where f.nullable || (b < 128 ? f.bytes.contains(UInt8(b)) : f.wide) {
                    targets.append(starts[k])
                }
                let slice = (table * 129 + b) * 2
                dispatchSlices[slice] = Int32(offset)
                dispatchSlices[slice + 1] = Int32(targets.count - offset)
            }
        }
    }

    // MARK: Parsing

    private struct Unsupported: Error {}

    private struct Parser {
        let scalars: [Unicode.Scalar]
        let caseInsensitive: Bool
        /// How many groups to report (the first ones, by ICU's numbers), and how many were opened so far.
        let captureGroups: Int
        var groups = 0
        /// Whether steps may consume non-ASCII characters (`CharSet.wide`); otherwise such sets keep their ASCII
        /// part and the pattern needs ASCII text.
        let nonASCIISteps: Bool
        /// `^` and `$` match at line ends (a leading `(?m)`).
        var multiline = false
        var i = 0
        var needsASCIIText = false
        var usesDigits = false

        init(scalars: [Unicode.Scalar], caseInsensitive: Bool, captureGroups: Int, nonASCIISteps: Bool) {
            self.scalars = scalars
            self.caseInsensitive = caseInsensitive
            self.captureGroups = captureGroups
            self.nonASCIISteps = nonASCIISteps
        }

        var peek: Unicode.Scalar? { i < scalars.count ? scalars[i] : nil }

        mutating func parseWhole() throws -> Node {
            if scalars.starts(with: "(?m)".unicodeScalars) {
                multiline = true
                i = 4
            }
            let node = try parseChoice()
            guard i == scalars.count else { throw Unsupported() }
            return node
        }

        mutating func parseChoice() throws -> Node {
            var alternatives = [try parseSequence()]
            while peek == "|" {
                i += 1
                alternatives.append(try parseSequence())
            }
            return alternatives.count == 1 ? alternatives[0] : .choice(alternatives)
        }

        mutating func parseSequence() throws -> Node {
            var items: [Node] = []
            while let c = peek, c != "|", c != ")" {
                let (atom, quantifiable) = try parseAtom()
                items.append(try parseQuantifier(atom, quantifiable: quantifiable))
            }
            return items.count == 1 ? items[0] : .sequence(items)
        }

        mutating func parseAtom() throws -> (Node, quantifiable: Bool) {
            guard let c = peek else { throw Unsupported() }
            i += 1
            switch c {
            case "(":
                enum Kind { case capturing, plain, ahead(negative: Bool), behind(negative: Bool) }
                var kind = Kind.capturing
                if peek == "?" {
                    i += 1
                    switch peek {
                    case ":": kind = .plain
                    case "=": kind = .ahead(negative: false)
                    case "!": kind = .ahead(negative: true)
                    case "<":
                        i += 1
                        switch peek {
                        case "=": kind = .behind(negative: false)
                        case "!": kind = .behind(negative: true)
                        default: throw Unsupported()  // a named group
                        }
                    default: throw Unsupported()
                    }
                    i += 1
                }
                var number = 0
                if case .capturing = kind {
                    groups += 1
                    number = groups
                }
                let body = try parseChoice()
                guard peek == ")" else { throw Unsupported() }
                i += 1
                switch kind {
                case .capturing where number <= captureGroups: return (.capture(number, body), true)
                case .capturing, .plain: return (body, true)
                case .ahead(let negative):
                    guard !body.holdsCapture else { throw Unsupported() }
                    return (.lookahead(body, negative: negative), false)
                case .behind(let negative):
                    return (.lookbehind(try Self.literals(body), negative: negative), false)
                }
            case "[":
                return (.byte(try parseClass()), true)
            case ".":
                return (.byte(step(CharSet(ByteSet.dot, wide: .lineTerminator, negated: true))), true)
            case "^":
                return (multiline ? .lineStart : .textStart, false)
            case "$":
                return (multiline ? .lineEnd : .textEnd, false)
            case "\\":
                guard let e = peek else { throw Unsupported() }
                i += 1
                switch e {
                case "b": return (.boundary(true), false)
                case "B": return (.boundary(false), false)
                case "A": return (.textStart, false)
                default: return (.byte(try classEscape(e)), true)
                }
            case "*", "+", "?", "{", "}", "]", ")":
                throw Unsupported()
            default:
                if !c.isASCII, nonASCIISteps, !caseInsensitive { return (.scalar(Array(String(Character(c)).utf8)), true) }
                return (.byte(CharSet(literal(c))), true)
            }
        }

        /// A lookbehind's body as literal alternatives of ASCII sets (what its check compares byte by byte).
        static func literals(_ node: Node) throws -> [[ByteSet]] {
            func literal(_ node: Node) throws -> [ByteSet] {
                switch node {
                case .byte(let set) where !set.matchesNonASCII: return [set.ascii]
                case .sequence(let items): return try items.flatMap(literal)
                default: throw Unsupported()
                }
            }
            if case .choice(let alternatives) = node { return try alternatives.map(literal) }
            return [try literal(node)]
        }

        /// `set` as a step takes it: whole with `nonASCIISteps`; otherwise its ASCII part, the pattern then
        /// needing ASCII text when the set matches non-ASCII characters.
        mutating func step(_ set: CharSet) -> CharSet {
            guard set.matchesNonASCII, !nonASCIISteps else { return set }
            needsASCIIText = true
            return CharSet(set.ascii)
        }

        /// The set one literal character matches in ASCII text.
        mutating func literal(_ c: Unicode.Scalar) -> ByteSet {
            var set = ByteSet()
            if c.isASCII {
                set.insert(UInt8(c.value))
            } else {
                needsASCIIText = true
            }
            return caseInsensitive ? set.caseClosed : set
        }

        /// An escape other than an assertion, outside or inside a class.
        mutating func classEscape(_ e: Unicode.Scalar) throws -> CharSet {
            switch e {
            case "d":
                if nonASCIISteps { return CharSet(ByteSet.digits, wide: .digit) }
                usesDigits = true
                return CharSet(ByteSet.digits)
            case "D": return step(CharSet(ByteSet.digits.inverted, wide: .digit, negated: true))
            case "w": return step(CharSet(ByteSet.word, wide: .word))
            case "W": return step(CharSet(ByteSet.word.inverted, wide: .word, negated: true))
            case "s": return step(CharSet(ByteSet.space, wide: .space))
            case "S": return step(CharSet(ByteSet.space.inverted, wide: .space, negated: true))
            case "n": return CharSet(literal("\n"))
            case "t": return CharSet(literal("\t"))
            case "r": return CharSet(literal("\r"))
            default:
                // Escaped ASCII punctuation is itself; escaped letters and digits mean other things in ICU.
                guard e.isASCII, !e.properties.isAlphabetic, !(48...57).contains(e.value), e.value > 0x20 else {
                    throw Unsupported()
                }
                return CharSet(literal(e))
            }
        }

        /// A bracket class of ASCII characters, ranges and class escapes; `[` opened it.
        mutating func parseClass() throws -> CharSet {
            var set = CharSet(ByteSet())
            var negated = false
            if peek == "^" {
                negated = true
                i += 1
            }
            // ICU reads `[]…]`, `[:…:]`, nested sets, `&&` and `$` in its own ways: left to it. A class that opens
            // with ":" and holds no other one (`[:\-]`) can be no `[:name:]`: its ":" is a literal.
            guard let opening = peek, opening != "]" else { throw Unsupported() }
            if opening == ":" {
                var k = i + 1
                while k < scalars.count, scalars[k] != "]" {
                    if scalars[k] == ":" { throw Unsupported() }
                    k += scalars[k] == "\\" ? 2 : 1
                }
            }
            var items = 0
            while let c = peek, c != "]" {
                i += 1
                items += 1
                switch c {
                case "[", "$", "^":
                    throw Unsupported()
                case "&" where peek == "&":
                    throw Unsupported()
                case "\\":
                    guard let e = peek else { throw Unsupported() }
                    i += 1
                    guard let union = set.union(try classEscape(e)) else { throw Unsupported() }
                    set = union
                case "-":
                    // A literal only first or last; between two single characters it is a range (below).
                    guard items == 1 || peek == "]" else { throw Unsupported() }
                    set.ascii.insert(UInt8(ascii: "-"))
                default:
                    guard c.isASCII else {
                        // A non-ASCII member (`[£€]`): it cannot match ASCII text, the only text matched here.
                        needsASCIIText = true
                        if peek == "-" { throw Unsupported() }
                        continue
                    }
                    if peek == "-", i + 1 < scalars.count, scalars[i + 1] != "]" {
                        let upper = scalars[i + 1]
                        guard upper.isASCII, upper != "\\", upper != "[", upper.value >= c.value else {
                            throw Unsupported()
                        }
                        set.ascii.insert(UInt8(c.value)...UInt8(upper.value))
                        i += 2
                    } else {
                        set.ascii.insert(UInt8(c.value))
                    }
                }
            }
            guard peek == "]" else { throw Unsupported() }
            i += 1
            if caseInsensitive { set.ascii = set.ascii.caseClosed }
            // Negated, it matches every non-ASCII character its members do not.
            return negated ? step(set.inverted) : set
        }

        mutating func parseQuantifier(_ atom: Node, quantifiable: Bool) throws -> Node {
            guard let c = peek, "?*+{".unicodeScalars.contains(c) else { return atom }
            guard quantifiable else { throw Unsupported() }
            i += 1
            var min = 0
            var max: Int?
            switch c {
            case "?": max = 1
            case "*": max = nil
            case "+": min = 1
            default:
                min = try number()
                if peek == "," {
                    i += 1
                    if peek != "}" { max = try number() }
                } else {
                    max = min
                }
                guard peek == "}", max.map({ $0 >= min }) ?? true, min <= 100, (max ?? 0) <= 100 else {
                    throw Unsupported()
                }
                i += 1
            }
            var greedy = true
            if peek == "?" {
                greedy = false
                i += 1
            } else if peek == "+" {
                throw Unsupported()  // possessive
            }
            if let next = peek, "?*+{".unicodeScalars.contains(next) { throw Unsupported() }
            // A loop whose body can match nothing: ICU's way of stopping it is its own.
            if max == nil, BytePattern.first(of: atom).nullable { throw Unsupported() }
            // A group reported is matched at most once (a repeated group's capture is its last round's).
            guard !atom.holdsCapture || max == 1 else { throw Unsupported() }
            return .loop(atom, min: min, max: max, greedy: greedy)
        }

        mutating func number() throws -> Int {
            var value = 0
            var digits = 0
            while let c = peek, (48...57).contains(c.value), digits < 4 {
                value = value * 10 + Int(c.value - 48)
                digits += 1
                i += 1
            }
            guard digits > 0 else { throw Unsupported() }
            return value
        }
    }
}
