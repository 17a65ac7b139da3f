import TestSupport
import Testing
@testable import Geodesy

/// The chord-pruned search against measuring every point (GeographicLib's inverse, the library
/// oracle): the same point, distance and azimuth, including near ties the chord ranks the wrong way.
@Suite struct GeodesicPointSetTests {
    func bruteForce(_ points: [Coordinate], _ target: Coordinate) -> (index: Int, distance: Double, azimuth: Double) {
        points.indices.map { index -> (index: Int, distance: Double, azimuth: Double) in
            let solution = Geodesic.wgs84.distanceAndAzimuths(points[index], target)
            return (index, solution.distance, solution.azimuth1)
        }.min { $0.distance < $1.distance }!
    }

    @Test func agreesWithMeasuringEveryPoint() {
        let seed = testSeed(7)
        var random = SplitMix64(seed: seed)
        func next(_ range: ClosedRange<Double>) -> Double { range.lowerBound + random.unit() * (range.upperBound - range.lowerBound) }
        for _ in 0..<200 {
            let points = (0..<Int(next(1...40))).map { _ in Coordinate(longitude: next(58...67), latitude: next(24...31.5)) }
            let set = GeodesicPointSet(points)
            for _ in 0..<20 {
                let target = Coordinate(longitude: next(55...70), latitude: next(20...35))
                let found = set.nearest(to: target)!, expected = bruteForce(points, target)
                #expect(found.distance == expected.distance && found.azimuth == expected.azimuth, "seed \(seed)")
                // The enclosed answer names the same point, and its enclosures hold the exact values.
                switch set.nearestEnclosed(to: target)! {
                case .exact(let index, let distance, let azimuth):
                    #expect(index == expected.index && distance == expected.distance && azimuth == expected.azimuth)
                case .enclosed(let index, let distance, let azimuth):
                    #expect(index == expected.index && distance.contains(expected.distance), "seed \(seed)")
                    if let azimuth { #expect(GeodesicEnclosureTests.contains(azimuth, expected.azimuth), "seed \(seed)") }
                }
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
