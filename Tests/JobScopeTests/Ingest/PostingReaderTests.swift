import Foundation
import Testing
@testable import JobScope

@Suite("Reading files: sniffing and bad input")
struct PostingReaderTests {
    @Test("an HTML page saved as .txt is read as HTML")
    func htmlSavedAsText() throws {
        let result = try PostingReader().read(path: IngestFixture.path("page-saved-as.txt"))
        #expect(result.format == .html)
        #expect(result.postings.first?.title == "Data Scientist")
        #expect(result.postings.first?.body == "Data Scientist\n\nHidden page.")
    }

    @Test("JSON lines saved as .json are read as JSON lines")
    func jsonlSavedAsJSON() throws {
        let result = try PostingReader().read(path: IngestFixture.path("lines-saved-as.json"))
        #expect(result.format == .jsonl)
        #expect(result.postings.map(\.title) == ["A", "B"])
    }

    @Test("a CSV export without an extension is recognised by its header")
    func csvWithoutExtension() throws {
        let result = try PostingReader().read(path: IngestFixture.path("export-no-extension"))
        #expect(result.format == .csv)
        #expect(result.postings.first?.company == "Fjord Capital")
    }

    @Test("a tab-separated table saved as .txt is read as TSV, one posting a row")
    func tableSavedAsText() throws {
        let result = try PostingReader().read(path: IngestFixture.path("postings-table.txt"))
        #expect(result.format == .tsv)
        #expect(result.postings.map(\.title) == ["Data Analyst", "Machine Learning Engineer"])
        #expect(result.postings.map(\.company) == ["Blue Harbor Foods", "Ridgeway Labs"])
    }

    @Test("a .txt table without title or description columns is one clear error saying what to do")
    func referenceListSavedAsText() throws {
        let path = IngestFixture.path("tool-list.txt")
        let error = IngestError.noUsableColumns(path: path, columns: ["Code", "Tool", "Category"])
        #expect(throws: error) { try PostingReader().read(path: path) }
        let message = try #require(error.errorDescription)
        #expect(message.hasPrefix(path + ": "))
        #expect(message.contains("not a posting export"))
        #expect(message.contains("--column description=NAME"))
        #expect(!message.contains("\n"))
    }

    @Test("an O*NET table is refused as reference data, unless a column is mapped")
    func onetTable() throws {
        let path = IngestFixture.path("onet-style.txt")
        let columns = ["O*NET-SOC Code", "Title", "Description"]
        #expect(throws: IngestError.referenceTable(path: path, columns: columns)) { try PostingReader().read(path: path) }
        #expect(IngestError.referenceTable(path: path, columns: columns).errorDescription?.contains("O*NET") == true)
        var options = ReaderOptions()
        options.columns["description"] = "Description"
        #expect(try PostingReader(options: options).read(path: path).postings.count == 2)
    }

    @Test("prose with tabs on its first line stays text")
    func proseWithTabs() throws {
        let path = try IngestFixture.write(Array("Data Analyst\tRemote\tFull time\nWe want an analyst to build our reports.\n".utf8),
                                           named: "tabs.txt")
        let result = try PostingReader().read(path: path)
        #expect(result.format == .text)
        #expect(result.postings.count == 1)
    }

    @Test("CDATA leftovers are removed")
    func cdata() throws {
        let posting = try #require(try PostingReader().read(path: IngestFixture.path("cdata.csv")).postings.first)
        #expect(posting.body == "Analyse trials.\nReport results")
    }

    @Test("a binary file (NUL bytes) is refused with a one-line message")
    func binary() throws {
        let path = try IngestFixture.write([0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0x41, 0x42], named: "archive.csv")
        #expect(throws: IngestError.binary(path: path)) { try PostingReader().read(path: path) }
        #expect(IngestError.binary(path: path).errorDescription?.hasPrefix(path) == true)
    }

    @Test("empty and white-space-only files are refused", arguments: ["", "  \n\t\n"])
    func empty(_ content: String) throws {
        let path = try IngestFixture.write(content, named: "empty.txt")
        #expect(throws: IngestError.empty(path: path)) { try PostingReader().read(path: path) }
    }

    @Test("a file over the size limit is refused before it is read")
    func tooLarge() throws {
        let path = try IngestFixture.write(String(repeating: "data science ", count: 100), named: "big.txt")
        let options = ReaderOptions(maxFileSize: 512)
        #expect(throws: IngestError.tooLarge(path: path, size: 1300, limit: 512)) {
            try PostingReader(options: options).read(path: path)
        }
    }

    @Test("a missing (vanished) file and a folder give their own errors")
    func missingAndFolder() throws {
        let folder = try IngestFixture.scratch()
        let gone = folder + "/gone.html"
        #expect(throws: IngestError.notFound(path: gone)) { try PostingReader().read(path: gone) }
        #expect(throws: IngestError.isDirectory(path: folder)) { try PostingReader().read(path: folder) }
    }

    @Test("an unreadable file names the reason", .enabled(if: getuid() != 0, "root can read any file"))
    func unreadable() throws {
        let path = try IngestFixture.write("title\nx\n", named: "locked.csv")
        chmod(path, 0)
        defer { chmod(path, 0o644) }
        #expect(throws: IngestError.unreadable(path: path, reason: "Permission denied")) { try PostingReader().read(path: path) }
    }

    @Test("a CSV with no usable column says how to name one")
    func noUsableColumns() throws {
        let path = try IngestFixture.write("alpha,beta\n1,2\n", named: "odd.csv")
        #expect(throws: IngestError.noUsableColumns(path: path, columns: ["alpha", "beta"])) { try PostingReader().read(path: path) }
    }

    @Test("UTF-16 text with a byte-order mark is not mistaken for binary")
    func utf16() throws {
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in "title,description\nData Scientist,Fit models.\n".utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let path = try IngestFixture.write(bytes, named: "utf16.csv")
        #expect(try PostingReader().read(path: path).postings.first?.title == "Data Scientist")
    }

    @Test("the batch reader keeps order and goes on after a failure")
    func batch() throws {
        let missing = IngestFixture.path("does-not-exist.csv")
        let files = [IngestFixture.path("simple.tsv"), missing, IngestFixture.path("posting.txt")]
        let outcomes = PostingBatchReader(concurrency: 2).read(files: files)
        #expect(outcomes.map(\.path) == files)
        #expect((try? outcomes[0].result.get())?.postings.count == 1)
        #expect(throws: IngestError.notFound(path: missing)) { try outcomes[1].result.get() }
        #expect((try? outcomes[2].result.get())?.postings.first?.title == "Data Analyst")
    }
}
