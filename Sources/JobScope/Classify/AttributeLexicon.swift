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

    init(phraseWords: [String]) {
        let lists: [[String]] = [
            Array(AttributeExtractor.degreeCues), Array(AttributeExtractor.notDegreeAfter), Self.clauseCues,
            ["years", "year", "yrs", "yr", "+", "plus", "to", "-", "–", "old", "ago", "history", "anniversary"],
            ["work", "working", "role", "position", "schedule", "model", "arrangement", "environment",
             "remote", "office", "opportunity", "setup", "workplace", "policy", "basis"],
            ["not", "no", "non"],
            ["fully", "100", "work", "working", "is", "a", "this", "be"],
            ["position", "role", "opportunity", "first", "friendly", "eligible", "ok", "work", "job"],
            ["on-site", "onsite", "in-office", "in-person"],
            ["role", "position", "only", "work", "required", "presence", "basis", "schedule"],
            ["be", "work", "fully", "100", "an", "is", "requires"],
            ["hybrid", "remote", "remotely", "home", "from"],
        ]
        var ids: [String: Int32] = [:]
        for word in phraseWords + lists.flatMap({ $0 }) where ids[word] == nil { ids[word] = Int32(ids.count) }
        table = WordTable(ids)
        count = ids.count
        func flags(_ words: [String]) -> [Bool] {
            var flags = [Bool](repeating: false, count: ids.count)
            for word in words { flags[Int(ids[word]!)] = true }
            return flags
        }
        degreeCue = flags(lists[0])
        notDegreeAfter = flags(lists[1])
        clauseCue = flags(lists[2])
        yearWord = flags(["years", "year", "yrs", "yr"])
        hybridNext = flags(lists[4])
        remoteNotPrev = flags(lists[5])
        remotePrev = flags(lists[6])
        remoteNext = flags(lists[7])
        onsiteWord = flags(lists[8])
        onsiteNext = flags(lists[9])
        onsitePrev = flags(lists[10])
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
