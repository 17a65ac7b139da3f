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
        var units = UInt64(scaled)
        let negative = value < 0 && units != 0
        // Digits are written backwards into a small stack buffer, then appended at once.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 40) { text in
            var start = text.count
            func put(_ byte: UInt8) { start -= 1; text[start] = byte }
            if decimals > 0 {
                for _ in 0..<decimals { put(UInt8(truncatingIfNeeded: units % 10) + 0x30); units /= 10 }
                put(0x2E)
            }
            repeat { put(UInt8(truncatingIfNeeded: units % 10) + 0x30); units /= 10 } while units > 0
            if negative { put(0x2D) }
            append(contentsOf: UnsafeBufferPointer(rebasing: text[start...]))
        }
    }

    /// Appends a CSV field, quoted (RFC 4180) only when it holds a comma, quote or line break.
    mutating func appendCSVField(_ field: String) {
        var field = field
        field.withUTF8 { bytes in
            guard bytes.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else {
                append(contentsOf: bytes)
                return
            }
            append(0x22)
            for byte in bytes {
                if byte == 0x22 { append(0x22) }
                append(byte)
            }
            append(0x22)
        }
    }
}

/// Plain decimal text for labels: "10", "2.5".
public enum FixedPointText {
    public static func plain(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : "\(value)"
    }
}
