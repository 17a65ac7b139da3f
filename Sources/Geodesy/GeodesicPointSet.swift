/// A few named positions (towns, crossings) with an exact nearest-neighbour query.
public struct GeodesicPointSet: Sendable {
    public let points: [Coordinate]
    private let vectors: [Vector3]
    private let geodesic: Geodesic

    public init(_ points: [Coordinate], geodesic: Geodesic = .wgs84) {
        self.points = points
        self.geodesic = geodesic
        vectors = points.map { Vector3($0, on: geodesic) }
    }

    /// The nearest point by geodesic distance, with that distance (metres) and the azimuth from it
    /// to `target`. Candidates are ranked by 3-D chord c, which never exceeds the geodesic s; and a
    /// geodesic with normal curvature at most κ exceeds its chord by at most κ²s³/24 (Schur's
    /// comparison). So only points whose chord is within that excess of the best chord can be
    /// nearer, and only they are measured exactly: usually one.
    public func nearest(to target: Coordinate) -> (index: Int, distance: Double, azimuth: Double)? {
        guard !points.isEmpty else { return nil }
        let p = Vector3(target, on: geodesic)
        // Squares (one square root a query, not one a point), and the runner-up: when it is beyond
        // the limit, the nearest chord's point is the only candidate and the second pass is skipped.
        var (bestSquaredChord, runnerUpSquaredChord, bestIndex) = (Double.infinity, Double.infinity, 0)
        for (index, vector) in vectors.enumerated() {
            let squaredChord = (vector - p).squaredLength
            if squaredChord < bestSquaredChord {
                (runnerUpSquaredChord, bestSquaredChord, bestIndex) = (bestSquaredChord, squaredChord, index)
            } else if squaredChord < runnerUpSquaredChord {
                runnerUpSquaredChord = squaredChord
            }
        }
        let limit = Self.longestChordPossiblyNearer(than: bestSquaredChord.squareRoot())
        let squaredLimit = limit * limit
        guard runnerUpSquaredChord <= squaredLimit else {
            let solution = geodesic.distanceAndAzimuths(points[bestIndex], target)
            return (bestIndex, solution.distance, solution.azimuth1)
        }
        var best: (index: Int, distance: Double, azimuth: Double)? = nil
        for (index, vector) in vectors.enumerated() where (vector - p).squaredLength <= squaredLimit {
            let solution = geodesic.distanceAndAzimuths(points[index], target)
            if best == nil || solution.distance < best!.distance {
                best = (index, solution.distance, solution.azimuth1)
            }
        }
        return best
    }

    /// Beyond 1,500 km of chord the bound is not used (s ≤ 1.01·c holds below it) and every point is measured.
    static func longestChordPossiblyNearer(than chord: Double) -> Double {
        guard chord <= 1_500_000 else { return .infinity }
        let s = 1.01 * chord, kappa = SegmentIndex.maxCurvature
        return chord + kappa * kappa * s * s * s / 24 + 1e-9 * chord + 1e-6
    }
}
