import Foundation
import Testing

/// The README's examples, run as written: every line of a README code block that starts with `$ jobscope`
/// runs, in order, in a scratch folder holding `Examples/`, and exits 0. Documentation examples must name
/// files that exist.
@Suite("README examples", .enabled(if: CLI.available, CLI.skipReason))
struct ReadmeExampleTests {
    /// The `$ jobscope …` lines of the code blocks of `file`, as argument lists (after `jobscope`, up to a pipe,
    /// a redirection or a comment).
    static func examples(in file: URL) throws -> [[String]] {
        var inBlock = false
        var commands: [[String]] = []
        for line in try String(contentsOf: file, encoding: .utf8).split(
            separator: "\n", omittingEmptySubsequences: false)
        {
            if line.hasPrefix("```") {
                inBlock.toggle()
                continue
            }
            guard inBlock, line.hasPrefix("$ jobscope ") else { continue }
            commands.append(words(String(line.dropFirst("$ jobscope ".count))))
        }
        return commands
    }

    /// Shell-like words: quotes group, and a pipe, redirection, `;` or `#` ends the command.
    static func words(_ text: String) -> [String] {
        var words: [String] = []
        var current = ""
        var quote: Character?
        var inWord = false
        for c in text {
            if let q = quote {
                if c == q { quote = nil } else { current.append(c) }
                continue
            }
            if c == "\"" || c == "'" {
                quote = c
                inWord = true
            } else if c == " " {
                if inWord { words.append(current) }
                current = ""
                inWord = false
            } else if "|>;#".contains(c) && !inWord {
                return words
            } else {
                current.append(c)
                inWord = true
            }
        }
        if inWord { words.append(current) }
        return words
    }

    static let readme = CLI.repoRoot.appendingPathComponent("README.md")

    @Test("the README shows examples, and every one runs and exits 0")
    func readmeExamplesRun() throws {
        let commands = try Self.examples(in: Self.readme)
        #expect(commands.count >= 5, "the README shows the main commands")
        let folder = try CLI.scratch()
        for arguments in commands {
            let result = try CLI.run(arguments, in: folder)
            #expect(result.status == 0, "jobscope \(arguments.joined(separator: " ")): \(result.stderr)")
        }
    }

    @Test("every example in README.md and Documentation/ names only files of Examples/ that exist")
    func examplesUseBundledFiles() throws {
        let docs = CLI.repoRoot.appendingPathComponent("Documentation")
        let pages =
            [Self.readme]
            + ((try? FileManager.default.contentsOfDirectory(at: docs, includingPropertiesForKeys: nil)) ?? [])
            .filter { $0.pathExtension == "md" }
        var checked = 0
        for page in pages {
            for arguments in try Self.examples(in: page) {
                for path in arguments where path.hasPrefix("Examples/") {
                    checked += 1
                    #expect(
                        FileManager.default.fileExists(atPath: CLI.repoRoot.appendingPathComponent(path).path),
                        "\(page.lastPathComponent): jobscope \(arguments.joined(separator: " ")) names \(path)")
                }
            }
        }
        #expect(checked > 0)
    }

    @Test("the README's architecture names every folder of the library and every source target")
    func architectureMatchesTheTree() throws {
        let readme = try String(contentsOf: Self.readme, encoding: .utf8)
        let sources = CLI.repoRoot.appendingPathComponent("Sources")
        let fm = FileManager.default
        for target in try fm.contentsOfDirectory(atPath: sources.path) {
            #expect(readme.contains("\(target)/"), "README names Sources/\(target)/")
        }
        let library = sources.appendingPathComponent("JobScope")
        for folder in try fm.contentsOfDirectory(atPath: library.path) {
            var isFolder: ObjCBool = false
            guard fm.fileExists(atPath: library.appendingPathComponent(folder).path, isDirectory: &isFolder),
                isFolder.boolValue
            else { continue }
            #expect(
                readme.contains("`Sources/JobScope/\(folder)/") || readme.contains("`\(folder)/`"),
                "README's where-to-change table names Sources/JobScope/\(folder)/")
        }
    }

    @Test("the example parser takes words as a shell would, and stops at pipes and comments")
    func parser() {
        #expect(
            Self.words("report --format csv --section skills > out.csv") == [
                "report", "--format", "csv", "--section", "skills",
            ])
        #expect(Self.words("extract \"Examples/a b.html\" | head -3") == ["extract", "Examples/a b.html"])
        #expect(Self.words("analyze Examples   # fills ./jobscope.sqlite") == ["analyze", "Examples"])
        #expect(Self.words("analyze --column title='Job Title' x") == ["analyze", "--column", "title=Job Title", "x"])
    }
}
