import Foundation

/// The set of points within `distance` metres (WGS84 geodesic) of a polyline, as lon/lat polygons.
///
/// GEOS buffers the line in a local metric projection (robust topology, but off by the
/// projection's scale error, up to ~0.1 % in a UTM zone). Every vertex of that outline is then
/// moved along the geodesic from its exact nearest border point to exactly `distance`; edges
/// whose midpoint still misses are split and snapped again. `maxError` is measured afterwards:
/// the largest |geodesic distance − `distance`| over all vertices and the ¼, ½, ¾ points of every
/// edge (edges are straight in lon/lat, as RFC 7946 draws them).
public struct GeodesicBuffer: Sendable {
    public var distance: Double
    /// Each polygon: exterior ring, then holes; closed rings, winding as GEOS made it.
    public var polygons: [[[Coordinate]]]
    /// Largest measured deviation of the outline from the true geodesic buffer's boundary, metres.
    public var maxError: Double
    public var vertexCount: Int { polygons.reduce(0) { $0 + $1.reduce(0) { $0 + $1.count } } }
}

extension GeodesicPolyline {
    /// - Parameters:
    ///   - projection: a metric CRS for the first, planar pass (e.g. "EPSG:32641", UTM 41N).
    ///   - spacing: largest distance between outline vertices before snapping, metres.
    ///   - tolerance: an edge whose midpoint misses by more is split (at most `maxSplits` times).
    public func buffer(distance: Double, projection: String, spacing: Double = 250,
                       tolerance: Double = 0.5, maxSplits: Int = 12) throws -> GeodesicBuffer {
        let proj = try ProjContext()
        let forward = try Transformation(from: "EPSG:4326", to: projection, context: proj)
        let inverse = try Transformation(from: projection, to: "EPSG:4326", context: proj)
        let geos = GEOSContext()
        let projected = try vertices.map(forward.project)
        let planar = try Geometry(lineString: projected, context: geos).buffer(distance, quadrantSegments: 32).densified(spacing)
        var worst = 0.0
        let polygons = try planar.polygons(of: PlanarPoint.self).map { rings in
            try rings.map { ring -> [Coordinate] in
                let lonLat = try ring.dropLast().map { snap(try inverse.geographic($0), to: distance) }
                var refined: [Coordinate] = []
                refined.reserveCapacity(lonLat.count * 2)
                for (index, a) in lonLat.enumerated() {
                    refined.append(a)
                    refine(a, lonLat[(index + 1) % lonLat.count], distance, tolerance, maxSplits, into: &refined)
                }
                for (index, a) in refined.enumerated() {
                    let b = refined[(index + 1) % refined.count]
                    for t in [0.0, 0.25, 0.5, 0.75] {
                        let p = Coordinate(longitude: a.longitude + t * (b.longitude - a.longitude),
                                           latitude: a.latitude + t * (b.latitude - a.latitude))
                        worst = max(worst, abs(nearestPoint(to: p).distance - distance))
                    }
                }
                return refined + [refined[0]]
            }
        }
        // Snapping moves vertices by metres; buffer(0) repairs any ring that now touches itself.
        let cleaned = try Geometry(polygons: polygons, context: geos)
        let valid = try cleaned.isValid ? polygons : try cleaned.buffer(0).polygons
        return GeodesicBuffer(distance: distance, polygons: valid, maxError: worst)
    }

    /// The point at exactly `distance` from the line on the geodesic from its foot through `point`.
    func snap(_ point: Coordinate, to distance: Double) -> Coordinate {
        let foot = nearestPoint(to: point)
        guard foot.distance > 0 else { return point }
        let azimuth = geodesic.inverse(foot.coordinate, point).azimuth1
        return geodesic.direct(from: foot.coordinate, azimuth: azimuth, distance: distance)
    }

    /// Appends snapped points between `a` and `b` (exclusive) while the chord misses at its ¼, ½
    /// or ¾ point (the quarter points find corners where two arcs of the outline meet): the chord
    /// is halved, so each level shortens it whatever the snapped point does.
    private func refine(_ a: Coordinate, _ b: Coordinate, _ distance: Double, _ tolerance: Double,
                        _ splits: Int, into points: inout [Coordinate]) {
        guard splits > 0 else { return }
        let misses = [0.5, 0.25, 0.75].contains { t in
            let p = Coordinate(longitude: a.longitude + t * (b.longitude - a.longitude),
                               latitude: a.latitude + t * (b.latitude - a.latitude))
            return abs(nearestPoint(to: p).distance - distance) > tolerance
        }
        guard misses else { return }
        let middle = Coordinate(longitude: (a.longitude + b.longitude) / 2, latitude: (a.latitude + b.latitude) / 2)
        let snapped = snap(middle, to: distance)
        refine(a, snapped, distance, tolerance, splits - 1, into: &points)
        points.append(snapped)
        refine(snapped, b, distance, tolerance, splits - 1, into: &points)
    }
}
