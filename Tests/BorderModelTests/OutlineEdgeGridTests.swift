@testable import BorderModel
import Foundation
import Geodesy
import Testing
import TestSupport

/// The edge grid against GEOS: a box that meets no outline edge is one that every prepared
/// country polygon either covers or does not intersect, and the reverse.
@Suite struct OutlineEdgeGridTests {
    @Test func aBoxMeetsNoEdgeExactlyWhenGEOSFindsEachPolygonCoversOrMissesIt() throws {
        let outlines = try Atlas.load(from: DataTests.data, edgeCache: nil).countries
        let context = GEOSContext()
        let polygons = try outlines.outlines.indices.map { try outlines.geometry($0, context: context).prepared() }
        var generator = SplitMix64(seed: testSeed(21))
        var (clear, meeting) = (0, 0)
        for n in 0..<3_000 {
            // The border region, and now and then anywhere around the three countries (or off the grid).
            let wide = n % 5 == 0
            let lon = wide ? 40 + 40 * generator.unit() : 58 + 9 * generator.unit()
            let lat = wide ? 20 + 24 * generator.unit() : 24 + 7.5 * generator.unit()
            let halfLat = 0.002 + 1.5 * generator.unit() * generator.unit(), halfLon = halfLat * (0.8 + 0.6 * generator.unit())
            let (south, west, north, east) = (lat - halfLat, lon - halfLon, lat + halfLat, lon + halfLon)
            let ring = [Coordinate(longitude: west, latitude: south), Coordinate(longitude: east, latitude: south),
                        Coordinate(longitude: east, latitude: north), Coordinate(longitude: west, latitude: north)]
            let box = try Geometry(polygons: [[ring]], context: context)
            let geos = try polygons.allSatisfy { try $0.coversWhole(box) || !$0.intersects(box) }
            let grid = outlines.edgeGrid.noEdgeMeets(south: south, west: west, north: north, east: east)
            #expect(grid == geos, "box \(south) \(west) \(north) \(east): grid \(grid), GEOS \(geos)")
            if grid { clear += 1 } else { meeting += 1 }
        }
        // Both answers, many times: the test is not settled by one of them alone.
        #expect(clear > 500 && meeting > 500, "\(clear) clear, \(meeting) meeting")

        // Boxes holding a whole small ring (an island) well inside them, where no edge reaches the
        // box's border: only the ring's own cells tell that the box is not one country throughout.
        var islands = 0
        for ring in outlines.outlines.flatMap({ $0.polygons.flatMap { $0 } }) {
            let lons = stride(from: 0, to: ring.count, by: 2).map { ring[$0] }, lats = stride(from: 1, to: ring.count, by: 2).map { ring[$0] }
            guard let west = lons.min(), let east = lons.max(), let south = lats.min(), let north = lats.max(),
                  east - west < 0.25, north - south < 0.25 else { continue }
            let box = (south - 0.6, west - 0.6, north + 0.6, east + 0.6)
            let corners = [Coordinate(longitude: box.1, latitude: box.0), Coordinate(longitude: box.3, latitude: box.0),
                           Coordinate(longitude: box.3, latitude: box.2), Coordinate(longitude: box.1, latitude: box.2)]
            let geometry = try Geometry(polygons: [[corners]], context: context)
            let geos = try polygons.allSatisfy { try $0.coversWhole(geometry) || !$0.intersects(geometry) }
            #expect(outlines.edgeGrid.noEdgeMeets(south: box.0, west: box.1, north: box.2, east: box.3) == geos, "island box \(box)")
            #expect(!geos, "a box around a ring cannot be one country throughout")
            islands += 1
        }
        #expect(islands > 20, "\(islands) small rings")
    }
}
