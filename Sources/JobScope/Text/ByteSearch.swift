import Foundation

/// Substring search over ASCII-lowercased UTF-8 bytes: the hot path of section and cue detection, where
/// Foundation's `String.contains` (a locale-aware search) cost more than all the matching.
enum ByteSearch {
    /// The bytes with ASCII letters lowercased (other bytes unchanged, so offsets stay UTF-8 offsets).
    static func lowercased<S: Sequence>(_ bytes: S) -> [UInt8] where S.Element == UInt8 {
        bytes.map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }
    }

    /// Whether `needle` occurs in `haystack[range]`.
    static func contains(_ haystack: [UInt8], _ range: Range<Int>, _ needle: [UInt8]) -> Bool {
        guard let first = needle.first, range.count >= needle.count else { return false }
        var i = range.lowerBound
        let last = range.upperBound - needle.count
        while i <= last {
            if haystack[i] == first {
                var j = 1
                while j < needle.count && haystack[i + j] == needle[j] { j += 1 }
                if j == needle.count { return true }
            }
            i += 1
        }
        return false
    }
}
