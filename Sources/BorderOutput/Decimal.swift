import BorderAnalysis
import BorderInput
/// Fast fixed-point formatting of finite numbers ("12.345"), without Foundation's formatter.
public enum FixedPoint {
    public static let powers: [UInt64] = (0...15).map { (0..<$0).reduce(1) { acc, _ in acc * 10 } }

    public static func format(_ value: Double, decimals: Int) -> String {
        var bytes: [UInt8] = []
        bytes.appendFixed(value, decimals: decimals)
        return String(decoding: bytes, as: UTF8.self)
    }
}

extension Array where Element == UInt8 {
    /// Appends `value` with exactly `decimals` digits after the point; nothing for NaN or infinity.
    public mutating func appendFixed(_ value: Double, decimals: Int) {
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
}

/// Plain decimal text for labels: "10", "2.5".
public enum FixedPointText {
    public static func plain(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : "\(value)"
    }
}

/// A distance interval as km to 1 decimal, rounded outwards ("20.6–70.7"): the lower end down and
/// the upper end up, so the text always holds the exact interval.
public enum IntervalText {
    public static func kilometres(_ metres: ClosedRange<Double>) -> String {
        FixedPoint.format((metres.lowerBound / 100).rounded(.down) / 10, decimals: 1) + "–"
            + FixedPoint.format((metres.upperBound / 100).rounded(.up) / 10, decimals: 1)
    }

    /// The "km to border" cell of the table and the report: the interval for a radius of 1 km or
    /// more, never a bare two-decimal distance the coding cannot support; else the distance to 2
    /// decimals.
    public static func kmToBorder(distanceMetres d: Double, interval: DistanceInterval?, radiusKilometres: Double) -> String {
        guard radiusKilometres >= 1, interval != nil else { return FixedPoint.format(d / 1000, decimals: 2) }
        return kilometres(DistanceInterval.metres(interval, distance: d))
    }
}
