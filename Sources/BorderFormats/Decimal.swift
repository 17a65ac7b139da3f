/// Fast fixed-point formatting of finite numbers ("12.345"), without Foundation's formatter.
enum FixedPoint {
    static let powers: [UInt64] = (0...15).map { (0..<$0).reduce(1) { acc, _ in acc * 10 } }

    static func format(_ value: Double, decimals: Int) -> String {
        var bytes: [UInt8] = []
        bytes.appendFixed(value, decimals: decimals)
        return String(decoding: bytes, as: UTF8.self)
    }
}

extension Array where Element == UInt8 {
    /// Appends `value` with exactly `decimals` digits after the point; nothing for NaN or infinity.
    mutating func appendFixed(_ value: Double, decimals: Int) {
        guard value.isFinite else { return }
        let scaled = (Swift.abs(value) * Double(FixedPoint.powers[decimals])).rounded()
        guard scaled < 9e15 else { append(contentsOf: String(value).utf8); return }
        let units = UInt64(scaled)
        if value < 0 && units != 0 { append(0x2D) }
        appendDigits(units / FixedPoint.powers[decimals], minimumCount: 1)
        if decimals > 0 {
            append(0x2E)
            appendDigits(units % FixedPoint.powers[decimals], minimumCount: decimals)
        }
    }

    /// Appends the decimal digits of `number`, zero-padded on the left to `minimumCount`.
    private mutating func appendDigits(_ number: UInt64, minimumCount: Int) {
        var digits = 1
        var rest = number / 10
        while rest > 0 { digits += 1; rest /= 10 }
        let count = Swift.max(digits, minimumCount), end = self.count + count
        append(contentsOf: repeatElement(0x30, count: count))
        withUnsafeMutableBufferPointer { buffer in
            var rest = number, i = end - 1
            while rest > 0 {
                buffer[i] = UInt8(truncatingIfNeeded: rest % 10) + 0x30
                rest /= 10
                i -= 1
            }
        }
    }

    /// Appends a CSV field, quoted (RFC 4180) only when it holds a comma, quote or line break.
    mutating func appendCSVField(_ field: String) {
        let utf8 = field.utf8
        guard utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else {
            append(contentsOf: utf8)
            return
        }
        append(0x22)
        for byte in utf8 {
            if byte == 0x22 { append(0x22) }
            append(byte)
        }
        append(0x22)
    }

    /// Appends a JSON string literal.
    mutating func appendJSONString(_ text: String) {
        append(0x22)
        for byte in text.utf8 {
            switch byte {
            case 0x22: append(contentsOf: [0x5C, 0x22])
            case 0x5C: append(contentsOf: [0x5C, 0x5C])
            case 0x0A: append(contentsOf: [0x5C, 0x6E])
            case 0x0D: append(contentsOf: [0x5C, 0x72])
            case 0x09: append(contentsOf: [0x5C, 0x74])
            case ..<0x20:
                let hex: [UInt8] = Array("0123456789abcdef".utf8)
                append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 15)]])
            default: append(byte)
            }
        }
        append(0x22)
    }
}

/// Plain decimal text for labels: "10", "2.5".
public enum FixedPointText {
    public static func plain(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : "\(value)"
    }
}
