import Foundation

/// Text made safe to print on a terminal: a file name or a posting field could carry escape sequences that
/// move the cursor, retitle the window, rewrite the clipboard (OSC 52) or hide what came before.
public enum TerminalText {
    /// `text` without escape sequences (CSI, OSC, DCS and the rest) and control characters; line feeds and tabs
    /// stay, other controls become spaces. With `keepingColour`, SGR sequences (`ESC [ … m`, colour and weight
    /// only) are kept, for text a renderer coloured itself.
    public static func clean(_ text: String, keepingColour: Bool = false) -> String {
        // Most text has no control character at all: no copy then.
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var out = String.UnicodeScalarView()
        var scalars = text.unicodeScalars.makeIterator()
        var pending = scalars.next()
        while let scalar = pending {
            pending = scalars.next()
            switch scalar.value {
            case 0x0A, 0x09:
                out.append(scalar)
            case 0x1B, 0x9B:
                // ESC, or the one-byte CSI.
                var sequence = String.UnicodeScalarView([scalar])
                var kind: UInt32 = scalar.value == 0x9B ? 0x5B : 0
                if scalar.value == 0x1B, let next = pending {
                    kind = next.value
                    sequence.append(next)
                    pending = scalars.next()
                }
                switch kind {
                case 0x5B: // CSI: parameters and intermediates, then one final byte 0x40-0x7E.
                    var final: UInt32 = 0
                    while let next = pending {
                        pending = scalars.next()
                        sequence.append(next)
                        if (0x40...0x7E).contains(next.value) { final = next.value; break }
                        if !(0x20...0x3F).contains(next.value) { break }
                    }
                    if keepingColour && final == 0x6D { out.append(contentsOf: sequence) }
                case 0x5D, 0x50, 0x58, 0x5E, 0x5F: // OSC, DCS, SOS, PM, APC: up to BEL or ESC \.
                    while let next = pending {
                        pending = scalars.next()
                        if next.value == 0x07 { break }
                        if next.value == 0x1B {
                            if pending?.value == 0x5C { pending = scalars.next() }
                            break
                        }
                    }
                default:
                    break // a two-character escape: both dropped
                }
            default:
                out.append(isControl(scalar) ? " " : scalar)
            }
        }
        return String(out)
    }

    /// C0 and C1 controls and DEL, line feed and tab included (the caller decides).
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return v < 0x20 && v != 0x0A && v != 0x09 || (0x7F...0x9F).contains(v)
    }
}
