import Foundation
import Testing
@testable import JobScope

@Suite("Model archive (role-model.bin)")
struct ModelArchiveTests {
    @Test("a model and taxonomy read back from the archive are the ones written, number for number")
    func roundTrip() throws {
        let model = try ClassifierFixture.model()
        let taxonomy = ClassifierFixture.taxonomy
        let json = try model.encoded()
        let archive = ModelArchive(model: model, modelSource: json, taxonomy: taxonomy, taxonomySource: Data("t".utf8))
        let bytes = try archive.encoded()
        let back = try ModelArchive.decode(bytes, path: "x.bin")
        #expect(try back.model.encoded() == json)
        #expect(back.taxonomy == taxonomy)
        #expect(back.modelSourceHash == ModelArchive.hash(json))
        #expect(back.taxonomySourceHash == ModelArchive.hash(Data("t".utf8)))
        #expect(try archive.encoded() == bytes, "the same input gives the same bytes")
    }

    @Test("the committed taxonomy survives the archive's JSON form unchanged")
    func committedTaxonomyRoundTrip() throws {
        let url = ClassifierFixture.repoRoot.appendingPathComponent("Models/taxonomy.yaml")
        let taxonomy = try TaxonomyLoader.load(from: url)
        let model = try ClassifierFixture.model()
        let bytes = try ModelArchive(model: model, modelSource: Data(), taxonomy: taxonomy,
                                     taxonomySource: Data()).encoded()
        #expect(try ModelArchive.decodeTaxonomy(bytes, path: "x.bin") == taxonomy)
    }

    @Test("a truncated or foreign file is refused with an error naming it")
    func damaged() throws {
        let model = try ClassifierFixture.model()
        let bytes = try ModelArchive(model: model, modelSource: Data(), taxonomy: ClassifierFixture.taxonomy,
                                     taxonomySource: Data()).encoded()
        #expect(ModelArchive.header(of: Data("not an archive".utf8)) == nil)
        for cut in [10, 40, bytes.count / 2, bytes.count - 3] {
            #expect(throws: ModelArchiveError.corrupt(path: "m.bin")) {
                _ = try ModelArchive.decode(bytes.prefix(cut), path: "m.bin")
            }
        }
        let message = ModelArchiveError.corrupt(path: "m.bin").localizedDescription
        #expect(message.hasPrefix("m.bin: ") && message.contains("jobscope train"))
    }

    @Test("FNV-1a gives the published values")
    func hash() {
        #expect(ModelArchive.hash(Data()) == 0xcbf2_9ce4_8422_2325)
        #expect(ModelArchive.hash(Data("a".utf8)) == 0xaf63_dc4c_8601_ec8c)
    }
}

@Suite("Model bundle: archive or sources")
struct ModelBundleTests {
    /// A models folder with a fixture model, the fixture taxonomy as YAML, and their archive.
    func folder() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("bundle-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let source = ClassifierFixture.repoRoot.appendingPathComponent("Models/taxonomy.yaml")
        try FileManager.default.copyItem(at: source, to: dir.appendingPathComponent(ModelDirectory.taxonomyFile))
        let model = try ClassifierFixture.model()
        let taxonomy = try TaxonomyLoader.load(from: source)
        _ = try ModelBundle.write(model: model, to: dir.appendingPathComponent(ModelDirectory.roleModelFile),
                                  taxonomy: taxonomy, taxonomyURL: source)
        return dir
    }

    @Test("a fresh archive is used for both parts, and gives what the sources give")
    func fresh() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let bundle = try ModelBundle.load(models: dir)
        #expect(bundle.modelOrigin == .archive && bundle.taxonomyOrigin == .archive)
        try FileManager.default.removeItem(at: dir.appendingPathComponent(ModelArchive.fileName))
        let sources = try ModelBundle.load(models: dir)
        #expect(sources.modelOrigin == .source && sources.taxonomyOrigin == .source)
        #expect(try bundle.model.encoded() == sources.model.encoded())
        #expect(bundle.taxonomy == sources.taxonomy)
    }

    @Test("an edited taxonomy is read from its YAML; the unchanged model still from the archive")
    func editedTaxonomy() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let yaml = dir.appendingPathComponent(ModelDirectory.taxonomyFile)
        var text = try String(contentsOf: yaml, encoding: .utf8)
        text = text.replacingOccurrences(of: "\nskills:\n", with: "\nskills:\n  - id: zzz-new-skill\n    name: Zzz new skill\n    category: data-tooling\n    family: \(try TaxonomyLoader.load(from: yaml).skills[0].family ?? "")\n", options: [], range: nil)
        try text.write(to: yaml, atomically: true, encoding: .utf8)
        let bundle = try ModelBundle.load(models: dir)
        #expect(bundle.taxonomyOrigin == .source)
        #expect(bundle.modelOrigin == .archive)
        #expect(bundle.taxonomy.skill("zzz-new-skill") != nil)
    }

    @Test("a damaged archive falls back to the sources")
    func damagedArchive() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let bin = dir.appendingPathComponent(ModelArchive.fileName)
        let bytes = try Data(contentsOf: bin)
        try bytes.prefix(bytes.count / 2).write(to: bin)
        let bundle = try ModelBundle.load(models: dir)
        #expect(bundle.modelOrigin == .source && bundle.taxonomyOrigin == .source)
    }

    @Test("with both sources broken and no archive, the taxonomy's error is the one reported")
    func bothBroken() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.removeItem(at: dir.appendingPathComponent(ModelArchive.fileName))
        try Data("version: [unclosed\n".utf8).write(to: dir.appendingPathComponent(ModelDirectory.taxonomyFile))
        try Data("{ not json".utf8).write(to: dir.appendingPathComponent(ModelDirectory.roleModelFile))
        #expect(throws: TaxonomyError.self) { _ = try ModelBundle.load(models: dir) }
        // With the taxonomy mended, the model's own error comes through.
        let source = ClassifierFixture.repoRoot.appendingPathComponent("Models/taxonomy.yaml")
        try FileManager.default.removeItem(at: dir.appendingPathComponent(ModelDirectory.taxonomyFile))
        try FileManager.default.copyItem(at: source, to: dir.appendingPathComponent(ModelDirectory.taxonomyFile))
        #expect(throws: RoleModelError.self) { _ = try ModelBundle.load(models: dir) }
    }

    @Test("an archive beside a model named otherwise takes the model's name")
    func archiveName() {
        #expect(ModelBundle.archiveURL(besides: URL(fileURLWithPath: "/m/role-model.json")).path == "/m/role-model.bin")
        #expect(ModelBundle.archiveURL(besides: URL(fileURLWithPath: "/m/try.json")).path == "/m/try.bin")
    }
}
