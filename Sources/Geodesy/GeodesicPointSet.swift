/// A few named positions (towns, crossings) with an exact nearest-neighbour query.
public struct GeodesicPointSet: Sendable {
    public let points: [Coordinate]
    private let surfacePoints: [SurfacePoint]
    private let geodesic: Geodesic

    public init(_ points: [Coordinate], geodesic: Geodesic = .wgs84) {
        self.points = points
        self.geodesic = geodesic
        surfacePoints = points.map { SurfacePoint($0, on: geodesic) }
    }

    /// The answer of `nearestEnclosed`.
    public enum Nearest: Sendable {
        /// Several points were close enough in chord to be measured: the nearest, solved exactly.
        case exact(index: Int, distance: Double, azimuth: Double)
        /// The chords alone prove which point is nearest; its geodesic distance (metres) and azimuth
        /// from it to the target (degrees; nil when they are metres apart) lie in these ranges
        /// (`GeodesicEnclosure`). `solve` gives the exact values.
        case enclosed(index: Int, distance: ClosedRange<Double>, azimuth: ClosedRange<Double>?)
    }

    /// The nearest point as `nearest(to:)` finds it, without solving a geodesic when the chords
    /// settle which point it is: then only enclosures of its distance and azimuth, for a caller
    /// whose figures they may already fix (a fraction of the cost of the exact solution).
    public func nearestEnclosed(to target: Coordinate) -> Nearest? {
        guard !points.isEmpty else { return nil }
        let q = SurfacePoint(target, on: geodesic)
        let chords = nearestChord(to: q.vector)
        guard chords.isAlone, let enclosure = GeodesicEnclosure.enclose(from: surfacePoints[chords.index], to: q, geodesic: geodesic) else {
            let exact = nearest(to: target, at: q.vector, chords)
            return .exact(index: exact.index, distance: exact.distance, azimuth: exact.azimuth)
        }
        return .enclosed(index: chords.index, distance: enclosure.distance, azimuth: enclosure.azimuth)
    }

    /// The exact distance from point `index` to `target` and the azimuth from it.
    public func solve(_ index: Int, _ target: Coordinate) -> (distance: Double, azimuth: Double) {
        let solution = geodesic.distanceAndAzimuths(points[index], target)
        return (solution.distance, solution.azimuth1)
    }

    /// The nearest point by geodesic distance, with that distance (metres) and the azimuth from it
    /// to `target`. Candidates are ranked by 3-D chord c, which never exceeds the geodesic s; and a
    /// geodesic with normal curvature at most κ exceeds its chord by at most κ²s³/24 (Schur's
    /// comparison). So only points whose chord is within that excess of the best chord can be
    /// nearer, and only they are measured exactly: usually one.
    public func nearest(to target: Coordinate) -> (index: Int, distance: Double, azimuth: Double)? {
        guard !points.isEmpty else { return nil }
        let p = Vector3(target, on: geodesic)
        return nearest(to: target, at: p, nearestChord(to: p))
    }

    /// The exact search once the chords are ranked: every point within the limit measured.
    private func nearest(to target: Coordinate, at p: Vector3, _ chords: (index: Int, isAlone: Bool, squaredLimit: Double))
        -> (index: Int, distance: Double, azimuth: Double) {
        guard !chords.isAlone else {
            let solution = solve(chords.index, target)
            return (chords.index, solution.distance, solution.azimuth)
        }
        var best = (index: chords.index, distance: Double.infinity, azimuth: 0.0)
        for (index, point) in surfacePoints.enumerated() where (point.vector - p).squaredLength <= chords.squaredLimit {
            let solution = solve(index, target)
            if solution.distance < best.distance { best = (index, solution.distance, solution.azimuth) }
        }
        return best
    }

    /// The point of least chord, whether it is the only one that can be nearest by geodesic
    /// distance, and the squared chord within which others can be. Squares (one square root a query,
    /// not one a point), and the runner-up: when it is
    /// beyond the limit, the nearest chord's point is the only candidate.
    private func nearestChord(to p: Vector3) -> (index: Int, isAlone: Bool, squaredLimit: Double) {
        var (bestSquaredChord, runnerUpSquaredChord, bestIndex) = (Double.infinity, Double.infinity, 0)
        for (index, point) in surfacePoints.enumerated() {
            let squaredChord = (point.vector - p).squaredLength
            if squaredChord < bestSquaredChord {
                (runnerUpSquaredChord, bestSquaredChord, bestIndex) = (bestSquaredChord, squaredChord, index)
            } else if squaredChord < runnerUpSquaredChord {
                runnerUpSquaredChord = squaredChord
            }
        }
        let limit = Self.longestChordPossiblyNearer(than: bestSquaredChord.squareRoot())
        return (bestIndex, runnerUpSquaredChord > limit * limit, limit * limit)
    }

    /// Beyond 1,500 km of chord the bound is not used (s ≤ 1.01·c holds below it) and every point is measured.
    static func longestChordPossiblyNearer(than chord: Double) -> Double {
        guard chord <= 1_500_000 else { return .infinity }
        let s = 1.01 * chord, kappa = SegmentIndex.maxCurvature
        return chord + kappa * kappa * s * s * s / 24 + 1e-9 * chord + 1e-6
    }
}
