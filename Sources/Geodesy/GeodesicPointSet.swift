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
    /// to `target`. Candidates are ranked by 3-D chord, which orders geodesic distances except for
    /// near-ties (the arc/chord ratio changes with direction by well under 0.1 %); every candidate
    /// within 0.5 % of the best chord is then measured exactly.
    public func nearest(to target: Coordinate) -> (index: Int, distance: Double, azimuth: Double)? {
        guard !points.isEmpty else { return nil }
        let p = Vector3(target, on: geodesic)
        let chords = vectors.map { ($0 - p).length }
        let limit = chords.min()! * 1.005 + 1
        var best: (index: Int, distance: Double, azimuth: Double)? = nil
        for (index, chord) in chords.enumerated() where chord <= limit {
            let solution = geodesic.inverse(points[index], target)
            if best == nil || solution.distance < best!.distance {
                best = (index, solution.distance, solution.azimuth1)
            }
        }
        return best
    }
}
