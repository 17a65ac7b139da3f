import BorderAnalysis
import Geodesy

/// The computed fields of `border distances`, in output order. These names are a contract.
public enum DistanceColumns {
    public static let names = ["distance_m", "nearest_lon", "nearest_lat", "chainage_km", "side", "beyond_end",
                               "nearest_place", "nearest_place_km", "nearest_place_bearing", "nearest_place_desc"]

    /// The values as text: millimetre-level decimals (distance 1 µm, positions ~0.1 mm, chainage 1 mm).
    static func text(_ result: BorderDistance) -> [String] {
        let place = result.nearestPlace
        return [FixedPoint.format(result.distanceMetres, decimals: 6),
                FixedPoint.format(result.nearest.longitude, decimals: 9),
                FixedPoint.format(result.nearest.latitude, decimals: 9),
                FixedPoint.format(result.chainageKilometres, decimals: 6),
                result.side.rawValue,
                result.isBeyondEnd ? "true" : "false",
                place?.place.name ?? "",
                place.map { FixedPoint.format($0.distanceMetres / 1000, decimals: 3) } ?? "",
                place?.compassPoint ?? "",
                place?.description ?? ""]
    }

    /// Input columns kept in the output: all but those the computation overwrites.
    static func passThrough(_ header: [String]) -> [Int] {
        header.indices.filter { !names.contains(header[$0]) }
    }
}
