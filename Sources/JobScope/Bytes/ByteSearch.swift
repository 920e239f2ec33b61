import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Substring search over ASCII-lowercased UTF-8 bytes: the hot path of section and cue detection, where
/// Foundation's `String.contains` (a locale-aware search) cost more than all the matching.
enum ByteSearch {
    /// The bytes with ASCII letters lowercased (other bytes unchanged, so offsets stay UTF-8 offsets).
    static func lowercased<S: Sequence>(_ bytes: S) -> [UInt8] where S.Element == UInt8 {
        bytes.map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }
    }

    /// The same for a whole array (a posting's text): one loop the compiler vectorizes.
    static func lowercased(_ bytes: [UInt8]) -> [UInt8] {
        bytes.withUnsafeBufferPointer { b in
            [UInt8](unsafeUninitializedCapacity: b.count) { out, initialized in
                for i in 0..<b.count {
                    let c = b[i]
                    out[i] = c &- 65 < 26 ? c | 0x20 : c
                }
                initialized = b.count
            }
        }
    }

    /// Whether `needle` occurs in `haystack[range]`.
    static func contains(_ haystack: [UInt8], _ range: Range<Int>, _ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty, range.count >= needle.count else { return false }
        #if canImport(Glibc)
        // memchr (vectorized) finds candidates for the first byte; this is the hot loop of section detection.
        let first = Int32(needle[0])
        return haystack.withUnsafeBytes { hay in
            needle.withUnsafeBytes { pin in
                let base = hay.baseAddress!
                var at = range.lowerBound
                let last = range.upperBound - needle.count
                while at <= last {
                    guard let hit = memchr(base + at, first, last - at + 1) else { return false }
                    let position = base.distance(to: UnsafeRawPointer(hit))
                    if memcmp(hit, pin.baseAddress!, pin.count) == 0 { return true }
                    at = position + 1
                }
                return false
            }
        }
        #else
        return naiveContains(haystack, range, needle)
        #endif
    }

    static func naiveContains(_ haystack: [UInt8], _ range: Range<Int>, _ needle: [UInt8]) -> Bool {
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
