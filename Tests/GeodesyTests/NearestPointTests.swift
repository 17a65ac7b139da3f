import Testing
@testable import Geodesy

/// Constructions with known answers: the equator is a geodesic, and meridians cross it at right
/// angles, so the nearest point on an equatorial line to (λ, φ) is (λ, 0) at the meridian arc
/// length from 0 to φ (GeographicLib: 11,057.427694902271 m for 0.1°).
@Suite struct NearestPointTests {
    let equator: GeodesicPolyline
    init() throws {
        equator = try GeodesicPolyline([Coordinate(longitude: 0, latitude: 0),
                                       Coordinate(longitude: 0.5, latitude: 0),
                                       Coordinate(longitude: 1, latitude: 0)])
    }
    let metresPerDegree = 6_378_137 * Double.pi / 180

    @Test func footOfAMeridian() {
        let nearest = equator.nearestPoint(to: Coordinate(longitude: 0.3, latitude: 0.1))
        #expect(abs(nearest.distance - 11_057.427694902271) < 1e-6)
        #expect(abs(nearest.coordinate.longitude - 0.3) < 1e-10)
        #expect(abs(nearest.coordinate.latitude) < 1e-10)
        #expect(abs(nearest.chainage - 0.3 * metresPerDegree) < 1e-6)
        #expect(nearest.side == .left)     // facing east, north is on the left
        #expect(!nearest.isAtEnd)
    }

    @Test func beyondTheEndIsTheEndVertex() {
        let nearest = equator.nearestPoint(to: Coordinate(longitude: 2, latitude: 0))
        #expect(abs(nearest.distance - metresPerDegree) < 1e-6)
        #expect(nearest.coordinate == Coordinate(longitude: 1, latitude: 0))
        #expect(nearest.isAtEnd)
        #expect(nearest.side == nil)
    }

    @Test func southOfTheLineIsOnTheRight() {
        let nearest = equator.nearestPoint(to: Coordinate(longitude: 0.5, latitude: -0.1))
        #expect(abs(nearest.distance - 11_057.427694902271) < 1e-6)
        #expect(nearest.side == .right)
    }

    @Test func pointOnTheLine() {
        let nearest = equator.nearestPoint(to: Coordinate(longitude: 0.75, latitude: 0))
        #expect(nearest.distance < 1e-9)
        #expect(abs(nearest.chainage - 0.75 * metresPerDegree) < 1e-6)
    }

    @Test func chainageAndSubline() {
        #expect(abs(equator.length - metresPerDegree) < 1e-6)
        let point = equator.point(atChainage: 50_000)
        #expect(abs(point.longitude - 50_000 / metresPerDegree) < 1e-12)
        let part = equator.subline(from: 20_000, to: 80_000)
        #expect(part.count == 3)                           // two cut ends and the vertex at 0.5°
        #expect(part[1] == Coordinate(longitude: 0.5, latitude: 0))
    }

    @Test func sideAtAVertexUsesBothEdges() {
        // Heading south then turning east: a point to the north-east lies inside the turn (left).
        #expect(GeodesicPolyline.side(incoming: 180, outgoing: 90, towards: 45) == .left)
        #expect(GeodesicPolyline.side(incoming: 180, outgoing: 90, towards: 225) == .right)
        #expect(GeodesicPolyline.side(incoming: 180, outgoing: 180, towards: 90) == .left)
        #expect(GeodesicPolyline.side(incoming: 180, outgoing: 180, towards: 270) == .right)
    }

    @Test func rejectsDegenerateInput() {
        #expect(throws: GeometryError.self) { try GeodesicPolyline([Coordinate(longitude: 0, latitude: 0)]) }
        #expect(throws: GeometryError.self) {
            try GeodesicPolyline([Coordinate(longitude: 0, latitude: 0), Coordinate(longitude: 0, latitude: 95)])
        }
    }
}
