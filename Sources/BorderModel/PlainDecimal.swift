/// Clinger's fast path for the commonest number text, `-?digits(.digits)?`: with at most 15
/// significant digits it is an integer below 2^53 divided by an exact power of ten, and that one
/// division rounds correctly, so the result is bit for bit what strtod gives. Other text
/// (exponents, signs, more digits) is left to the caller's full parser.
public enum PlainDecimal {
    static let powersOfTen: [Double] = (0...22).map { (0..<$0).reduce(1.0) { value, _ in value * 10 } }

    /// The value of `bytes[start...]` up to the first byte that cannot continue the number, and
    /// where that is; nil when the text there needs the full parser.
    @inline(__always)
    public static func prefix(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> (value: Double, end: Int)? {
        var index = start
        let negative = index < bytes.count && bytes[index] == 0x2D
        if negative { index += 1 }
        var mantissa: UInt64 = 0, digits = 0, decimals = 0, seenPoint = false
        while index < bytes.count {
            let byte = bytes[index]
            if byte >= 0x30 && byte <= 0x39 {
                mantissa = mantissa &* 10 &+ UInt64(byte - 0x30)
                digits += 1
                if seenPoint { decimals += 1 }
            } else if byte == 0x2E && !seenPoint {
                seenPoint = true
            } else {
                break
            }
            index += 1
        }
        guard digits > 0, digits <= 15, bytes[index - 1] != 0x2E, !(seenPoint && decimals == digits) else { return nil }
        if index < bytes.count, bytes[index] == 0x65 || bytes[index] == 0x45 { return nil }
        let value = Double(mantissa) / powersOfTen[decimals]
        return (negative ? -value : value, index)
    }

    /// The value of the whole text, or nil when it is not (only) a plain decimal.
    public static func parse(_ text: String) -> Double? {
        var text = text
        return text.withUTF8 { bytes in
            guard let (value, end) = prefix(bytes, from: 0), end == bytes.count else { return nil }
            return value
        }
    }
}
