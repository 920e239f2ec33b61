import Foundation
import Testing
@testable import JobScope

@Suite("AIInvolvementDetector")
struct AIInvolvementDetectorTests {
    static func detector() throws -> AIInvolvementDetector {
        try AIInvolvementDetector.load(from: ClassifierFixture.layout.aiEvidence)
    }

    @Test("every example sentence gives its involvement")
    func examples() throws {
        let detector = try Self.detector()
        #expect(!detector.rules.examples.isEmpty)
        for example in detector.rules.examples {
            #expect(detector.involvement(title: nil, body: example.text) == example.involvement, "\(example.text)")
        }
    }

    @Test("the employer's About section and its own voice do not count")
    func boilerplate() throws {
        let detector = try Self.detector()
        let body = """
        About us
        We are an AI company building large language models and generative AI for everyone.

        What you'll do
        You will keep our books: monthly close, accounts payable, reconciliations and audits.
        """
        #expect(detector.involvement(title: "Accountant", body: body) == .none)
        let candidate = body + "\nYou will build LLM-powered tools that automate the close."
        #expect(detector.involvement(title: "Accountant", body: candidate) == .buildsGenerativeAI)
    }

    @Test("a use of AI tools is uses_ai, not generative-AI work")
    func uses() throws {
        let detector = try Self.detector()
        #expect(detector.involvement(title: nil, body: "You are comfortable using generative AI tools to draft copy.") == .usesAI)
    }

    @Test("the scalars a line is read by bytes with are single, non-space Characters lowercased as bytes say")
    func simpleScalars() {
        var scalars: [Unicode.Scalar] = []
        for value in UInt32(0x80)...0x1FAFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let line = Array(String(scalar).utf8)
            if CandidateLineScan.isSimple(line[...]) { scalars.append(scalar) }
        }
        #expect(scalars.count > 1000)
        for scalar in scalars {
            let text = String(scalar)
            #expect(text.trimmingCharacters(in: .whitespaces) == text, "\(scalar.value)")
            #expect(("a" + text + "b").count == 3, "\(scalar.value)")
            #expect(CandidateLineScan.lowercasedAsSimple(Array(text.utf8)) == Array(text.lowercased().utf8), "\(scalar.value)")
        }
        // Neighbours: every allowed scalar beside every fifth one stays two Characters.
        for (i, a) in scalars.enumerated() {
            for b in scalars.indices where (b + i) % 5 == 0 {
                #expect((String(a) + String(scalars[b])).count == 2, "\(a.value) \(scalars[b].value)")
            }
        }
    }

    @Test("the contract's raw values")
    func rawValues() {
        #expect(AIInvolvement.allCases.map(\.rawValue) == ["none", "uses_ai", "builds_ml", "builds_genai"])
    }
    @Test("the candidate-facing text: the employer's section and voice go, the candidate's sentences stay")
    func candidateTextKeepsCandidateSentences() throws {
        let detector = try Self.detector()
        let body = """
        About Us
        We build tools for kitchens. Our chefs love them.
        \tWhat You'll Do\t
        We're hiring! You will train models with PyTorch. Trust us: it is fun.
        Focus on business users; a bonus.
        Café menus, in Zürich. We serve them
        """
        // A sentence keeps the space after the mark that ended the one before.
        let expected = ["what you'll do", " you will train models with pytorch", "focus on business users; a bonus",
                        "café menus, in zürich"]
        #expect(detector.candidateText(body) == expected.joined(separator: "\n"))
    }

    @Test("the candidate-facing text reads bytes and Characters alike (CRLF, tabs, multi-byte text, headings)")
    func candidateTextBytesMatchCharacters() throws {
        let detector = try Self.detector()
        let bodies = [
            "Requirements:\nYou know SQL. We use Go! Our team, us, we've: fine?\n\n  Benefits  \nWe pay well.\nwho we are\nx",
            "Line one\r\nWe are here. You will code.\r\n# About the company\r\nWe sell.",
            "Ünïcode héading\nWe ♥ you. Naïve résumé parsing, we said.\n\u{2028}We go. You too.",
            "** Bold heading **\n* bullet without stop\n- dash line\n1. numbered. WE ARE LOUD. Us_too we2 _we",
            "a\u{0085}b. We are.\u{000C}Form feed. Our view\u{000B}tab",
            "Trailing space line   \n\t\t\nUS and them. The U.S. office. Bus stop. We\u{301} combine.",
            "• We’re a team… you’ll code – fast.\n• Build APIs\n•\n— About us —\nWe sell.\n“Our” view: ok\n• Our — us•we",
            "Short line ending in a dash –\nWhat you’ll do\nYou build. We ship.\n🌎 Remote – we\u{FE0F} hire",
            "🌎 Location: Remote\n💰 Salary: ÉTÉ × ÀÖØÞ ß ÿ µ ª · ¿Qué? We pay. 🚀 Our mission\n## À propos de nous\nWe sell.",
            "Écoute. We\u{00A0}are here\u{00A0}\nsoft\u{00AD}hyphen. We grow. 👍🏽 us 🇫🇷 we 🤖 You code 🤖\n🏳️ flag",
            "ABOUT ÜS:\nWe sell. ¡Hola! Our «team» » You will build LLMs. Naïve. We are 100% remote 🌎🌎",
        ]
        for body in bodies {
            #expect(detector.candidateText(body) == detector.candidateTextByCharacters(body), "\(body.debugDescription)")
        }
    }
}
