import Testing
@testable import Geodesy

/// The chord-pruned search against measuring every point (GeographicLib's inverse, the library
/// oracle): the same point, distance and azimuth, including near ties the chord ranks the wrong way.
@Suite struct GeodesicPointSetTests {
    /// A small deterministic generator, so a failure names a case that can be run again.
    struct Lcg { var state: UInt64
        mutating func next(_ range: ClosedRange<Double>) -> Double {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return range.lowerBound + Double(state >> 11) / Double(1 << 53) * (range.upperBound - range.lowerBound)
        }
    }

    func bruteForce(_ points: [Coordinate], _ target: Coordinate) -> (index: Int, distance: Double, azimuth: Double) {
        points.indices.map { index -> (index: Int, distance: Double, azimuth: Double) in
            let solution = Geodesic.wgs84.distanceAndAzimuths(points[index], target)
            return (index, solution.distance, solution.azimuth1)
        }.min { $0.distance < $1.distance }!
    }

    @Test func agreesWithMeasuringEveryPoint() {
        var random = Lcg(state: 7)
        for _ in 0..<200 {
            let points = (0..<Int(random.next(1...40))).map { _ in
                Coordinate(longitude: random.next(58...67), latitude: random.next(24...31.5))
            }
            let set = GeodesicPointSet(points)
            for _ in 0..<20 {
                let target = Coordinate(longitude: random.next(55...70), latitude: random.next(20...35))
                let found = set.nearest(to: target)!, expected = bruteForce(points, target)
                #expect(found.distance == expected.distance && found.azimuth == expected.azimuth)
            }
        }
    }

    /// Two points the same geodesic distance from the target to within millimetres, in north–south
    /// and east–west directions (where the chord and the geodesic rank them differently): the
    /// exact measurement must decide.
    @Test func nearTiesAreDecidedExactly() {
        let target = Coordinate(longitude: 62, latitude: 27)
        for metres in [1_000.0, 80_000, 400_000] {
            let north = Geodesic.wgs84.direct(from: target, azimuth: 0, distance: metres)
            for delta in [-0.002, 0.002] {
                let east = Geodesic.wgs84.direct(from: target, azimuth: 90, distance: metres + delta)
                for points in [[north, east], [east, north]] {
                    let found = GeodesicPointSet(points).nearest(to: target)!
                    #expect(found.index == bruteForce(points, target).index, "\(metres) m, \(delta)")
                }
            }
        }
    }
}
