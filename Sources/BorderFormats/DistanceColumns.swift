import BorderAnalysis
import Geodesy

/// The computed fields of `border distances`, in output order. These names are a contract.
public enum DistanceColumns {
    public static let names = ["distance_m", "nearest_lon", "nearest_lat", "chainage_km", "side", "beyond_end",
                               "nearest_place", "nearest_place_km", "nearest_place_bearing", "nearest_place_desc"]

    /// One computed value, typed so JSON can print numbers and booleans bare.
    enum Value {
        case number(Double, decimals: Int)
        case text(String)
        case flag(Bool)
        case missing
    }

    /// Millimetre-level decimals: distance 1 µm, positions ~0.1 mm, chainage 1 mm.
    static func values(_ result: BorderDistance) -> [Value] {
        let place = result.nearestPlace
        return [.number(result.distanceMetres, decimals: 6),
                .number(result.nearest.longitude, decimals: 9),
                .number(result.nearest.latitude, decimals: 9),
                .number(result.chainageKilometres, decimals: 6),
                .text(result.side.rawValue),
                .flag(result.isBeyondEnd),
                place.map { .text($0.place.name) } ?? .missing,
                place.map { .number($0.distanceMetres / 1000, decimals: 3) } ?? .missing,
                place.map { .text($0.compassPoint) } ?? .missing,
                place.map { .text($0.description) } ?? .missing]
    }

    /// The values as text, as CSV and the table show them.
    static func text(_ result: BorderDistance) -> [String] {
        values(result).map { value in
            var bytes: [UInt8] = []
            bytes.appendCSVValue(value)
            return String(decoding: bytes, as: UTF8.self)
        }
    }

    /// Input columns kept in the output: all but those the computation overwrites.
    static func passThrough(_ header: [String]) -> [Int] {
        header.indices.filter { !names.contains(header[$0]) }
    }
}

extension Array where Element == UInt8 {
    mutating func appendCSVValue(_ value: DistanceColumns.Value) {
        switch value {
        case .number(let number, let decimals): appendFixed(number, decimals: decimals)
        case .text(let text): appendCSVField(text)
        case .flag(let flag): append(contentsOf: (flag ? "true" : "false").utf8)
        case .missing: break
        }
    }

    mutating func appendJSONValue(_ value: DistanceColumns.Value) {
        switch value {
        case .number(let number, let decimals):
            if number.isFinite { appendFixed(number, decimals: decimals) } else { append(contentsOf: "null".utf8) }
        case .text(let text): text.isEmpty ? append(contentsOf: "null".utf8) : appendJSONString(text)
        case .flag(let flag): append(contentsOf: (flag ? "true" : "false").utf8)
        case .missing: append(contentsOf: "null".utf8)
        }
    }
}
