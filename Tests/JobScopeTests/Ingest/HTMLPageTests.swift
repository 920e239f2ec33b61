import Foundation
import Testing

@testable import JobScope

@Suite("HTML page: simple fragments rendered without libxml2")
struct HTMLPageTests {
    /// Pieces a simple fragment is made of (the shortcut takes them).
    static let simplePieces = [
        "Acme", "Senior ML Engineer", " | ", "Berlin", "Zürich", "€90k–120k", "日本語", "😀", " ", "  ", "\n", "\t", "\r\n",
        "<p>", "</p>", "<i>", "</i>", "<b>", "</b>", "<em>", "</em>", "<code>", "</code>",
        "<a href=\"https://jobs.example/apply?a=1&amp;b=2\" rel=\"nofollow\">", "</a>", "<a href='x>y'>",
        "&amp;", "&lt;", "&gt;", "&quot;", "&#x27;", "&#x2F;", "&#39;", "&#160;", "&#xA0;", "&#8211;", "AT&amp;T",
        "\u{A0}", "x > y",
    ]
    /// Pieces the shortcut leaves to libxml2.
    static let otherPieces = [
        "<div>", "</div>", "<br>", "<ul><li>one</li></ul>", "<pre><code>let x = 1</code></pre>", "&nbsp;", "a < b", "R&D",
        "<!-- note -->", "<p class=\"x\">", "<span style=\"display:none\">hidden</span>", "<P>", "&#0;", "&#x80;", "\u{1}",
        "\u{7F}", "<a href=x>", "&apos;", "</p >", "<h2>Role</h2>", "\u{FEFF}", "<script>var a;</script>",
    ]

    /// A deterministic mix of pieces (a small LCG: the same fragments on every run).
    static func fragments(count: Int, from pieces: [String], seed: UInt64) -> [String] {
        var state = seed
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        return (0..<count).map { _ in (0..<(1 + next(14))).map { _ in pieces[next(pieces.count)] }.joined() }
    }

    static func text(_ fragment: String, shortcut: Bool) -> [UInt8] {
        HTMLPage(Array(fragment.utf8), encoding: "UTF-8", textOnly: true, shortcut: shortcut)?.textBytes ?? []
    }

    static func isSimple(_ fragment: String) -> Bool {
        HTMLPage.isSimpleFragment(Array(fragment.utf8))
    }

    @Test("a Hacker News comment is simple and renders as libxml2 renders it")
    func hackerNewsComment() {
        let comment =
            "Acme Robotics | ML Engineer | Remote (EU)<p>We build &quot;careful&quot; tools &amp; ship.<p>Apply: "
            + "<a href=\"https:&#x2F;&#x2F;acme.example&#x2F;jobs\" rel=\"nofollow\">https:&#x2F;&#x2F;acme.example&#x2F;jobs</a>"
        #expect(Self.isSimple(comment))
        let text = String(decoding: Self.text(comment, shortcut: true), as: UTF8.self)
        #expect(
            text
                == "Acme Robotics | ML Engineer | Remote (EU)\n\nWe build \"careful\" tools & ship.\n\nApply: https://acme.example/jobs"
        )
        #expect(Self.text(comment, shortcut: true) == Self.text(comment, shortcut: false))
    }

    @Test("fragments of simple pieces take the shortcut and render as libxml2 does, or are left to libxml2")
    func simpleFragments() {
        var simple = 0
        for fragment in Self.fragments(count: 4000, from: Self.simplePieces, seed: 15) {
            if Self.isSimple(fragment) { simple += 1 }
            #expect(Self.text(fragment, shortcut: true) == Self.text(fragment, shortcut: false), "\(fragment.debugDescription)")
        }
        // Unbalanced inline tags and stray </p> are left to libxml2; most mixes are simple.
        #expect(simple > 1000)
    }

    @Test("fragments with other markup are left to libxml2, and render the same either way")
    func otherFragments() {
        for piece in Self.otherPieces {
            #expect(!Self.isSimple("Acme <p>text " + piece + " more"), "\(piece.debugDescription)")
        }
        for fragment in Self.fragments(count: 2000, from: Self.simplePieces + Self.otherPieces, seed: 9) {
            #expect(Self.text(fragment, shortcut: true) == Self.text(fragment, shortcut: false), "\(fragment.debugDescription)")
        }
    }
}
