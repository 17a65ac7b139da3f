@testable import BorderAnalysis
import BorderModel
import Foundation
import Geodesy
import TestSupport
import Testing

/// The nearest place as printed: whether the geodesic was solved or only enclosed, every figure
/// an output shows (the kilometres to three decimals, the description's figure, "at", the compass
/// point) is that of the exact solution to the place that is nearest by brute force (GeographicLib's
/// inverse to every place, the library oracle).
@Suite struct NearestPlaceTests {
    static let atlas = Result { try Atlas.load(from: URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("data"), edgeCache: nil) }

    func expectPrintedAsExact(_ points: [Coordinate], seed: UInt64) throws {
        let atlas = try Self.atlas.get()
        let analyzer = try DistanceAnalyzer(atlas: atlas)
        for point in points {
            let exact = atlas.places.indices.map { Geodesic.wgs84.distanceAndAzimuths(atlas.places[$0].coordinate, point) }
            let nearest = exact.indices.min { exact[$0].distance < exact[$1].distance }!
            let found = try #require(analyzer.nearestPlace(to: point))
            #expect(found.place.id == atlas.places[nearest].id, "\(point), seed \(seed)")
            #expect(PlaceBearing.Figures(distanceMetres: found.distanceMetres, azimuth: found.azimuth)
                        == PlaceBearing.Figures(distanceMetres: exact[nearest].distance, azimuth: exact[nearest].azimuth1),
                    "\(point): \(found.distanceMetres) m, \(found.azimuth)° against \(exact[nearest]), seed \(seed)")
        }
    }

    /// Uniform over the bundled region, as the benchmark's points: most are settled without a geodesic.
    @Test func uniformPointsPrintAsTheExactSolution() throws {
        let seed = testSeed(5)
        var random = SplitMix64(seed: seed)
        try expectPrintedAsExact((0..<60_000).map { _ in
            Coordinate(longitude: 58 + 9 * random.unit(), latitude: 24 + 7.5 * random.unit())
        }, seed: seed)
    }

    /// Where the figures change: around 50 m ("at"), at whole metres, at 100 km (one decimal to
    /// none) and on compass boundaries (11.25° + k·22.5°), round every place.
    @Test func pointsOnTheThresholdsPrintAsTheExactSolution() throws {
        let seed = testSeed(6)
        var random = SplitMix64(seed: seed)
        let places = try Self.atlas.get().places
        var points: [Coordinate] = []
        for place in places {
            for metres in [0.4, 3, 49.9, 50.0, 50.1, 1_000.5, 12_345.5, 99_949.99, 99_950.01, 99_999.9, 100_000.1] {
                for k in 0..<16 {
                    let azimuth = 11.25 + 22.5 * Double(k) + (random.unit() - 0.5) * 1e-3
                    points.append(Geodesic.wgs84.direct(from: place.coordinate, azimuth: azimuth, distance: metres))
                }
            }
        }
        try expectPrintedAsExact(points, seed: seed)
    }
}
