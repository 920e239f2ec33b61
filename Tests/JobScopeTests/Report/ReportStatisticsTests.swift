import Testing
@testable import JobScope

@Suite struct ReportStatisticsTests {
    @Test func twoProportionZTestMatchesHandComputation() {
        // p1 = .05, p2 = .40, pooled .225: se = sqrt(.225 · .775 · (1/200 + 1/200)) = .041758
        let test = ProportionTest(x1: 10, n1: 200, x2: 80, n2: 200)
        #expect(abs(test.z - 8.3816) < 0.001)
        #expect(test.pValue < 1e-15)
        let flat = ProportionTest(x1: 60, n1: 200, x2: 60, n2: 200)
        #expect(flat.z == 0 && flat.pValue == 1)
        // No postings with the skill on either side: no difference, p = 1.
        let empty = ProportionTest(x1: 0, n1: 1, x2: 0, n2: 1)
        #expect(empty.z == 0 && empty.pValue == 1)
    }

    @Test func pValueNearTheTextbookLine() {
        // 40/100 vs 54/100: pooled .47, se = sqrt(.47 · .53 · .02) = .070583, z = .14 / .070583 = 1.98347,
        // two-sided p = erfc(1.98347 / sqrt 2) = .04731: just under the 5% line (z = 1.96).
        let test = ProportionTest(x1: 40, n1: 100, x2: 54, n2: 100)
        #expect(abs(test.z - 1.98347) < 0.0001)
        #expect(abs(test.pValue - 0.04731) < 0.0001)
        // The same difference the other way round: same p, opposite z.
        let reversed = ProportionTest(x1: 54, n1: 100, x2: 40, n2: 100)
        #expect(abs(reversed.z + test.z) < 1e-12 && abs(reversed.pValue - test.pValue) < 1e-12)
    }

    @Test func pValueOfAModerateDifference() {
        // 30/100 vs 45/100: pooled .375, se = .068465, z = 2.1909, two-sided p = .02846
        let test = ProportionTest(x1: 30, n1: 100, x2: 45, n2: 100)
        #expect(abs(test.z - 2.1909) < 0.0005)
        #expect(abs(test.pValue - 0.02846) < 0.0002)
    }

    @Test func benjaminiHochbergAdjustsInOriginalOrder() {
        let q = ProportionTest.benjaminiHochberg([0.01, 0.04, 0.03, 0.20])
        let expected = [0.04, 0.16 / 3, 0.16 / 3, 0.20]
        for (a, b) in zip(q, expected) { #expect(abs(a - b) < 1e-12) }
        #expect(ProportionTest.benjaminiHochberg([]).isEmpty)
    }

    @Test func dateSpansParseTheFormsAnalystsWrite() {
        #expect(DateSpan("2024")?.start == PostingDate(year: 2024, month: 1, day: 1))
        #expect(DateSpan("2024")?.end == PostingDate(year: 2024, month: 12, day: 31))
        #expect(DateSpan("2024-Q1")?.end == PostingDate(year: 2024, month: 3, day: 31))
        #expect(DateSpan("2024-02")?.end == PostingDate(year: 2024, month: 2, day: 29))
        #expect(DateSpan("2023-02")?.end == PostingDate(year: 2023, month: 2, day: 28))
        #expect(DateSpan("2024-03-15")?.start == PostingDate(year: 2024, month: 3, day: 15))
        let range = DateSpan("2023-01..2023-06")
        #expect(range?.start == PostingDate(year: 2023, month: 1, day: 1))
        #expect(range?.end == PostingDate(year: 2023, month: 6, day: 30))
        for bad in ["", "24", "2024-Q5", "2024-13", "2024-02-30", "2025..2024", "soon"] { #expect(DateSpan(bad) == nil) }
    }

    @Test func periodsIncludeEmptyOnesBetween() {
        let periods = ReportGranularity.quarter.periods(from: PostingDate(year: 2023, month: 11, day: 5),
                                                        through: PostingDate(year: 2024, month: 7, day: 1))
        #expect(periods.map(\.label) == ["2023-Q4", "2024-Q1", "2024-Q2", "2024-Q3"])
        #expect(ReportGranularity.month.period(containing: PostingDate(year: 2024, month: 12, day: 31)).label == "2024-12")
    }

    @Test func figuresAreFormattedTheSameEverywhere() {
        #expect(FigureFormat.percent(0.1234) == "12.3%")
        #expect(FigureFormat.points(0.35) == "+35.0 pp")
        #expect(FigureFormat.points(-0.012) == "−1.2 pp")
        #expect(FigureFormat.count(1234567) == "1,234,567")
        #expect(FigureFormat.pValue(0.0001) == "<0.001")
        #expect(FigureFormat.sparkline([0, 0.5, 1, nil]) == "▁▅█ ")
        #expect(FigureFormat.bar(1, width: 3) == "███")
    }
}
