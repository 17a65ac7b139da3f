/// Fast fixed-point formatting of finite numbers ("12.345"), without Foundation's formatter.
enum FixedPoint {
    static let powers: [Double] = (0...12).map { pow10($0) }

    static func pow10(_ n: Int) -> Double { (0..<n).reduce(1.0) { acc, _ in acc * 10 } }

    static func format(_ value: Double, decimals: Int) -> String {
        guard value.isFinite else { return "" }
        let scaled = (abs(value) * powers[decimals]).rounded()
        guard scaled < 9e15 else { return String(value) }
        let units = UInt64(scaled)
        let divisor = UInt64(powers[decimals])
        var text = value < 0 && units != 0 ? "-" : ""
        text += String(units / divisor)
        if decimals > 0 {
            let fraction = String(units % divisor)
            text += "." + String(repeating: "0", count: decimals - fraction.count) + fraction
        }
        return text
    }
}

/// Plain decimal text for labels: "10", "2.5".
public enum FixedPointText {
    public static func plain(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : "\(value)"
    }
}
