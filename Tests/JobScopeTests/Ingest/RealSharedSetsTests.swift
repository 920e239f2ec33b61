import Foundation
import Testing
@testable import JobScope

/// The 2023–2026 sets of ../shared/corpus, read as published; skipped when the folder is absent.
@Suite("Real 2023–2026 sets", .enabled(if: IngestFixture.corpus != nil, "../shared/corpus is absent: real-data tests of the 2023–2026 sets skipped"))
struct RealSharedSetsTests {
    @Test("the remote-jobs board: every README.md is a posting with a title and a date from its month folder")
    func remoteJobsBoard() throws {
        let corpus = try #require(IngestFixture.corpus)
        let walk = PostingFileWalker(paths: [corpus + "/remotewlb-2024"]).collect()
        #expect(walk.problems.isEmpty)
        #expect(walk.files.count == 18_574)
        var postings = 0, titled = 0, dated = 0, companies = 0, noneCompanies = 0, failures: [String] = []
        for outcome in PostingBatchReader().read(files: walk.files) {
            guard let result = try? outcome.result.get(), let posting = result.postings.first, result.postings.count == 1 else {
                failures.append(outcome.path)
                continue
            }
            postings += 1
            if posting.title != nil { titled += 1 }
            let month = outcome.path.split(separator: "/").dropLast(2).last.map(String.init)
            if let date = posting.datePosted, posting.dateSource == .path, month == String(date.description.prefix(7)) { dated += 1 }
            if posting.company != nil { companies += 1 }
            // The board writes "### None" (or an empty "###") where it has no company: left unknown.
            if posting.company == nil, let head = try? FileBytes.prefix(path: outcome.path, count: 4096) {
                let lines = head.split(separator: 0x0A, omittingEmptySubsequences: false)
                let second = lines.count > 1 ? String(decoding: lines[1], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) : ""
                if second == "### None" || second == "###" { noneCompanies += 1 }
            }
        }
        #expect(failures.isEmpty, "\(failures.prefix(3))")
        #expect(postings == 18_574)
        #expect(titled == 18_574)
        #expect(dated == 18_574)
        // One posting's company line is a question ("### What are we all about?"): not taken as a name.
        #expect(companies + noneCompanies == 18_573)
        print("remotewlb-2024: \(postings) postings, \(titled) titled, \(dated) dated, \(companies) with a company (\(noneCompanies) name none)")
    }

    @Test("the prompt-engineer workbook: 73 postings, each dated by its scrape date when the row has one")
    func promptEngineerWorkbook() throws {
        let corpus = try #require(IngestFixture.corpus)
        let result = try PostingReader().read(path: corpus + "/prompt-engineer-2024/Job_Ad_Data.xlsx")
        #expect(result.postings.count == 73)
        #expect(result.rowErrors.isEmpty)
        #expect(result.postings.map(\.source.row) == Array(1...73))
        let dated = result.postings.filter { $0.datePosted != nil }
        // Row 73 (sheet row 74) has no Data Scraping Date cell: it stays undated.
        #expect(dated.count == 72)
        #expect(result.postings.last?.datePosted == nil)
        #expect(dated.allSatisfy { $0.datePosted!.year == 2024 && $0.datePosted!.month == 1 && (24...30).contains($0.datePosted!.day) })
        #expect(result.postings.allSatisfy { $0.title != nil && !$0.body.isEmpty })
        #expect(result.postings[0].body.contains("Responsibilities") && result.postings[0].body.contains("Qualifications"))
    }

    @Test("LinkedIn 2024: 1,000 postings dated from their epoch-millisecond columns; its titles-only list is refused in one line")
    func linkedIn2024() throws {
        let corpus = try #require(IngestFixture.corpus)
        let result = try PostingReader().read(path: corpus + "/linkedin-2024/postings.csv")
        #expect(result.postings.count == 1_000)
        #expect(result.postings.allSatisfy { $0.datePosted != nil && $0.dateSource == nil })
        #expect(result.postings.allSatisfy { (2023...2024).contains($0.datePosted!.year) })
        let titles = corpus + "/linkedin-2024/title_list.csv"
        #expect(throws: IngestError.noBodyColumn(path: titles, columns: ["title"])) { try PostingReader().read(path: titles) }
    }

    @Test("the AI lab's board: each job of jobs.json joined with its description, dated by first_seen")
    func anthropicBoard() throws {
        let corpus = try #require(IngestFixture.corpus)
        let files = PostingFileWalker(paths: [corpus + "/anthropic-2026"]).collect().files
        #expect(files.map { ($0 as NSString).lastPathComponent } == ["jobs.json"])
        let result = try PostingReader().read(path: files[0])
        #expect(result.postings.count == 366)
        #expect(result.postings.allSatisfy { $0.datePosted != nil && $0.body.count > 200 })
    }
}
