import Foundation

/// The words `AttributeExtractor` compares a body's tokens with, as ids in one `WordTable`, and per id which of
/// its word lists it is on: the body pass maps each token to an id once instead of hashing a string per list.
struct AttributeLexicon: Sendable {
    /// Every word below and every word of an education or domain phrase.
    let table: WordTable
    let count: Int
    /// Membership per word id.
    let degreeCue: [Bool]
    let notDegreeAfter: [Bool]
    let clauseCue: [Bool]
    let yearWord: [Bool]
    let hybridNext: [Bool]
    let remoteNotPrev: [Bool]
    let remotePrev: [Bool]
    let remoteNext: [Bool]
    let onsiteWord: [Bool]
    let onsiteNext: [Bool]
    let onsitePrev: [Bool]
    /// Single words the rules name.
    let years, year, yrs, yr, plusSign, plus, to, hyphen, enDash, old, ago, history, anniversary: Int32
    let hybrid, remote, remotely, work, not, home, from: Int32

    /// "PhD preferred", "a Master's is a plus": words that make a degree's clause a preference.
    static let clauseCues = ["preferred", "plus", "desired", "desirable", "ideally", "bonus", "advantage",
                             "preferably", "ideal", "helpful"]
    /// "5 years", "3+ yrs".
    static let yearWords = ["years", "year", "yrs", "yr"]
    /// "hybrid work", "hybrid schedule".
    static let hybridNextWords = ["work", "working", "role", "position", "schedule", "model", "arrangement",
                                  "environment", "remote", "office", "opportunity", "setup", "workplace", "policy",
                                  "basis"]
    /// "not remote", "non remote".
    static let remoteNotPrevWords = ["not", "no", "non"]
    /// "fully remote", "work remotely".
    static let remotePrevWords = ["fully", "100", "work", "working", "is", "a", "this", "be"]
    /// "remote position", "remote friendly".
    static let remoteNextWords = ["position", "role", "opportunity", "first", "friendly", "eligible", "ok", "work", "job"]
    static let onsiteWords = ["on-site", "onsite", "in-office", "in-person"]
    /// "on-site role", "onsite presence".
    static let onsiteNextWords = ["role", "position", "only", "work", "required", "presence", "basis", "schedule"]
    /// "be onsite", "requires on-site".
    static let onsitePrevWords = ["be", "work", "fully", "100", "an", "is", "requires"]
    /// Single words the rules compare with one by one.
    static let singleWords = ["+", "plus", "to", "-", "–", "old", "ago", "history", "anniversary",
                              "hybrid", "remote", "remotely", "work", "not", "home", "from"]

    init(phraseWords: [String]) {
        let lists = [Array(AttributeExtractor.degreeCues), Array(AttributeExtractor.notDegreeAfter), Self.clauseCues,
                     Self.yearWords, Self.hybridNextWords, Self.remoteNotPrevWords, Self.remotePrevWords,
                     Self.remoteNextWords, Self.onsiteWords, Self.onsiteNextWords, Self.onsitePrevWords,
                     Self.singleWords]
        var ids: [String: Int32] = [:]
        for word in phraseWords + lists.flatMap({ $0 }) where ids[word] == nil { ids[word] = Int32(ids.count) }
        table = WordTable(ids)
        count = ids.count
        func flags<S: Sequence<String>>(_ words: S) -> [Bool] {
            var flags = [Bool](repeating: false, count: ids.count)
            for word in words { flags[Int(ids[word]!)] = true }
            return flags
        }
        degreeCue = flags(AttributeExtractor.degreeCues)
        notDegreeAfter = flags(AttributeExtractor.notDegreeAfter)
        clauseCue = flags(Self.clauseCues)
        yearWord = flags(Self.yearWords)
        hybridNext = flags(Self.hybridNextWords)
        remoteNotPrev = flags(Self.remoteNotPrevWords)
        remotePrev = flags(Self.remotePrevWords)
        remoteNext = flags(Self.remoteNextWords)
        onsiteWord = flags(Self.onsiteWords)
        onsiteNext = flags(Self.onsiteNextWords)
        onsitePrev = flags(Self.onsitePrevWords)
        years = ids["years"]!; year = ids["year"]!; yrs = ids["yrs"]!; yr = ids["yr"]!
        plusSign = ids["+"]!; plus = ids["plus"]!; to = ids["to"]!; hyphen = ids["-"]!; enDash = ids["–"]!
        old = ids["old"]!; ago = ids["ago"]!; history = ids["history"]!; anniversary = ids["anniversary"]!
        hybrid = ids["hybrid"]!; remote = ids["remote"]!; remotely = ids["remotely"]!; work = ids["work"]!
        not = ids["not"]!; home = ids["home"]!; from = ids["from"]!
    }

    /// The id of a word of the lexicon.
    func id(_ word: String) -> Int32 { table.value(of: word) }

    /// Whether word id `id` (possibly `WordTable.missing`) is on `list`.
    @inline(__always)
    func `is`(_ id: Int32, _ list: [Bool]) -> Bool { id >= 0 && list[Int(id)] }
}
