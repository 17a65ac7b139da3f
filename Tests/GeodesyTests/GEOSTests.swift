import Testing
@testable import Geodesy

@Suite struct GEOSTests {
    @Test func badWKTThrowsGEOSMessage() throws {
        let context = GEOSContext()
        #expect {
            _ = try Geometry(wkt: "POINT (1", context: context)
        } throws: { error in
            guard case GeometryError.geos(let message) = error else { return false }
            return message.contains("ParseException")   // GEOS's own text, not ours
        }
    }

    @Test func badGeoJSONThrowsGEOSMessage() {
        let context = GEOSContext()
        #expect {
            _ = try Geometry(geoJSON: "{\"type\":\"Point\",\"coordinates\":[1,", context: context)
        } throws: { error in
            guard case GeometryError.geos(let message) = error else { return false }
            return !message.isEmpty && !message.contains("cannot read GeoJSON")
        }
    }

    @Test func wktAndGeoJSONRoundTrip() throws {
        let context = GEOSContext()
        let square = try Geometry(wkt: "POLYGON ((0 0, 1 0, 1 1, 0 1, 0 0))", context: context)
        #expect(try square.typeName == "Polygon")
        #expect(try square.planarArea == 1)
        let again = try Geometry(geoJSON: try square.geoJSON, context: context)
        #expect(try again.wkt == "POLYGON ((0 0, 1 0, 1 1, 0 1, 0 0))")
    }

    @Test func invalidPolygonReasonComesFromGEOS() throws {
        let bowtie = try Geometry(wkt: "POLYGON ((0 0, 1 1, 1 0, 0 1, 0 0))", context: GEOSContext())
        #expect(try bowtie.validityReason.hasPrefix("Self-intersection"))
    }

    @Test func preparedPolygonCoversPoints() throws {
        let square = try Geometry(wkt: "POLYGON ((60 25, 62 25, 62 27, 60 27, 60 25))", context: GEOSContext()).prepared()
        #expect(try square.covers(Coordinate(longitude: 61, latitude: 26)))
        #expect(try square.covers(Coordinate(longitude: 60, latitude: 26)))      // boundary
        #expect(try !square.covers(Coordinate(longitude: 63, latitude: 26)))
    }

    @Test func setOperations() throws {
        let context = GEOSContext()
        let a = try Geometry(wkt: "POLYGON ((0 0, 2 0, 2 2, 0 2, 0 0))", context: context)
        let b = try Geometry(wkt: "POLYGON ((1 0, 3 0, 3 2, 1 2, 1 0))", context: context)
        #expect(try a.intersection(b).planarArea == 2)
        #expect(try a.union(b).planarArea == 6)
        #expect(try a.difference(b).planarArea == 2)
    }
}
