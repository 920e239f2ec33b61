import Foundation

extension SimHash {
    /// The fingerprint as 16 lowercase hex digits (result files carry it as text: JSON numbers lose 64-bit values).
    public var hexText: String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    /// The fingerprint written by `hexText`; nil for anything else.
    public init?(hexText: String) {
        guard hexText.utf8.count == 16, let value = UInt64(hexText, radix: 16) else { return nil }
        self.init(value: value)
    }
}
