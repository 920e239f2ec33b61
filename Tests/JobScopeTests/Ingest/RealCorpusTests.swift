import Foundation
import Testing
@testable import JobScope

/// Reads the real shared corpus (../shared/corpus beside the repo); skipped when it is absent.
@Suite("Real corpus", .enabled(if: IngestFixture.corpus != nil, "../shared/corpus is absent: real-data ingestion tests skipped"))
struct RealCorpusTests {
    static let expectedRows: [String: Int] = [
        "glassdoor-2020/glassdoor_jobs.csv": 956, "glassdoor-ds/Uncleaned_DS_jobs.csv": 672,
        "linkedin-indeed-2018/DataScientist.csv": 975, "linkedin-indeed-2018/DataAnalyst.csv": 975,
        "linkedin-indeed-2018/cal_ds_500.csv": 506, "linkedin-indeed-2018/cal_da_500.csv": 506,
        "linkedin-ml-2020/job_data.jsonl": 196,
    ]

    @Test("row counts equal a standard CSV reader's (blank rows reported, not lost)", arguments: expectedRows.keys.sorted())
    func rowCounts(_ file: String) throws {
        let corpus = try #require(IngestFixture.corpus)
        let result = try PostingReader().read(path: corpus + "/" + file)
        let blank = result.rowErrors.filter { if case .emptyRecord = $0 { return true } else { return false } }
        #expect(result.rowErrors.count == blank.count)
        #expect(result.postings.count + blank.count == Self.expectedRows[file])
    }
}
