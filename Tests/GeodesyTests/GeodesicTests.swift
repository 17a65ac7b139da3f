import Testing
@testable import Geodesy

/// Reference values: GeographicLib 2.x in Python (`Geodesic.WGS84.Inverse`), and hand calculation.
@Suite struct GeodesicTests {
    let taftan = Coordinate(longitude: 61.59, latitude: 28.97)
    let gwadar = Coordinate(longitude: 62.32, latitude: 25.12)

    @Test func inverseMatchesGeographicLib() {
        let solution = Geodesic.wgs84.inverse(taftan, gwadar)
        #expect(abs(solution.distance - 432_697.7831383995) < 1e-6)
        #expect(abs(solution.azimuth1 - 170.1963340832793) < 1e-9)
        #expect(abs(solution.azimuth2 - 170.5284495674707) < 1e-9)
    }

    @Test func oneDegreeOfEquatorIsAPiOver180() {
        // Along the equator a geodesic is the equator itself: a·π/180 metres per degree.
        let distance = Geodesic.wgs84.inverse(Coordinate(longitude: 1, latitude: 0), Coordinate(longitude: 2, latitude: 0)).distance
        #expect(abs(distance - 6_378_137 * Double.pi / 180) < 1e-6)
    }

    @Test func directReturnsToTheInverseEnd() {
        let solution = Geodesic.wgs84.inverse(taftan, gwadar)
        let end = Geodesic.wgs84.direct(from: taftan, azimuth: solution.azimuth1, distance: solution.distance)
        #expect(abs(end.latitude - gwadar.latitude) < 1e-11)
        #expect(abs(end.longitude - gwadar.longitude) < 1e-11)
    }

    @Test func segmentPositionsLieOnTheGeodesic() {
        let segment = Geodesic.wgs84.segment(from: taftan, to: gwadar)
        #expect(abs(segment.length - 432_697.7831383995) < 1e-6)
        let middle = segment.position(at: segment.length / 2).coordinate
        let first = Geodesic.wgs84.inverse(taftan, middle).distance
        let second = Geodesic.wgs84.inverse(middle, gwadar).distance
        #expect(abs(first - segment.length / 2) < 1e-6)
        #expect(abs(second - segment.length / 2) < 1e-6)
    }
}
