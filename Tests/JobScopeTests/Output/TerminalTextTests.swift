import Testing
@testable import JobScope

@Suite("Terminal text")
struct TerminalTextTests {
    @Test("escape sequences and control characters are stripped; line feeds and tabs stay", arguments: [
        ("plain name.html", "plain name.html"),
        ("a\u{1B}[2Jb", "ab"),                         // clear screen
        ("a\u{1B}]0;owned\u{07}b", "ab"),               // window title (OSC, BEL)
        ("a\u{1B}]52;c;ZXZpbA==\u{1B}\\b", "ab"),       // clipboard (OSC 52, ST)
        ("a\u{1B}[31mred\u{1B}[0m", "ared"),
        ("a\u{9B}1Ab", "ab"),                           // one-byte CSI
        ("line\none\ttab", "line\none\ttab"),
        ("bell\u{07}back\u{08}del\u{7F}", "bell back del "),
        ("a\u{1B}Mb", "ab"),                            // two-character escape
    ])
    func cleaned(_ input: String, _ expected: String) {
        #expect(TerminalText.clean(input) == expected)
    }

    @Test("colour kept when asked, everything else still stripped")
    func keepingColour() {
        #expect(TerminalText.clean("\u{1B}[1mbold\u{1B}[0m\u{1B}[2J", keepingColour: true) == "\u{1B}[1mbold\u{1B}[0m")
    }
}
