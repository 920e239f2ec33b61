import Foundation
import Testing

@testable import JobScope

/// `format:` is how a data file is laid out, apart from its content `version:`: a newer format is refused.
@Suite("data file formats")
struct DataFormatTests {
    static let taxonomy = """
        format: FORMAT
        version: "1"
        skills:
          - {id: python, name: Python, category: programming-language}
        """

    @Test("a taxonomy of this format, or without one, loads; a newer one is refused before any other check")
    func taxonomyFormat() throws {
        #expect(
            try TaxonomyLoader.load(yaml: Self.taxonomy.replacingOccurrences(of: "FORMAT", with: "1"))
                .skills.count == 1)
        let unformatted = Self.taxonomy.split(separator: "\n").dropFirst().joined(separator: "\n")
        #expect(try TaxonomyLoader.load(yaml: unformatted).skills.count == 1)
        // A newer format may bring keys this JobScope does not know: the format is what it reports.
        let newer = Self.taxonomy.replacingOccurrences(of: "FORMAT", with: "2") + "\nfamilies: []\n"
        #expect(throws: DataFormatError.newer(file: "taxonomy.yaml", format: 2, newest: DataFormat.taxonomy)) {
            try TaxonomyLoader.load(yaml: newer)
        }
        #expect(throws: DataFormatError.invalid(file: "taxonomy.yaml", format: 0)) {
            try TaxonomyLoader.load(yaml: Self.taxonomy.replacingOccurrences(of: "FORMAT", with: "0"))
        }
    }

    @Test("title rules of a newer format are refused with a message naming the file and what to do")
    func titleRulesFormat() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "jobscope-format-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("title-rules.yaml")
        let rules = """
            format: FORMAT
            version: "1"
            rules:
              - {id: a, role: other, pattern: 'chef', examples: ["Pastry Chef"]}
            """
        try rules.replacingOccurrences(of: "FORMAT", with: "1").write(to: file, atomically: true, encoding: .utf8)
        #expect(try TitleRuleSet.load(from: file).rules.count == 1)
        try rules.replacingOccurrences(of: "FORMAT", with: "3").write(to: file, atomically: true, encoding: .utf8)
        do {
            _ = try TitleRuleSet.load(from: file)
            Issue.record("a newer format was read")
        } catch let error as DataFormatError {
            #expect(error == .newer(file: file.path, format: 3, newest: DataFormat.titleRules))
            #expect(error.localizedDescription.contains("update JobScope"))
        }
    }

    @Test("the committed data files declare the format this JobScope reads")
    func committedFiles() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        for (path, newest) in [
            ("Models/taxonomy.yaml", DataFormat.taxonomy), ("Corpus/title-rules.yaml", DataFormat.titleRules),
        ] {
            let text = try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
            #expect(text.split(separator: "\n").contains("format: \(newest)"), "\(path)")
        }
    }
}
