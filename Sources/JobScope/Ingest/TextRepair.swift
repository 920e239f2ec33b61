import Foundation

/// Repairs the text real exports and pages carry: UTF-8 read as Windows-1252 (mojibake), HTML entities,
/// CDATA leftovers, ragged white space, assorted bullet marks, and non-NFC Unicode.
///
/// Work happens on UTF-8 bytes; the scalar-level mojibake repair only runs when a byte pre-check finds
/// its signature, so clean text pays for one scan.
public enum TextRepair {
    /// A posting body: HTML rendered to text when it is markup, then lines trimmed, runs of blank lines
    /// collapsed to one (a paragraph break), and bullets written as lines starting with "• ".
    public static func body(_ raw: String) -> String {
        laidOutBody(Array(repairMojibake(raw).utf8))
    }

    /// `body(String(decoding: bytes, as: UTF8.self))` for bytes that are valid UTF-8, without building that
    /// string first (a joined description file of HTML is read so).
    static func body(utf8 bytes: [UInt8]) -> String {
        let mayHold = bytes.withUnsafeBufferPointer { mayHoldMojibake($0) }
        return mayHold ? body(String(decoding: bytes, as: UTF8.self)) : laidOutBody(bytes)
    }

    /// `body` after the mojibake repair.
    private static func laidOutBody(_ repaired: [UInt8]) -> String {
        var bytes = repaired
        if ByteScan.looksLikeHTMLFragment(bytes) {
            bytes = HTMLText.renderBytes(fragment: bytes)
        } else {
            if bytes.contains(UInt8(ascii: "&")) {
                bytes = decodeEntities(bytes)
                // Escaped markup ("&lt;p&gt;…") is markup once decoded.
                if ByteScan.looksLikeHTMLFragment(bytes) {
                    bytes = HTMLText.renderBytes(fragment: bytes)
                }
            }
            bytes = restoreLostLineBreaks(bytes)
        }
        return normalizeUnicode(String(decoding: layout(bytes), as: UTF8.self))
    }

    /// Text a page rendered (already free of markup): repaired and laid out like `body`, no HTML pass.
    public static func renderedText(_ text: String) -> String {
        normalizeUnicode(String(decoding: layout(Array(repairMojibake(text).utf8)), as: UTF8.self))
    }

    /// A one-line field (title, company, location): repaired, entities decoded, white space collapsed.
    public static func line(_ raw: String) -> String {
        isCleanLine(raw) ? raw : repairedLine(raw)
    }

    /// `line(_:)` in full, every step taken.
    static func repairedLine(_ raw: String) -> String {
        var bytes = Array(repairMojibake(raw).utf8)
        if bytes.contains(UInt8(ascii: "&")) { bytes = decodeEntities(bytes) }
        if ByteScan.looksLikeHTMLFragment(bytes) { bytes = HTMLText.renderBytes(fragment: bytes) }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var pendingSpace = false
        for b in cleanBytes(bytes) {
            if b == 0x20 || b == 0x0A {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(0x20); pendingSpace = false }
                out.append(b)
            }
        }
        return normalizeUnicode(String(decoding: out, as: UTF8.self))
    }

    /// Whether `line` would come out of `line(_:)` unchanged, by one byte scan: printable ASCII without `&`, `<`
    /// or `]` (no mojibake, entity, markup or CDATA end), single spaces, none at either end (most fields are so).
    static func isCleanLine(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes -> Bool in
            guard let first = bytes.first, let last = bytes.last, first != 0x20, last != 0x20 else { return false }
            var previous: UInt8 = 0
            for b in bytes {
                guard b >= 0x20, b < 0x7F, b != UInt8(ascii: "&"), b != UInt8(ascii: "<"), b != UInt8(ascii: "]"),
                      b != 0x20 || previous != 0x20 else { return false }
                previous = b
            }
            return true
        }
    }

    /// Scrapes that dropped line breaks glue a sentence or list item to the next ("…dashers.As a…",
    /// "Requirements:Python"); the words would then read as one token ("dashers.as"). A break goes back
    /// where a lowercase letter or `)` is followed by `.` `!` `?` `:` `;` and a capitalized word — except
    /// after "www", "e.g"/"i.e" and single letters, and before tech suffixes like ".Net" or ".Js".
    static func restoreLostLineBreaks(_ bytes: [UInt8]) -> [UInt8] {
        let n = bytes.count
        guard n > 4 else { return bytes }
        var out: [UInt8]?
        var copied = 0
        bytes.withUnsafeBufferPointer { bytes in
            @inline(__always) func isLower(_ b: UInt8) -> Bool { b >= 0x61 && b <= 0x7A }
            @inline(__always) func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }
            // . ! ? : ; as bits of a 64-bit mask (all are below 64).
            let marks: UInt64 = 1 << 0x2E | 1 << 0x21 | 1 << 0x3F | 1 << 0x3A | 1 << 0x3B
            var i = 1
            while i + 2 < n {
                if i + 10 <= n, let base = bytes.baseAddress {
                    // Eight bytes at once when none is in 0x21-0x3F (where all five marks are).
                    let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                    let raised = word | ByteScan.highs
                    let inRange = (raised &- ByteScan.ones &* 0x21) & ~(raised &- ByteScan.ones &* 0x40) & ~word & ByteScan.highs
                    if inRange == 0 {
                        i += 8
                        continue
                    }
                }
                let p = bytes[i]
                // One branch, rarely taken: spaces and letters alternate unpredictably, so "p < 64" must
                // not be a branch of its own.
                guard (marks >> UInt64(p & 63)) & UInt64(unsafeBitCast(p < 64, to: UInt8.self)) & 1 == 1 else { i += 1; continue }
                let before = bytes[i - 1], next = bytes[i + 1], after = bytes[i + 2]
                guard isLower(before) || before == UInt8(ascii: ")"), next >= 0x41 && next <= 0x5A, isLower(after) else {
                    i += 1
                    continue
                }
                // The word before the mark, and the word after it (ASCII letters: one byte per character).
                var start = i - 1
                while start > 0, isLetter(bytes[start - 1]) { start -= 1 }
                var end = i + 1
                while end < n, isLetter(bytes[end]) { end += 1 }
                let keepGlued = before != UInt8(ascii: ")") && (i - start <= 1
                    || isWWW(UnsafeBufferPointer(rebasing: bytes[start..<i]))
                    || isGluedSuffix(UnsafeBufferPointer(rebasing: bytes[(i + 1)..<end])))
                if !keepGlued {
                    if out == nil { out = []; out!.reserveCapacity(n + 64) }
                    out!.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied...i]))
                    out!.append(0x0A)
                    copied = i + 1
                }
                i += 2
            }
        }
        guard var result = out else { return bytes }
        result.append(contentsOf: bytes[copied...])
        return result
    }

    /// "www" in any case.
    private static func isWWW(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
        word.count == 3 && word.allSatisfy { $0 | 0x20 == UInt8(ascii: "w") }
    }

    /// Whether the word (ASCII letters) is one of `gluedSuffixes`, exactly.
    private static func isGluedSuffix(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
        guard word.count == 2 || word.count == 3 else { return false }
        return gluedSuffixBytes.contains { $0.elementsEqual(word) }
    }

    private static let gluedSuffixBytes: [[UInt8]] = gluedSuffixes.map { Array($0.utf8) }

    /// Capitalized words that follow a dot inside a name (`ASP.Net`, `Node.Js`, `Socket.Io`).
    private static let gluedSuffixes: Set<String> = ["Net", "Js", "Io", "Ai", "Com", "Org", "Py", "Jl", "Rb"]

    // MARK: - Mojibake

    /// Undoes UTF-8 that was decoded as Windows-1252 or Latin-1 (once or twice): `â€™` → `’`,
    /// `Ã¢â‚¬Â¢` → `•`. Only whole, valid UTF-8 sequences are replaced, so real accented text stays.
    public static func repairMojibake(_ text: String) -> String {
        guard mayHoldMojibake(text) else { return text }
        var current = text
        for _ in 0..<3 {
            let (next, changed) = repairOnce(current)
            current = next
            if !changed { break }
        }
        return current
    }

    /// Byte signature of mojibake: a Latin-1 letter that is a UTF-8 lead byte (U+00C2–U+00F4, which is
    /// C3 82–C3 B4 in UTF-8) followed by a character standing for a continuation byte.
    static func mayHoldMojibake(_ text: String) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { mayHoldMojibake($0) } ?? Array(text.utf8).withUnsafeBufferPointer { mayHoldMojibake($0) }
    }

    /// `mayHoldMojibake` of UTF-8 bytes.
    static func mayHoldMojibake(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        // The signature starts with the byte C3: text without one (most) is cleared by one memchr.
        guard let base = bytes.baseAddress, bytes.count > 0, memchr(base, 0xC3, bytes.count) != nil else { return false }
        var previousWasLead = false
        var last: UInt8 = 0
        for b in bytes {
            if previousWasLead {
                // Continuation stand-ins: C2 80–BF (U+0080–U+00BF), C5/C6/CB (Œ š ƒ ˆ …), E2 80/84 (‚ „ € ™ …).
                if b == 0xC2 || b == 0xC5 || b == 0xC6 || b == 0xCB || b == 0xE2 { return true }
                previousWasLead = false
            }
            if last == 0xC3, b >= 0x82, b <= 0xB4 { previousWasLead = true }
            last = b
        }
        return false
    }

    private static func repairOnce(_ text: String) -> (String, Bool) {
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        var changed = false
        var i = 0
        while i < scalars.count {
            if let lead = windows1252Byte(scalars[i]), lead >= 0xC2, lead <= 0xF4 {
                let need = lead >= 0xF0 ? 3 : (lead >= 0xE0 ? 2 : 1)
                if i + need < scalars.count {
                    var bytes: [UInt8] = [lead]
                    for k in 1...need {
                        guard let c = windows1252Byte(scalars[i + k]), c >= 0x80, c <= 0xBF else { break }
                        bytes.append(c)
                    }
                    if bytes.count == need + 1, let decoded = String(validating: bytes, as: UTF8.self) {
                        out.append(contentsOf: decoded.unicodeScalars)
                        i += need + 1
                        changed = true
                        continue
                    }
                }
            }
            out.append(scalars[i])
            i += 1
        }
        return (changed ? String(out) : text, changed)
    }

    /// The byte a scalar stands for when UTF-8 was shown as Windows-1252 (or Latin-1, for 0x80–0x9F).
    static func windows1252Byte(_ s: Unicode.Scalar) -> UInt8? {
        let v = s.value
        if v < 0x100 { return UInt8(v) }
        return windows1252High[v]
    }

    private static let windows1252High: [UInt32: UInt8] = [
        0x20AC: 0x80, 0x201A: 0x82, 0x0192: 0x83, 0x201E: 0x84, 0x2026: 0x85, 0x2020: 0x86, 0x2021: 0x87,
        0x02C6: 0x88, 0x2030: 0x89, 0x0160: 0x8A, 0x2039: 0x8B, 0x0152: 0x8C, 0x017D: 0x8E, 0x2018: 0x91,
        0x2019: 0x92, 0x201C: 0x93, 0x201D: 0x94, 0x2022: 0x95, 0x2013: 0x96, 0x2014: 0x97, 0x02DC: 0x98,
        0x2122: 0x99, 0x0161: 0x9A, 0x203A: 0x9B, 0x0153: 0x9C, 0x017E: 0x9E, 0x0178: 0x9F,
    ]

    /// Windows-1252 bytes 0x80–0x9F as Unicode scalars (undefined bytes map to the C1 control of that value).
    static let windows1252Scalars: [UInt32] = {
        var table = [UInt32](repeating: 0, count: 32)
        for i in 0..<32 { table[i] = UInt32(0x80 + i) }
        for (scalar, byte) in windows1252High { table[Int(byte) - 0x80] = scalar }
        return table
    }()

    // MARK: - Entities

    /// Decodes `&name;`, `&#NNN;` and `&#xHH;` references (numeric 128–159 as Windows-1252, like browsers).
    static func decodeEntities(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        let n = bytes.count
        while i < n {
            // The text up to the next "&" is copied at once.
            guard let amp = ByteScan.nextIndex(of: UInt8(ascii: "&"), in: bytes, from: i) else {
                out.append(contentsOf: bytes[i...])
                break
            }
            if amp > i { out.append(contentsOf: bytes[i..<amp]) }
            i = amp
            let b = bytes[i]
            var j = i + 1
            while j < n, j - i <= 32, bytes[j] != UInt8(ascii: ";"), bytes[j] != UInt8(ascii: "&"),
                  !ByteScan.isSpace(bytes[j]) { j += 1 }
            guard j < n, bytes[j] == UInt8(ascii: ";"), j > i + 1 else { out.append(b); i += 1; continue }
            let name = String(decoding: bytes[(i + 1)..<j], as: UTF8.self)
            var scalar: Unicode.Scalar?
            if name.hasPrefix("#") {
                let digits = name.dropFirst()
                var value: UInt32?
                if digits.first == "x" || digits.first == "X" {
                    value = UInt32(digits.dropFirst(), radix: 16)
                } else {
                    value = UInt32(digits)
                }
                if var v = value {
                    if v >= 0x80, v <= 0x9F { v = windows1252Scalars[Int(v - 0x80)] }
                    scalar = Unicode.Scalar(v)
                }
            } else if let value = namedEntities[name] {
                scalar = Unicode.Scalar(value)
            }
            if let scalar, scalar.value != 0 {
                UTF8.encode(scalar) { out.append($0) }
                i = j + 1
            } else {
                out.append(b)
                i += 1
            }
        }
        return out
    }

    private static let namedEntities: [String: UInt32] = [
        "amp": 0x26, "lt": 0x3C, "gt": 0x3E, "quot": 0x22, "apos": 0x27, "nbsp": 0xA0, "rsquo": 0x2019,
        "lsquo": 0x2018, "rdquo": 0x201D, "ldquo": 0x201C, "ndash": 0x2013, "mdash": 0x2014, "hellip": 0x2026,
        "bull": 0x2022, "middot": 0xB7, "copy": 0xA9, "reg": 0xAE, "trade": 0x2122, "euro": 0x20AC,
        "pound": 0xA3, "yen": 0xA5, "cent": 0xA2, "sect": 0xA7, "deg": 0xB0, "plusmn": 0xB1, "times": 0xD7,
        "divide": 0xF7, "laquo": 0xAB, "raquo": 0xBB, "shy": 0xAD, "zwnj": 0x200C, "zwj": 0x200D,
        "ensp": 0x2002, "emsp": 0x2003, "thinsp": 0x2009, "eacute": 0xE9, "egrave": 0xE8, "ecirc": 0xEA,
        "aacute": 0xE1, "agrave": 0xE0, "acirc": 0xE2, "auml": 0xE4, "ouml": 0xF6, "uuml": 0xFC,
        "Auml": 0xC4, "Ouml": 0xD6, "Uuml": 0xDC, "szlig": 0xDF, "ccedil": 0xE7, "ntilde": 0xF1,
        "oacute": 0xF3, "iacute": 0xED, "uacute": 0xFA, "Eacute": 0xC9, "rarr": 0x2192, "larr": 0x2190,
        "check": 0x2713, "frac12": 0xBD, "half": 0xBD, "iexcl": 0xA1, "iquest": 0xBF, "ordm": 0xBA,
        "ordf": 0xAA, "sup2": 0xB2, "micro": 0xB5, "para": 0xB6,
    ]

    // MARK: - Layout

    /// Lines trimmed and inner white space collapsed, CDATA markers dropped, blank-line runs collapsed to
    /// one, bullet marks (•, ·, ▪, ●, -, *, Word's private-use bullet …) rewritten as "• ", and bullets
    /// run together on one line ("• a • b") split onto their own lines.
    static func layout(_ bytes: [UInt8]) -> [UInt8] {
        let clean = cleanBytes(bytes)
        var out: [UInt8] = []
        out.reserveCapacity(clean.count + 16)
        var line: [UInt8] = []
        line.reserveCapacity(512)
        var blankPending = false

        /// Writes one segment of a line, a bullet mark rewritten as "• " (a lone mark writes nothing).
        func emit(_ segment: ArraySlice<UInt8>) {
            let (isBullet, rest) = bulletBody(segment)
            if isBullet && rest.isEmpty { return }
            if !out.isEmpty {
                out.append(0x0A)
                if blankPending { out.append(0x0A) }
            }
            blankPending = false
            if isBullet { out.append(contentsOf: bullet) }
            out.append(contentsOf: rest)
        }

        clean.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress, buffer.count > 0 else { return } // no lines: nothing to write
            let n = buffer.count
            // Each line is collapsed into `scratch` (never longer than the line), then copied once.
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: n) { scratch in
                let collapsed = scratch.baseAddress!
                var i = 0
                while true {
                    // One line: its words joined by single spaces, without leading or trailing space. Only
                    // a " •" inside the line can split it into bullets.
                    var length = 0
                    var mayHoldInlineBullet = false
                    while i < n {
                        let b = base[i]
                        if b == 0x0A { break }
                        if b == 0x20 { i += 1; continue }
                        if length > 0 {
                            collapsed[length] = 0x20
                            length += 1
                            if b == 0xE2, i + 2 < n, base[i + 1] == 0x80, base[i + 2] == 0xA2 { mayHoldInlineBullet = true }
                        }
                        // The word, and the words after it that are one space apart, are copied at once
                        // (the test is branch-free: where words end is unpredictable).
                        var j = i + 1
                        while j + 1 < n {
                            if j + 9 <= n {
                                // Eight bytes at once when none ends the run (a line break, or a space before a
                                // space, a line break or E2, which may start an inline bullet).
                                let here = UnsafeRawPointer(base + j).loadUnaligned(as: UInt64.self)
                                let after = UnsafeRawPointer(base + j + 1).loadUnaligned(as: UInt64.self)
                                let spaceBefore = ByteScan.marks(of: 0x20, in: after) | ByteScan.marks(of: 0x0A, in: after)
                                    | ByteScan.marks(of: 0xE2, in: after)
                                if ByteScan.marks(of: 0x0A, in: here) | (ByteScan.marks(of: 0x20, in: here) & spaceBefore) == 0 {
                                    j += 8
                                    continue
                                }
                            }
                            let c = base[j], next = base[j + 1]
                            let space = bit(c == 0x20)
                            let stop = bit(c == 0x0A) | (space & (bit(next == 0x20) | bit(next == 0x0A)))
                            if stop != 0 { break }
                            if next == 0xE2, space == 1, j + 3 < n, base[j + 2] == 0x80, base[j + 3] == 0xA2 {
                                mayHoldInlineBullet = true
                            }
                            j += 1
                        }
                        if j + 1 == n, base[j] != 0x0A, base[j] != 0x20 { j += 1 }
                        (collapsed + length).update(from: base + i, count: j - i)
                        length += j - i
                        i = j
                    }
                    if length == 0 {
                        blankPending = !out.isEmpty
                    } else {
                        line.removeAll(keepingCapacity: true)
                        line.append(contentsOf: UnsafeBufferPointer(start: collapsed, count: length))
                        if mayHoldInlineBullet {
                            for part in splitInlineBullets(line) { emit(part[...]) }
                        } else {
                            emit(line[...])
                        }
                    }
                    if i >= n { break }
                    i += 1 // the line break
                }
            }
        }
        return out
    }

    /// 1 or 0, without a branch (a Bool's byte).
    @inline(__always) private static func bit(_ value: Bool) -> Int { Int(unsafeBitCast(value, to: UInt8.self)) }

    /// The bytes with newlines unified to LF, tabs/form feeds/NBSP as spaces, CDATA markers
    /// (`<![CDATA[`, `]]>`) and zero-width/BOM characters dropped, line/paragraph separators as LF.
    static func cleanBytes(_ bytes: [UInt8]) -> [UInt8] {
        // Every rule writes at most as many bytes as it reads, so the input's size bounds the output.
        [UInt8](unsafeUninitializedCapacity: bytes.count) { out, written in
            bytes.withUnsafeBufferPointer { bytes in
                let n = bytes.count
                var o = 0
                var i = 0
                while i < n {
                    // Eight plain bytes (printable ASCII, no "]" or "<") are copied at once.
                    if i + 8 <= n, let base = bytes.baseAddress, let target = out.baseAddress {
                        let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                        if word & ByteScan.highs == 0, !ByteScan.hasByteBelow(0x20, in: word),
                           ByteScan.marks(of: UInt8(ascii: "]"), in: word) | ByteScan.marks(of: UInt8(ascii: "<"), in: word) == 0 {
                            UnsafeMutableRawPointer(target + o).storeBytes(of: word, as: UInt64.self)
                            o += 8
                            i += 8
                            continue
                        }
                    }
                    let b = bytes[i]
                    if b >= 0x20 && b < 0x80 && b != UInt8(ascii: "]") && b != UInt8(ascii: "<") {
                        out[o] = b
                        o += 1
                        i += 1
                        continue
                    }
                    switch b {
                    case 0x00...0x08, 0x0E...0x1F, 0x7F:
                        break // control characters carry no text
                    case 0xC2 where i + 1 < n && bytes[i + 1] >= 0x80 && bytes[i + 1] <= 0x9F:
                        i += 1 // C1 controls (U+0080–U+009F), left over when mojibake could not be undone
                    case 0x0D:
                        out[o] = 0x0A; o += 1
                        if i + 1 < n, bytes[i + 1] == 0x0A { i += 1 }
                    case 0x09, 0x0B, 0x0C:
                        out[o] = 0x20; o += 1
                    case 0xC2 where i + 1 < n && bytes[i + 1] == 0xA0:
                        out[o] = 0x20; o += 1; i += 1
                    case 0xE2 where i + 2 < n && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0x8B || bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9):
                        if bytes[i + 2] != 0x8B { out[o] = 0x0A; o += 1 }
                        i += 2
                    case 0xEF where i + 2 < n && bytes[i + 1] == 0xBB && bytes[i + 2] == 0xBF:
                        i += 2
                    case UInt8(ascii: "]") where i + 2 < n && bytes[i + 1] == UInt8(ascii: "]") && bytes[i + 2] == UInt8(ascii: ">"):
                        i += 2
                    case UInt8(ascii: "<") where i + 8 < n && bytes[i + 1] == UInt8(ascii: "!") && bytes[i + 2] == UInt8(ascii: "[")
                        && bytes[i + 3] == UInt8(ascii: "C") && bytes[i + 4] == UInt8(ascii: "D") && bytes[i + 5] == UInt8(ascii: "A")
                        && bytes[i + 6] == UInt8(ascii: "T") && bytes[i + 7] == UInt8(ascii: "A") && bytes[i + 8] == UInt8(ascii: "["):
                        i += 8
                    default:
                        out[o] = b; o += 1
                    }
                    i += 1
                }
                written = o
            }
        }
    }

    static let bullet: [UInt8] = Array("• ".utf8)
    private static let bulletMarks: [[UInt8]] = ["•", "·", "◦", "▪", "▫", "●", "○", "■", "□", "►", "▸", "➢", "✓", "✔", "\u{F0B7}", "\u{F0A7}", "‣", "⁃"].map { Array($0.utf8) }

    /// Whether a line starts with a list mark ("- x", "* x", "· x", Word's private-use bullet …), and the text after it.
    static func bulletBody(_ line: ArraySlice<UInt8>) -> (Bool, ArraySlice<UInt8>) {
        let s = line.startIndex
        let first = line[s]
        if line.count >= 2, first == UInt8(ascii: "-") || first == UInt8(ascii: "*") || first == UInt8(ascii: "+"),
           line[s + 1] == 0x20 {
            return (true, line[(s + 2)...])
        }
        guard first >= 0xC2 else { return (false, line) }
        if line.count >= 4, first == 0xE2, line[s + 1] == 0x80, line[s + 2] == 0x93 || line[s + 2] == 0x94,
           line[s + 3] == 0x20 {
            return (true, line[(s + 4)...]) // en/em dash as a list mark
        }
        for mark in bulletMarks where line.starts(with: mark) {
            var start = s + mark.count
            while start < line.endIndex, line[start] == 0x20 { start += 1 }
            return (true, line[start...])
        }
        return (false, line)
    }

    /// "intro • a • b" → ["intro", "• a", "• b"], when "•" stands between words with spaces around it.
    static func splitInlineBullets(_ line: [UInt8]) -> [[UInt8]] {
        guard line.count > 6 else { return [line] }
        var parts: [[UInt8]] = []
        var start = 0
        var i = 1
        while i + 3 < line.count {
            if line[i] == 0x20, line[i + 1] == 0xE2, line[i + 2] == 0x80, line[i + 3] == 0xA2 {
                parts.append(Array(line[start..<i]))
                start = i + 1
                i += 4
                continue
            }
            i += 1
        }
        guard !parts.isEmpty else { return [line] }
        parts.append(Array(line[start...]))
        return parts.filter { !$0.isEmpty }
    }

    // MARK: - Unicode

    /// NFC, computed only when the text holds combining marks (the common case costs one scan).
    static func normalizeUnicode(_ text: String) -> String {
        // Every scalar that can combine is U+0300 or above: lead bytes 0xCC+ (most text has none, or
        // only punctuation in the E2 block, which the scalar check below then clears quickly).
        let mayCombine = text.utf8.withContiguousStorageIfAvailable { buffer -> Bool in
            // The largest byte first: ASCII and Latin text stop here.
            guard ByteScan.largestByte(UnsafeRawBufferPointer(buffer)) >= 0xCC else { return false }
            for b in buffer where b >= 0xCC && b != 0xE2 { return true }
            return false
        } ?? text.utf8.contains { $0 >= 0xCC && $0 != 0xE2 }
        guard mayCombine else { return text }
        for s in text.unicodeScalars {
            let v = s.value
            if v < 0x300 { continue }
            if (0x300...0x36F).contains(v) || (0x1100...0x11FF).contains(v) || (0x1AB0...0x1AFF).contains(v)
                || (0x1DC0...0x1DFF).contains(v) || (0x20D0...0x20FF).contains(v) || (0x3099...0x309A).contains(v)
                || (0xFE20...0xFE2F).contains(v) || (0x0591...0x05C7).contains(v) || (0x064B...0x065F).contains(v)
                || (0x0900...0x0DFF).contains(v) {
                return text.precomposedStringWithCanonicalMapping
            }
        }
        return text
    }
}
