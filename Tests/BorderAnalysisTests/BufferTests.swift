import BorderAnalysis
import Foundation
import Testing
@testable import Geodesy

@Suite struct BufferTests {
    /// Along the equator the buffer's edge lies on the parallel whose meridian arc from the
    /// equator is the buffer distance: 10 km ↔ 10,000 / (a(1−e²)) rad = 0.0904369° (WGS84,
    /// meridian radius of curvature at the equator 6,335,439.327 m).
    @Test func equatorSegmentBufferReachesTheRightParallel() throws {
        let line = try GeodesicPolyline([Coordinate(longitude: 0, latitude: 0), Coordinate(longitude: 1, latitude: 0)])
        let buffer = try line.buffer(distance: 10_000, projection: "EPSG:32631")
        #expect(buffer.maxError < 0.5)
        let ring = buffer.polygons[0][0]
        let top = ring.filter { abs($0.longitude - 0.5) < 0.01 }.map(\.latitude).max()!
        #expect(abs(top - 10_000 / 6_335_439.327 * 180 / .pi) < 1e-6)
        // Round cap: the westmost point is 10 km west of (0, 0) along the equator (a = 6,378,137 m).
        let west = ring.map(\.longitude).min()!
        #expect(abs(west + 10_000 / 6_378_137 * 180 / .pi) < 1e-6)
    }

    @Test func borderBandsAreCloseToTheGeodesicDistance() throws {
        let line = try Fixtures.border().line
        let buffer = try line.buffer(distance: 25_000, projection: "EPSG:32641")
        #expect(buffer.maxError < 3)
        // Probes 100 m inside and outside the band, on the normal at several chainages; an outside
        // probe counts only where the exact distance confirms it is beyond 25 km (the line bends).
        let context = GEOSContext()
        let polygon = try Geometry(polygons: buffer.polygons, context: context).prepared()
        var outsideProbes = 0
        for km in stride(from: 25.0, through: 1000, by: 25) {
            let foot = line.point(atChainage: km * 1000)
            let along = line.geodesic.inverse(foot, line.point(atChainage: km * 1000 + 10)).azimuth1
            for side in [90.0, -90.0] {
                #expect(try polygon.covers(line.geodesic.direct(from: foot, azimuth: along + side, distance: 24_900)))
                let outside = line.geodesic.direct(from: foot, azimuth: along + side, distance: 25_100)
                if line.nearestPoint(to: outside).distance > 25_050 {
                    outsideProbes += 1
                    #expect(try !polygon.covers(outside), "km \(km)")
                }
            }
        }
        #expect(outsideProbes >= 5)
    }
}
