import Foundation
import Testing
import ZIPFoundation
@testable import JobScope

/// Excel workbooks, made by the tests with ZIPFoundation (the minimal parts a reader needs).
@Suite("Excel workbooks")
struct WorkbookPostingReaderTests {
    /// A workbook of the given parts (path → XML), deflated as Excel writes them.
    static func workbook(_ parts: [String: String]) throws -> [UInt8] {
        let archive = try Archive(data: Data(), accessMode: .create)
        for (path, xml) in parts.sorted(by: { $0.key < $1.key }) {
            let data = Data(xml.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) {
                position, size in data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return Array(try #require(archive.data))
    }

    static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"

    static func sheet(_ rows: String) -> String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"\(main)\"><sheetData>\(rows)</sheetData></worksheet>"
    }

    static let sharedStrings = """
        <?xml version="1.0" encoding="UTF-8"?><sst xmlns="\(main)" count="7" uniqueCount="7">\
        <si><t>Job_Title</t></si><si><t>Company</t></si><si><t>Responsibilities</t></si>\
        <si><t>Description</t></si><si><t>Data Scraping Date</t></si>\
        <si><r><t>Prompt </t></r><r><rPr><b/></rPr><t xml:space="preserve">Engineer</t></r><rPh><t>PHONETIC</t></rPh></si>\
        <si><t>Write &amp; test prompts</t></si></sst>
        """

    static let firstSheet = sheet("""
        <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c>\
        <c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>4</v></c></row>\
        <row r="2"><c r="A2" t="s"><v>5</v></c><c r="B2" t="inlineStr"><is><t>Acme Labs</t></is></c>\
        <c r="C2" t="s"><v>6</v></c><c r="D2" t="inlineStr"><is><t>We ship LLM features.</t></is></c><c r="E2"><v>45315</v></c></row>\
        <row r="3"><c r="A3" t="inlineStr"><is><t>Data Scientist</t></is></c>\
        <c r="D3" t="str"><f>CONCAT("Model ","churn")</f><v>Model churn</v></c><c r="E3" t="inlineStr"><is><t>2024-02-01</t></is></c></row>\
        <row r="5"><c r="A5" t="inlineStr"><is><t>ML Engineer</t></is></c><c r="D5" t="inlineStr"><is><t>Train models.</t></is></c></row>
        """)

    static let notesSheet = sheet("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Notes</t></is></c></row>"
                                  + "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>scraped by hand</t></is></c></row>")

    static let thirdSheet = sheet("""
        <row r="3"><c r="B3" t="inlineStr"><is><t>Title</t></is></c><c r="C3" t="inlineStr"><is><t>Summary</t></is></c>\
        <c r="D3" t="inlineStr"><is><t>Job Description</t></is></c></row>\
        <row r="4"><c r="B4" t="inlineStr"><is><t>AI Ethicist</t></is></c><c r="D4" t="inlineStr"><is><t>Review models.</t></is></c></row>
        """)

    @Test("shared, rich-text and inline strings, formula text, serial dates, sections joined into the body, rows numbered under the header")
    func firstSheetRows() throws {
        let bytes = try Self.workbook(["xl/worksheets/sheet1.xml": Self.firstSheet, "xl/sharedStrings.xml": Self.sharedStrings])
        let result = try PostingReader(options: ReaderOptions(dateFromPath: .off)).read(bytes: bytes, path: "ads.xlsx")
        #expect(result.format == .xlsx)
        #expect(result.postings.map(\.source.row) == [1, 2, 4])
        let first = try #require(result.postings.first)
        #expect(first.title == "Prompt Engineer")
        #expect(first.company == "Acme Labs")
        #expect(first.datePosted == PostingDate(year: 2024, month: 1, day: 24))
        #expect(first.body.hasPrefix("We ship LLM features."))
        #expect(first.body.contains("Responsibilities"))
        #expect(first.body.contains("Write & test prompts"))
        #expect(!first.body.contains("PHONETIC"))
        #expect(first.extra["sheet"] == nil)
        #expect(result.postings[1].body == "Model churn")
        #expect(result.postings[1].datePosted?.description == "2024-02-01")
        #expect(result.postings[2].datePosted == nil)
    }

    @Test("every sheet with a usable header is read, each numbered from its own header; other sheets are passed over")
    func severalSheets() throws {
        let bytes = try Self.workbook([
            "xl/worksheets/sheet1.xml": Self.firstSheet, "xl/worksheets/sheet2.xml": Self.notesSheet,
            "xl/worksheets/sheet10.xml": Self.thirdSheet, "xl/sharedStrings.xml": Self.sharedStrings,
        ])
        let result = try PostingReader().read(bytes: bytes, path: "ads.xlsx")
        #expect(result.postings.count == 4)
        let last = try #require(result.postings.last)
        #expect(last.title == "AI Ethicist")
        #expect(last.source.row == 1)
        #expect(last.extra["sheet"] == "sheet10")
        #expect(result.postings.first?.extra["sheet"] == "sheet1")
    }

    @Test("a workbook whose sheets have no posting columns is refused naming the columns; a zip that is no workbook is an error")
    func refused() throws {
        let notes = try Self.workbook(["xl/worksheets/sheet1.xml": Self.notesSheet])
        #expect(throws: IngestError.noUsableColumns(path: "notes.xlsx", columns: ["Notes"])) {
            try PostingReader().read(bytes: notes, path: "notes.xlsx")
        }
        let other = try Self.workbook(["word/document.xml": "<w/>"])
        #expect(throws: IngestError.self) { try PostingReader().read(bytes: other, path: "doc.xlsx") }
    }

    @Test("Excel serial dates: the 1900 system from 1990 on", arguments: [
        (45315.0, "2024-01-24"), (45315.75, "2024-01-24"), (32874.0, "1990-01-01"), (61.0, nil), (80000.0, nil),
        (36526.0, "2000-01-01"), (45351.0, "2024-02-29"), (73050.0, "2099-12-31"), (73051.0, nil),
    ] as [(Double, String?)])
    func serials(_ serial: Double, _ expected: String?) {
        #expect(WorkbookPostingReader.excelDate(serial)?.description == expected)
    }

    @Test("every serial from 1990 to 2099 names the day a UTC Gregorian calendar gives")
    func serialsAgreeWithCalendar() {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        var differing: [Int] = []
        for serial in 32_874..<73_051 {
            let c = calendar.dateComponents([.year, .month, .day], from: Date(timeIntervalSince1970: Double(serial - 25_569) * 86_400))
            if WorkbookPostingReader.excelDate(Double(serial)) != PostingDate(year: c.year!, month: c.month!, day: c.day!) { differing.append(serial) }
        }
        #expect(differing.isEmpty, "serials read otherwise: \(differing.prefix(5))")
    }

    @Test("the workbook fixture reads row by row; a copy whose zip directory points past the end is an error, not a crash")
    func fixtureAndDamagedCopy() throws {
        let result = try PostingReader(options: ReaderOptions(dateFromPath: .off)).read(path: IngestFixture.path("job-ads.xlsx"))
        #expect(result.postings.map(\.title) == ["Prompt Engineer", "ML Engineer", "Data Annotator"])
        #expect(result.postings.map(\.source.row) == [1, 2, 4])
        #expect(result.postings.first?.datePosted == PostingDate(year: 2024, month: 5, day: 1))
        #expect(result.postings.first?.body == "Write and test prompts for our assistant & measure them.\n\nResponsibilities\n\nDesign evaluations\nReview outputs")
        #expect(result.rowErrors.count == 1)
        let damaged = IngestFixture.path("job-ads-damaged.xlsx")
        #expect(throws: IngestError.unreadable(path: damaged, reason: "not a readable Excel workbook (its zip directory points past the end of the file); re-save it as .xlsx")) {
            try PostingReader().read(path: damaged)
        }
    }

    /// The values of each row `table` reads from a sheet part.
    static func rows(_ xml: String) throws -> [[String]] {
        try WorkbookPostingReader.table(Array(xml.utf8), shared: ["zero", "one"], path: "t.xlsx").map(\.values)
    }

    @Test("a sheet reads the same with a namespace prefix, CDATA, entities, empty elements and cells without references")
    func sheetSyntax() throws {
        let prefixed = """
            <?xml version="1.0"?><x:worksheet xmlns:x="\(Self.main)"><x:sheetData><x:row r="2">\
            <x:c r="B2" t="s"><x:v>1</x:v></x:c><x:c t="inlineStr"><x:is><x:t><![CDATA[a<b]]></x:t></x:is></x:c>\
            <x:c r="E2"/><x:c r="F2" t="b"><x:v/></x:c></x:row><x:row><x:c><x:v>7 &amp; 8</x:v></x:c></x:row>\
            </x:sheetData></x:worksheet>
            """
        #expect(try Self.rows(prefixed) == [["", "one", "a<b", "", "", "FALSE"], ["7 & 8"]])
    }

    @Test("a sheet that breaks partway gives the rows before the break; one with a DOCTYPE or an undeclared prefix reads as before")
    func sheetOddities() throws {
        let broken = Self.sheet("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>kept</t></is></c></row><row r=\"2\"><c r=\"A2\"><v>1</v></c></row>")
            .replacingOccurrences(of: "</sheetData></worksheet>", with: "<row r=\"3\"><c r=\"A3\"><v>2</")
        #expect(try Self.rows(broken).first == ["kept"])
        let doctype = "<?xml version=\"1.0\"?><!DOCTYPE worksheet [<!ENTITY co \"Acme\">]>"
            + Self.sheet("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>by &co;</t></is></c><c r=\"B1\"><v>3</v></c></row>")
            .replacingOccurrences(of: "<?xml version=\"1.0\" encoding=\"UTF-8\"?>", with: "")
        #expect(try Self.rows(doctype) == [["by ", "3"]])
        // libxml2 names an element of an undeclared prefix "y:c", which is no cell.
        let undeclared = "<worksheet><sheetData><row r=\"1\"><y:c r=\"A1\"><y:v>5</y:v></y:c><c r=\"B1\"><v>6</v></c></row></sheetData></worksheet>"
        #expect(try Self.rows(undeclared) == [["", "6"]])
        #expect(throws: IngestError.self) { try Self.rows("not xml at all") }
    }
}
