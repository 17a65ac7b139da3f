import TestSupport
import BorderAnalysis
import Foundation
import Testing
@testable import Geodesy

@Suite struct BufferTests {
    /// A segment along the equator, buffered by each band distance: every vertex beside the segment
    /// (0° < lon < 1°) lies on the parallel whose meridian arc from the equator is the distance (the
    /// meridian is the shortest way to the equator), and the round cap's westmost vertex lies that
    /// far west of (0, 0) on the equator. Expected values from GeographicLib (Python, Karney's port):
    /// `Geodesic.WGS84.Direct(0, 0.5, 0, d)["lat2"]` and `Direct(0, 0, 270, d)["lon2"]`.
    @Test(arguments: [(10_000.0, 0.09043694695086246, -0.08983152841195215),
                      (25_000.0, 0.2260923574786309, -0.22457882102988042),
                      (50_000.0, 0.45218464425437727, -0.44915764205976083)])
    func equatorSegmentBufferReachesTheRightParallel(distance: Double, parallel: Double, west: Double) throws {
        let line = try GeodesicPolyline([Coordinate(longitude: 0, latitude: 0), Coordinate(longitude: 1, latitude: 0)])
        let buffer = try line.buffer(distance: distance, projection: "EPSG:32631")
        let ring = try #require(buffer.polygons.first?.first)
        let beside = ring.filter { $0.longitude > 0.001 && $0.longitude < 0.999 }
        #expect(beside.filter { $0.latitude > 0 }.count > 100 && beside.filter { $0.latitude < 0 }.count > 100)
        // 1e-9° is 0.1 mm: snapping moves each vertex to the distance exactly.
        let worst = beside.map { abs(abs($0.latitude) - parallel) }.max() ?? .infinity
        #expect(worst < 1e-9, "a vertex beside the segment is \(worst)° off the parallel")
        let westmost = try #require(ring.min { $0.longitude < $1.longitude })
        #expect(abs(westmost.longitude - west) < 1e-9 && abs(westmost.latitude) < 1e-9, "\(westmost)")
    }

    /// Probes 10 m inside and outside each band distance on the border's normal at chainages 25 km
    /// apart. A point d along the normal is within d of the border, so an inside probe must be covered
    /// whatever the program computes; an outside probe counts only where the exact distance confirms
    /// it is beyond (the line bends). Accuracy to the metre, at every vertex: BandProbeTests.
    @Test(arguments: [10_000.0, 25_000.0, 50_000.0])
    func borderBufferHoldsPointsJustInsideAndNotJustOutside(distance: Double) throws {
        let line = try Fixtures.border().line
        let buffer = try line.buffer(distance: distance, projection: "EPSG:32641")
        let context = GEOSContext()
        let polygon = try Geometry(polygons: buffer.polygons, context: context).prepared()
        var outsideProbes = 0
        for km in stride(from: 25.0, through: 1000, by: 25) {
            let foot = line.point(atChainage: km * 1000)
            let along = line.geodesic.inverse(foot, line.point(atChainage: km * 1000 + 10)).azimuth1
            for side in [90.0, -90.0] {
                #expect(try polygon.covers(line.geodesic.direct(from: foot, azimuth: along + side, distance: distance - 10)), "km \(km)")
                let outside = line.geodesic.direct(from: foot, azimuth: along + side, distance: distance + 10)
                if line.nearestPoint(to: outside).distance > distance + 5 {
                    outsideProbes += 1
                    #expect(try !polygon.covers(outside), "km \(km)")
                }
            }
        }
        #expect(outsideProbes >= 5)
    }
}
