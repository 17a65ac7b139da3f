import BorderModel
import Foundation
import Geodesy

/// The distances to the border over the disc of every point within geodesic distance r of an
/// input point (its uncertainty), and whether the side is the same all over it.
public struct DistanceInterval: Sendable, Equatable {
    /// max(0, d − r), exactly.
    public var minMetres: Double
    /// The largest distance over the disc, from above: never less than it, at most 1 m more.
    public var maxMetres: Double
    /// True only when the side rule is proven to give one value over the whole disc.
    public var sideCertain: Bool

    public init(minMetres: Double, maxMetres: Double, sideCertain: Bool) {
        (self.minMetres, self.maxMetres, self.sideCertain) = (minMetres, maxMetres, sideCertain)
    }

    /// [min, max] of the distance, metres: the interval's, or the point's own distance `d` when
    /// there is none (radius 0, or not computed).
    public static func metres(_ interval: DistanceInterval?, distance d: Double) -> ClosedRange<Double> {
        let low = interval?.minMetres ?? d
        return low...max(low, interval?.maxMetres ?? d)
    }
}

extension DistanceAnalyzer {
    /// The interval of distances over the disc of `radiusMetres` around `point`, whose own
    /// measurement is `result`.
    ///
    /// **Minimum.** d, the distance to the border, is 1-Lipschitz: |d(Q) − d(P)| ≤ s(P, Q), since
    /// the border point nearest P is at most d(P) + s(P, Q) from Q. So no point of the disc is
    /// nearer than d − r; and the point r along the geodesic from P towards its nearest border
    /// point N is at d − r exactly (it lies on a shortest path from P to N, so its distance to N is
    /// d − r, and nothing nearer, or P would be nearer than d). When r ≥ d the disc holds N: 0.
    ///
    /// **Maximum.** From above, within 1 m: see `distanceMax`.
    public func interval(around point: Coordinate, _ result: BorderDistance, radiusMetres r: Double) -> DistanceInterval {
        let d = result.distanceMetres
        guard r > 0 else { return DistanceInterval(minMetres: d, maxMetres: d, sideCertain: true) }
        return DistanceInterval(minMetres: max(0, d - r), maxMetres: distanceMax(around: point, result, radius: r),
                                sideCertain: sideIsCertain(around: point, result, radius: r))
    }

    /// Conservative: true only when the disc does not reach the border line (so the line's side
    /// cannot change within it), a lon/lat box proven to hold the disc meets no country outline
    /// (so the whole box is in the country of the point, or in none), and that country is the
    /// point's side. The box: along any path of length s, |Δφ| ≤ s / M_min (M_min = a(1 − e²), the
    /// least meridional radius) and |Δλ| ≤ s / (a cos φ_max), since the parallel's radius
    /// N cos φ ≥ a cos φ.
    func sideIsCertain(around point: Coordinate, _ result: BorderDistance, radius r: Double) -> Bool {
        guard result.distanceMetres > r else { return false }
        let a = geodesic.equatorialRadius, f = geodesic.flattening
        let meridionalMin = a * (1 - f * (2 - f))
        let dLatitude = r / meridionalMin * 180 / .pi
        let latitudeMax = abs(point.latitude) + dLatitude
        guard latitudeMax < 89 else { return false }
        let dLongitude = r / (a * cos(latitudeMax * .pi / 180)) * 180 / .pi
        guard atlas.countries.edgeGrid.noEdgeMeets(south: point.latitude - dLatitude, west: point.longitude - dLongitude,
                                                   north: point.latitude + dLatitude, east: point.longitude + dLongitude) else { return false }
        return result.outlinesCountry == result.side
    }
}

/// How much the distance depends on which border line is believed: the distance to the bundled
/// line and to each alternative line (`data/border-alternatives.geojson`).
public struct DistanceSpread: Sendable {
    /// Largest minus smallest of the distances.
    public var spreadMetres: Double
    /// The distance to each line, by source (`bundled` first).
    public var bySource: [(String, Double)]

    public init(spreadMetres: Double, bySource: [(String, Double)]) {
        self.spreadMetres = spreadMetres
        self.bySource = bySource
    }

    /// The key of the bundled line in `bySource`.
    public static let bundledSource = "bundled"
}
