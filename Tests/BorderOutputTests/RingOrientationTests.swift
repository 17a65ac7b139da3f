@testable import BorderOutput
import Testing
import Geodesy

@Suite struct GeoJSONTextTests {
    /// A clockwise unit square with a counter-clockwise triangular hole: both come out reversed
    /// (closing position dropped, ring reversed, closed again).
    @Test func clockwiseExteriorsAndCounterClockwiseHolesAreReversed() {
        let clockwise = [Coordinate(longitude: 0, latitude: 0), Coordinate(longitude: 0, latitude: 1),
                         Coordinate(longitude: 1, latitude: 1), Coordinate(longitude: 1, latitude: 0), Coordinate(longitude: 0, latitude: 0)]
        let hole = [Coordinate(longitude: 0.2, latitude: 0.2), Coordinate(longitude: 0.8, latitude: 0.2),
                    Coordinate(longitude: 0.8, latitude: 0.8), Coordinate(longitude: 0.2, latitude: 0.2)]
        let text = GeoJSONText(precision: 1).geometry(.polygon([clockwise, hole]))
        #expect(text == #"{"type":"Polygon","coordinates":[[[1,0],[1,1],[0,1],[0,0],[1,0]],[[0.8,0.8],[0.8,0.2],[0.2,0.2],[0.8,0.8]]]}"#)
    }

    @Test func featuresAlwaysHaveProperties() {
        let feature = MapFeature(geometry: .point(Coordinate(longitude: 61.1234567, latitude: -0.0000001)), properties: [])
        #expect(GeoJSONText(precision: 6).feature(feature) == #"{"type":"Feature","geometry":{"type":"Point","coordinates":[61.123457,0]},"properties":{}}"#)
    }
}
