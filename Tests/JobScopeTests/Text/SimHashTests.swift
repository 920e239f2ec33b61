import Foundation
import JobScope
import Testing

@Suite("SimHash")
struct SimHashTests {
    // Shorter than most real postings (the median body in the shared CSVs is about 480 words).
    let body = StoreFixture.body(seed: 7, words: 400)

    @Test("the same words give the same fingerprint, whatever the case and punctuation")
    func caseAndPunctuation() throws {
        let a = try #require(SimHash(text: body))
        let b = try #require(SimHash(text: body.uppercased().replacingOccurrences(of: ".", with: " ;")))
        #expect(a.distance(to: b) == 0)
    }

    @Test("a repost with a changed word and a new first line is a near-duplicate")
    func smallEditIsNear() throws {
        var words = body.split(separator: " ").map(String.init)
        words[120] = "kubernetes"
        let edited = "Reposted 2024-04-02. " + words.joined(separator: " ")
        let a = try #require(SimHash(text: body))
        let b = try #require(SimHash(text: edited))
        #expect(a.distance(to: b) <= SimHash.maxDistance)
        #expect(a.isNearDuplicate(of: b))
        // The pigeonhole guarantee the store's band index relies on.
        #expect(zip(a.bands, b.bands).contains { $0 == $1 })
    }

    @Test("the near-duplicate line is at 3 bits: 3 is near, 4 and 5 are apart")
    func boundaryFromBothSides() {
        let base = SimHash(value: 0x0123_4567_89AB_CDEF)
        func flipped(_ bits: Int) -> SimHash {
            // Flip bits spread over the word (not only one band), as real edits do.
            SimHash(value: (0..<bits).reduce(base.value) { $0 ^ (1 << UInt64(($1 * 13) % 64)) })
        }
        #expect(SimHash.maxDistance == 3)
        for bits in 0...3 {
            #expect(base.distance(to: flipped(bits)) == bits)
            #expect(base.isNearDuplicate(of: flipped(bits)), "\(bits) bits apart should be near")
        }
        for bits in 4...5 {
            #expect(base.distance(to: flipped(bits)) == bits)
            #expect(!base.isNearDuplicate(of: flipped(bits)), "\(bits) bits apart should stay apart")
        }
    }

    @Test("different bodies are far apart")
    func differentBodiesAreFar() throws {
        let fingerprints = try (0..<20).map { try #require(SimHash(text: StoreFixture.body(seed: 500 + $0, words: 200))) }
        for i in fingerprints.indices {
            for j in fingerprints.indices where i < j {
                #expect(!fingerprints[i].isNearDuplicate(of: fingerprints[j]))
            }
        }
    }

    @Test("a body too short to judge gets no fingerprint")
    func shortBody() {
        #expect(SimHash(text: "Apply on our careers page.") == nil)
        #expect(SimHash(text: StoreFixture.body(seed: 1, words: SimHash.minimumWords)) != nil)
    }
}
