import Foundation

/// The taxonomy and the trained role model, loaded together: from `role-model.bin` when it was built from exactly
/// the `role-model.json` and `taxonomy.yaml` in use (a few milliseconds), otherwise from those files themselves.
public struct ModelBundle: Sendable {
    /// Where each part came from.
    public enum Origin: String, Sendable, Codable {
        /// Decoded from the binary archive (its recorded source hash matched).
        case archive
        /// Decoded from the readable source (JSON or YAML).
        case source
    }

    public var taxonomy: Taxonomy
    public var model: RoleModel
    public var taxonomyOrigin: Origin
    public var modelOrigin: Origin

    /// Loads from the models folder `models` (`taxonomyURL` overrides its taxonomy). A missing, stale or damaged
    /// archive is not an error: the sources are read instead, with their own validation and error messages.
    public static func load(models: URL, taxonomyURL: URL? = nil) throws -> ModelBundle {
        let (taxonomyFile, taxonomyData, modelFile, modelData) = try sources(models: models, taxonomyURL: taxonomyURL)
        let archiveFile = models.appendingPathComponent(ModelArchive.fileName)
        let archive = try? Data(contentsOf: archiveFile)
        let header = archive.flatMap(ModelArchive.header(of:))
        let usable = header?.format == ModelArchive.currentFormat
        // The two parts are independent: each is hashed and decoded on its own core.
        let (taxonomyPart, modelPart) = Concurrently.run(
            { Result { () throws -> (Taxonomy, Origin) in
                if usable, let archive, header?.taxonomySourceHash == ModelArchive.hash(taxonomyData),
                    let taxonomy = try? ModelArchive.decodeTaxonomy(archive, path: archiveFile.path)
                {
                    return (taxonomy, .archive)
                }
                return (try TaxonomyLoader.load(data: taxonomyData, file: taxonomyFile.path), .source)
            } },
            { Result { () throws -> (RoleModel, Origin) in
                if usable, let archive, header?.modelSourceHash == ModelArchive.hash(modelData),
                    let model = try? ModelArchive.decodeModel(archive, path: archiveFile.path)
                {
                    return (model, .archive)
                }
                return (try RoleModel.load(data: modelData, path: modelFile.path), .source)
            } })
        // A taxonomy error first, as when the two were loaded one after the other.
        let (taxonomy, taxonomyOrigin) = try taxonomyPart.get()
        let (model, modelOrigin) = try modelPart.get()
        return ModelBundle(
            taxonomy: taxonomy, model: model, taxonomyOrigin: taxonomyOrigin, modelOrigin: modelOrigin)
    }

    /// Writes `model` as JSON to `modelURL` and its archive (built with the taxonomy read from `taxonomyURL`)
    /// beside it, named `role-model.bin` when the model is `role-model.json`, else the model's name with `.bin`.
    public static func write(model: RoleModel, to modelURL: URL, taxonomy: Taxonomy, taxonomyURL: URL) throws -> URL {
        let json = try model.encoded()
        try json.write(to: modelURL, options: .atomic)
        let archiveURL = archiveURL(besides: modelURL)
        let archive = ModelArchive(model: model, modelSource: json, taxonomy: taxonomy,
                                   taxonomySource: try Data(contentsOf: taxonomyURL))
        try archive.encoded().write(to: archiveURL, options: .atomic)
        return archiveURL
    }

    /// Rebuilds the archive of the models folder `models` from the model and taxonomy files already there.
    public static func writeArchive(models: URL, taxonomyURL: URL? = nil) throws -> URL {
        let (taxonomyFile, taxonomyData, modelFile, modelData) = try sources(models: models, taxonomyURL: taxonomyURL)
        let url = models.appendingPathComponent(ModelArchive.fileName)
        let archive = ModelArchive(model: try RoleModel.load(data: modelData, path: modelFile.path),
                                   modelSource: modelData,
                                   taxonomy: try TaxonomyLoader.load(data: taxonomyData, file: taxonomyFile.path),
                                   taxonomySource: taxonomyData)
        try archive.encoded().write(to: url, options: .atomic)
        return url
    }

    /// The taxonomy and model files of `models` and their bytes, each unreadable one named in its own error.
    private static func sources(models: URL, taxonomyURL: URL?) throws
        -> (taxonomyFile: URL, taxonomyData: Data, modelFile: URL, modelData: Data)
    {
        let taxonomyFile = taxonomyURL ?? models.appendingPathComponent(ModelDirectory.taxonomyFile)
        let modelFile = models.appendingPathComponent(ModelDirectory.roleModelFile)
        let taxonomyData: Data
        do {
            taxonomyData = try Data(contentsOf: taxonomyFile)
        } catch {
            throw TaxonomyError.unreadable(file: taxonomyFile.path, reason: (error as NSError).localizedDescription)
        }
        let modelData: Data
        do {
            modelData = try Data(contentsOf: modelFile)
        } catch {
            throw RoleModelError.unreadable(path: modelFile.path, reason: error.localizedDescription)
        }
        return (taxonomyFile, taxonomyData, modelFile, modelData)
    }

    /// The archive file that goes with the model file `modelURL`.
    public static func archiveURL(besides modelURL: URL) -> URL {
        modelURL.lastPathComponent == ModelDirectory.roleModelFile
            ? modelURL.deletingLastPathComponent().appendingPathComponent(ModelArchive.fileName)
            : modelURL.deletingPathExtension().appendingPathExtension("bin")
    }
}
