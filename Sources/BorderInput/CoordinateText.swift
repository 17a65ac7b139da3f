import BorderModel
import Foundation

/// A latitude or longitude written as a decimal number or as degrees-minutes-seconds text:
/// `29.85`, `-60.5`, `29°51′N`, `29 51 30 N`, `60°52'15.5"E`, `N 29° 51.5'`, `29d51m30sN`.
public enum CoordinateText {
    public enum Axis: Sendable {
        case latitude, longitude
        var limit: Double { self == .latitude ? 90 : 180 }
        var hemispheres: (positive: Character, negative: Character) { self == .latitude ? ("N", "S") : ("E", "W") }
    }

    /// The value in degrees, or why the text is not one.
    public static func parse(_ text: String, axis: Axis) -> Result<Double, Problem> {
        let trimmed = text.trimmingBlanks
        guard !trimmed.isEmpty else { return .failure(Problem("empty")) }
        if let value = number(trimmed) { return checked(value, axis) }
        return dms(trimmed, axis: axis).flatMap { checked($0, axis) }
    }

    /// `Double(_:)` without its C-string pitfall: it stops at a NUL byte, so "2\u{0}8" would read as 2.
    static func number<S: StringProtocol>(_ text: S) -> Double? {
        if let text = text as? String, let value = PlainDecimal.parse(text) { return value }
        return text.utf8.contains(0) ? nil : Double(text)
    }

    public struct Problem: Error, Equatable, Sendable {
        public var reason: String
        init(_ reason: String) { self.reason = reason }
    }

    static func checked(_ value: Double, _ axis: Axis) -> Result<Double, Problem> {
        guard value.isFinite else { return .failure(Problem("not a finite number")) }
        guard abs(value) <= axis.limit else { return .failure(Problem("outside -\(Int(axis.limit))…\(Int(axis.limit))")) }
        return .success(value)
    }

    /// Symbols accepted after degrees, minutes and seconds (typographic and ASCII forms).
    static let degreeMarks: Set<Character> = ["°", "º", "˚", "d", "D"]
    static let minuteMarks: Set<Character> = ["'", "′", "’", "‘", "m", "M"]
    static let secondMarks: Set<Character> = ["\"", "″", "”", "“", "s", "S"]

    static func dms(_ text: String, axis: Axis) -> Result<Double, Problem> {
        var body = Substring(text)
        var sign = 1.0
        var hemisphere: Character?
        // A hemisphere letter at either end (checked before 's'/'S' can be read as seconds).
        if let last = body.last?.uppercased().first, "NSEW".contains(last) { hemisphere = last; body = body.dropLast() }
        else if let first = body.first?.uppercased().first, "NSEW".contains(first) { hemisphere = first; body = body.dropFirst() }
        if let hemisphere {
            let (positive, negative) = axis.hemispheres
            guard hemisphere == positive || hemisphere == negative else {
                return .failure(Problem("hemisphere \(hemisphere) in a \(axis == .latitude ? "latitude" : "longitude") column"))
            }
            if hemisphere == negative { sign = -1 }
        }
        body = body.drop { $0 == " " }
        if body.first == "-" || body.first == "+" {
            guard hemisphere == nil else { return .failure(Problem("both a sign and a hemisphere")) }
            if body.first == "-" { sign = -1 }
            body = body.dropFirst()
        }
        // Numbers, each followed by an optional unit mark, separated by spaces or colons.
        var parts: [Double] = []
        var index = body.startIndex
        while index < body.endIndex {
            let character = body[index]
            if character == " " || character == ":" { index = body.index(after: index); continue }
            guard character.isASCII, character.isNumber || character == "." else {
                return .failure(Problem("not a number or degrees-minutes-seconds"))
            }
            var end = index
            while end < body.endIndex, body[end].isASCII, body[end].isNumber || body[end] == "." { end = body.index(after: end) }
            guard let number = number(body[index..<end]), parts.count < 3 else {
                return .failure(Problem("not a number or degrees-minutes-seconds"))
            }
            var expected = parts.count
            if end < body.endIndex {
                let mark = body[end]
                var unit = degreeMarks.contains(mark) ? 0 : minuteMarks.contains(mark) ? 1 : secondMarks.contains(mark) ? 2 : nil
                if let found = unit {
                    end = body.index(after: end)
                    // Two apostrophes stand for a seconds mark.
                    if found == 1, mark == "'" || mark == "′", end < body.endIndex, body[end] == mark {
                        unit = 2
                        end = body.index(after: end)
                    }
                    guard unit! >= expected else { return .failure(Problem("degrees, minutes and seconds out of order")) }
                    expected = unit!
                }
            }
            while parts.count < expected { parts.append(0) }
            parts.append(number)
            index = end
        }
        guard !parts.isEmpty, parts.count <= 3 else { return .failure(Problem("not a number or degrees-minutes-seconds")) }
        if parts.count > 1 {
            guard parts.dropLast().allSatisfy({ $0 == $0.rounded() }) else {
                return .failure(Problem("only the last of degrees, minutes, seconds may have decimals"))
            }
            guard parts[1] < 60, parts.count < 3 || parts[2] < 60 else { return .failure(Problem("minutes and seconds must be below 60")) }
        }
        let degrees = parts[0] + (parts.count > 1 ? parts[1] / 60 : 0) + (parts.count > 2 ? parts[2] / 3600 : 0)
        return .success(sign * degrees)
    }
}
