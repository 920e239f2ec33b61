import Foundation
import Testing
@testable import JobScope

/// Encodings: UTF-16 with and without a byte-order mark, and meta tags that lie.
@Suite("Encodings")
struct CharsetDetectorTests {
    static func page(meta: String) -> String {
        "<html><head><meta charset=\"\(meta)\"><title>Jobs</title></head><body><h1>Data Engineer in Zürich</h1>"
            + "<p>Build pipelines for the Zürich office — Spark, Kafka.</p></body></html>"
    }

    static func utf16(_ text: String, littleEndian: Bool, bom: Bool) -> [UInt8] {
        var bytes: [UInt8] = bom ? (littleEndian ? [0xFF, 0xFE] : [0xFE, 0xFF]) : []
        for unit in text.utf16 {
            bytes += littleEndian ? [UInt8(unit & 0xFF), UInt8(unit >> 8)] : [UInt8(unit >> 8), UInt8(unit & 0xFF)]
        }
        return bytes
    }

    @Test("UTF-16 pages read right, LE or BE, with or without BOM, whatever the meta says", arguments: [
        (true, true, "utf-16"), (true, false, "utf-16"), (false, true, "utf-8"), (false, false, "iso-8859-1"), (true, false, "utf-8"),
    ])
    func utf16Pages(_ littleEndian: Bool, _ bom: Bool, _ meta: String) throws {
        let bytes = Self.utf16(Self.page(meta: meta), littleEndian: littleEndian, bom: bom)
        let posting = try #require(try PostingReader().read(bytes: bytes, path: "page.html").postings.first)
        #expect(posting.title == "Data Engineer in Zürich")
        #expect(posting.body.contains("Build pipelines for the Zürich office — Spark, Kafka."))
    }

    @Test("a meta that lies is overruled by the bytes", arguments: ["utf-16", "utf-16le", "iso-8859-1", "windows-1252"])
    func lyingMeta(_ meta: String) throws {
        let posting = try #require(try PostingReader().read(bytes: Array(Self.page(meta: meta).utf8), path: "page.html").postings.first)
        #expect(posting.title == "Data Engineer in Zürich")
        #expect(posting.body.contains("Zürich office — Spark"))
    }

    @Test("a true Latin-1 meta over Latin-1 bytes still reads as Windows-1252")
    func trueLatin1() throws {
        let bytes = Array(Self.page(meta: "iso-8859-1").unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value == 0x2014 ? 0x97 : $0.value) })
        let posting = try #require(try PostingReader().read(bytes: bytes, path: "page.html").postings.first)
        #expect(posting.title == "Data Engineer in Zürich")
        #expect(posting.body.contains("office — Spark"))
    }

    @Test("UTF-16 text and CSV without a BOM are not binary")
    func utf16WithoutBOM() throws {
        let csv = Self.utf16("title,description\nData Scientist,Fit models in Zürich.\n", littleEndian: true, bom: false)
        #expect(try PostingReader().read(bytes: csv, path: "export.csv").postings.first?.body == "Fit models in Zürich.")
        let text = Self.utf16("Title: ML Engineer\n\nTrain models.\n", littleEndian: false, bom: false)
        #expect(try PostingReader().read(bytes: text, path: "posting.txt").postings.first?.title == "ML Engineer")
    }

    @Test("real binary still is binary")
    func binary() throws {
        let bytes: [UInt8] = (0..<64).map { UInt8(($0 * 37) % 256) }
        #expect(throws: IngestError.binary(path: "blob.txt")) { try PostingReader().read(bytes: bytes, path: "blob.txt") }
    }
}
