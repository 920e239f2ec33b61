import Foundation
import Testing
@testable import JobScope

@Suite("Training manifest")
struct TrainingManifestTests {
    @Test("one-posting files of a source fold into one entry with a file count; multi-posting files stay listed")
    func folding() throws {
        var manifest = TrainingManifest()
        manifest.recordFile(path: "board/jobs/a/README.md", source: "board", read: 1, used: 1)
        manifest.recordFile(path: "board/jobs/b/README.md", source: "board", read: 1, used: 0)
        manifest.recordFile(path: "board/jobs/c/README.md", source: "board", read: 1, used: 1)
        manifest.recordFile(path: "export/postings.csv", source: "export", read: 40, used: 31)
        manifest.recordFile(path: "other/jobs/x.md", source: "other", read: 1, used: 1)
        #expect(manifest.sources == [
            .init(path: "board", read: 3, used: 2, files: 3),
            .init(path: "export/postings.csv", read: 40, used: 31),
            .init(path: "other", read: 1, used: 1, files: 1),
        ])
        let data = try JSONEncoder().encode(manifest)
        #expect(try JSONDecoder().decode(TrainingManifest.self, from: data) == manifest)
    }
}
