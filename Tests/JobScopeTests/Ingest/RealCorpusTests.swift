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

    @Test("every posting file of the corpus reads without a file error (O*NET tables are refused as reference data, one line each); no mojibake and no HTML tag survives in a body")
    func everyFileReadsClean() throws {
        let corpus = try #require(IngestFixture.corpus)
        let files = PostingFileWalker(paths: [corpus]).collect().files
        #expect(files.count >= 8)
        let tag = try Regex("</?(p|br|li|ul|ol|div|span|b|strong|em|i|a|h[1-6]|table|tr|td|font|script|style)(\\s[^<>]*)?/?>")
            .ignoresCase()
        var postings = 0, refused = 0
        for outcome in PostingBatchReader().read(files: files) {
            let result: FileReadResult
            do {
                result = try outcome.result.get()
            } catch {
                if outcome.path.contains("/onet/"), case .referenceTable = error {
                    refused += 1
                    #expect(error.errorDescription?.contains("\n") == false)
                } else if outcome.path.hasSuffix("linkedin-2024/title_list.csv"), case .noBodyColumn = error {
                    // A list of titles only: refused as no postings, in one line.
                    #expect(error.errorDescription?.contains("\n") == false)
                } else {
                    Issue.record("\(outcome.path): \(error.localizedDescription)")
                }
                continue
            }
            postings += result.postings.count
            for posting in result.postings {
                #expect(!posting.body.contains("Ã¢"), "mojibake in \(posting.source)")
                #expect(!posting.body.contains("â€"), "mojibake in \(posting.source)")
                #expect(posting.body.firstMatch(of: tag) == nil, "HTML tag in \(posting.source)")
            }
        }
        #expect(postings >= 4_700)
        // Five O*NET tables; its read-me.txt is skipped by the walk as a folder document.
        #expect(refused == files.filter { $0.contains("/onet/") }.count)
        #expect(refused == 5)
    }

    @Test("the saved results page yields visible text, without script, style, markup or screen-reader duplicates")
    func savedResultsPage() throws {
        let corpus = try #require(IngestFixture.corpus)
        let result = try PostingReader().read(path: corpus + "/html/linkedin-search-results.html")
        let posting = try #require(result.postings.first)
        #expect(result.postings.count == 1)
        let lines = posting.body.split(separator: "\n").map(String.init)
        #expect(lines.count > 50)
        for marker in ["<", "{", "}", "function(", "href=", "class=", "var "] {
            #expect(!posting.body.contains(marker), "found \(marker)")
        }
        // Visually hidden copies of a card's text would repeat the line just before them.
        let repeats = zip(lines, lines.dropFirst()).filter { $0 == $1 }
        #expect(repeats.isEmpty)
    }
}
