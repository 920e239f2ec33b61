import Testing
@testable import JobScope

@Suite("CSV cells")
struct CSVCellTests {
    @Test("cells a spreadsheet would run get a leading quote (OWASP)", arguments: [
        ("=HYPERLINK(\"http://x\",\"Apply\")", "'=HYPERLINK(\"http://x\",\"Apply\")"),
        ("+1+cmd|' /C calc'!A0", "'+1+cmd|' /C calc'!A0"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1:A2)", "'@SUM(A1:A2)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("- Python", "'- Python"),
    ])
    func defused(_ input: String, _ expected: String) {
        #expect(CSVCell.defused(input) == expected)
    }

    @Test("plain numbers and ordinary text are left alone", arguments: [
        "-0.25", "+3", "-1e-5", "12", "3.5E+2", "Data Scientist", "", "a=b", "'quoted",
    ])
    func untouched(_ input: String) {
        #expect(CSVCell.defused(input) == input)
    }

    @Test("defused, then quoted; raw leaves the formula as it is")
    func field() {
        #expect(CSVCell.field("=1,2") == "\"'=1,2\"")
        #expect(CSVCell.field("=1,2", raw: true) == "\"=1,2\"")
        #expect(CSVCell.field("say \"hi\"") == "\"say \"\"hi\"\"\"")
    }
}
