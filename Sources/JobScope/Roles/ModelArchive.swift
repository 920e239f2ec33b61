import Foundation

/// The compact binary form of the role model and its taxonomy (`Models/role-model.bin`), written by `train` beside
/// `role-model.json` so that a command starts in milliseconds instead of decoding megabytes of JSON and YAML.
///
/// The JSON and YAML stay the readable sources: the archive records an FNV-1a hash of the exact bytes of each, and
/// a part whose source no longer has that hash is not used (the loader falls back to the source file). Layout,
/// little-endian: magic `JSMA`, format (UInt32), the two source hashes (UInt64), then five length-prefixed
/// (UInt64) sections: the model's small fields as JSON, the vocabulary (terms joined by newlines), the IDF
/// (Float64 each), the class weights (per class: bias Float64, count UInt32, feature indices UInt32, values
/// Float64), and the taxonomy as JSON. Numbers are stored bit for bit, so a model read back scores exactly as
/// the JSON one does.
public struct ModelArchive: Sendable {
    /// The archive's file name inside the models folder.
    public static let fileName = "role-model.bin"
    /// The version of the layout; a reader ignores an archive of another format (and reads the sources).
    public static let currentFormat: UInt32 = 1
    static let magic: [UInt8] = Array("JSMA".utf8)

    /// FNV-1a hash of the `role-model.json` bytes the model came from.
    public var modelSourceHash: UInt64
    /// FNV-1a hash of the `taxonomy.yaml` bytes the taxonomy came from.
    public var taxonomySourceHash: UInt64
    public var model: RoleModel
    public var taxonomy: Taxonomy

    public init(model: RoleModel, modelSource: Data, taxonomy: Taxonomy, taxonomySource: Data) {
        self.model = model
        self.taxonomy = taxonomy
        self.modelSourceHash = Self.hash(modelSource)
        self.taxonomySourceHash = Self.hash(taxonomySource)
    }

    /// FNV-1a (64-bit) of `data`: cheap enough to check a 1 MB source on every start.
    public static func hash(_ data: Data) -> UInt64 {
        data.withUnsafeBytes { raw in
            var h: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in raw.bindMemory(to: UInt8.self) {
                h = (h ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
            }
            return h
        }
    }

    /// The archive as bytes (deterministic: the same model and taxonomy give the same bytes).
    public func encoded() throws -> Data {
        var out = ArchiveWriter()
        out.bytes(Self.magic)
        out.uint32(Self.currentFormat)
        out.uint64(modelSourceHash)
        out.uint64(taxonomySourceHash)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        out.section(try encoder.encode(ModelHead(model)))
        out.section(Data(model.vectorizer.vocabulary.joined(separator: "\n").utf8))
        var idf = ArchiveWriter()
        for value in model.vectorizer.idf { idf.uint64(value.bitPattern) }
        out.section(idf.data)
        var weights = ArchiveWriter()
        weights.uint32(UInt32(model.weights.count))
        for row in model.weights {
            weights.uint64(row.bias.bitPattern)
            weights.uint32(UInt32(row.features.count))
            for feature in row.features { weights.uint32(UInt32(feature)) }
            for value in row.values { weights.uint64(value.bitPattern) }
        }
        out.section(weights.data)
        out.section(try encoder.encode(taxonomy))
        return out.data
    }

    /// The header of an archive: its format and source hashes, without decoding the rest (nil: not an archive).
    public static func header(of data: Data) -> (format: UInt32, modelSourceHash: UInt64, taxonomySourceHash: UInt64)? {
        var reader = ArchiveReader(data)
        guard let magic = reader.bytes(4), magic == Self.magic, let format = reader.uint32(),
              let modelHash = reader.uint64(), let taxonomyHash = reader.uint64() else { return nil }
        return (format, modelHash, taxonomyHash)
    }

    /// The model part of an archive (`path` names it in errors).
    public static func decodeModel(_ data: Data, path: String) throws -> RoleModel {
        var reader = try sections(of: data, path: path)
        let head = try JSONDecoder().decode(ModelHead.self, from: try reader.section(path: path))
        let vocabularyBytes = try reader.section(path: path)
        let vocabulary = vocabularyBytes.isEmpty
            ? [] : vocabularyBytes.split(separator: 0x0A, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
        var idfReader = ArchiveReader(try reader.section(path: path))
        var idf: [Double] = []
        idf.reserveCapacity(vocabulary.count)
        while let bits = idfReader.uint64() { idf.append(Double(bitPattern: bits)) }
        var weightReader = ArchiveReader(try reader.section(path: path))
        guard idf.count == vocabulary.count, let classCount = weightReader.uint32(),
              Int(classCount) == head.classes.count else { throw ModelArchiveError.corrupt(path: path) }
        var weights: [ClassWeights] = []
        for _ in 0..<classCount {
            guard let bias = weightReader.uint64(), let count = weightReader.uint32(),
                  let features = weightReader.uint32s(Int(count)), let values = weightReader.uint64s(Int(count)) else {
                throw ModelArchiveError.corrupt(path: path)
            }
            weights.append(ClassWeights(bias: Double(bitPattern: bias), features: features.map(Int.init),
                                        values: values.map(Double.init(bitPattern:))))
        }
        return head.model(vectorizer: TfidfVectorizer(options: head.vectorizerOptions, vocabulary: vocabulary, idf: idf),
                          weights: weights)
    }

    /// The taxonomy part of an archive.
    public static func decodeTaxonomy(_ data: Data, path: String) throws -> Taxonomy {
        var reader = try sections(of: data, path: path)
        for _ in 0..<4 { _ = try reader.section(path: path) }
        return try JSONDecoder().decode(Taxonomy.self, from: try reader.section(path: path))
    }

    /// The whole archive.
    public static func decode(_ data: Data, path: String) throws -> ModelArchive {
        guard let header = header(of: data) else { throw ModelArchiveError.corrupt(path: path) }
        var archive = ModelArchive(model: try decodeModel(data, path: path), modelSource: Data(),
                                   taxonomy: try decodeTaxonomy(data, path: path), taxonomySource: Data())
        archive.modelSourceHash = header.modelSourceHash
        archive.taxonomySourceHash = header.taxonomySourceHash
        return archive
    }

    private static func sections(of data: Data, path: String) throws -> ArchiveReader {
        guard let header = header(of: data), header.format == currentFormat else {
            throw ModelArchiveError.corrupt(path: path)
        }
        var reader = ArchiveReader(data)
        _ = reader.bytes(4 + 4 + 8 + 8)
        return reader
    }
}

/// Why an archive could not be read.
public enum ModelArchiveError: LocalizedError, Equatable {
    case corrupt(path: String)

    public var errorDescription: String? {
        switch self {
        case .corrupt(let path):
            return "\(path): not a JobScope model archive of format \(ModelArchive.currentFormat) (truncated or damaged); delete it or run 'jobscope train' to rebuild it"
        }
    }
}

/// The role model's fields other than the vocabulary, IDF and weights (the archive stores those as numbers).
private struct ModelHead: Codable {
    var version: String
    var taxonomyVersion: String
    var titleRulesVersion: String
    var method: ClassifierMethod
    var classes: [String]
    var vectorizerOptions: TfidfVectorizer.Options
    var evidence: EvidenceWeights
    var decision: DecisionRule
    var manifest: TrainingManifest
    var evaluation: [EvaluationSummary]
    var titleParseRules: TitleParseRules?
    var aiEvidenceRules: AIEvidenceRules?

    init(_ m: RoleModel) {
        version = m.version
        taxonomyVersion = m.taxonomyVersion
        titleRulesVersion = m.titleRulesVersion
        method = m.method
        classes = m.classes
        vectorizerOptions = m.vectorizer.options
        evidence = m.evidence
        decision = m.decision
        manifest = m.manifest
        evaluation = m.evaluation
        titleParseRules = m.titleParseRules
        aiEvidenceRules = m.aiEvidenceRules
    }

    func model(vectorizer: TfidfVectorizer, weights: [ClassWeights]) -> RoleModel {
        RoleModel(version: version, taxonomyVersion: taxonomyVersion, titleRulesVersion: titleRulesVersion,
                  method: method, classes: classes, vectorizer: vectorizer, weights: weights, evidence: evidence,
                  decision: decision, manifest: manifest, evaluation: evaluation, titleParseRules: titleParseRules,
                  aiEvidenceRules: aiEvidenceRules)
    }
}

/// Appends little-endian numbers and length-prefixed sections.
private struct ArchiveWriter {
    var data = Data()

    mutating func bytes(_ b: [UInt8]) { data.append(contentsOf: b) }
    mutating func uint32(_ v: UInt32) { withUnsafeBytes(of: v.littleEndian) { data.append(contentsOf: $0) } }
    mutating func uint64(_ v: UInt64) { withUnsafeBytes(of: v.littleEndian) { data.append(contentsOf: $0) } }
    mutating func section(_ d: Data) {
        uint64(UInt64(d.count))
        data.append(d)
    }
}

/// Reads what `ArchiveWriter` wrote; every read checks the bounds (nil past the end).
private struct ArchiveReader {
    let data: Data
    var offset: Int

    init(_ data: Data) {
        self.data = data
        self.offset = data.startIndex
    }

    mutating func bytes(_ n: Int) -> [UInt8]? {
        guard n >= 0, data.endIndex - offset >= n else { return nil }
        defer { offset += n }
        return Array(data[offset..<(offset + n)])
    }

    mutating func uint32() -> UInt32? {
        guard data.endIndex - offset >= 4 else { return nil }
        defer { offset += 4 }
        return data.withUnsafeBytes { UInt32(littleEndian: $0.loadUnaligned(fromByteOffset: offset - data.startIndex, as: UInt32.self)) }
    }

    mutating func uint64() -> UInt64? {
        guard data.endIndex - offset >= 8 else { return nil }
        defer { offset += 8 }
        return data.withUnsafeBytes { UInt64(littleEndian: $0.loadUnaligned(fromByteOffset: offset - data.startIndex, as: UInt64.self)) }
    }

    mutating func uint32s(_ n: Int) -> [UInt32]? { array(n, of: UInt32.self)?.map { UInt32(littleEndian: $0) } }

    mutating func uint64s(_ n: Int) -> [UInt64]? { array(n, of: UInt64.self)?.map { UInt64(littleEndian: $0) } }

    /// `n` values copied in one pass (a per-value read costs more than the rest of loading the model).
    private mutating func array<T: FixedWidthInteger>(_ n: Int, of: T.Type) -> [T]? {
        let size = MemoryLayout<T>.size
        guard n >= 0, (data.endIndex - offset) / size >= n else { return nil }
        let start = offset - data.startIndex
        defer { offset += n * size }
        return data.withUnsafeBytes { raw in
            [T](unsafeUninitializedCapacity: n) { buffer, count in
                UnsafeMutableRawBufferPointer(buffer).copyMemory(
                    from: UnsafeRawBufferPointer(rebasing: raw[start..<(start + n * size)]))
                count = n
            }
        }
    }

    mutating func section(path: String) throws -> Data {
        guard let length = uint64(), length <= UInt64(data.endIndex - offset) else {
            throw ModelArchiveError.corrupt(path: path)
        }
        defer { offset += Int(length) }
        return data.subdata(in: offset..<(offset + Int(length)))
    }
}
