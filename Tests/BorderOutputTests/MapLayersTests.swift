import TestSupport
@testable import BorderAnalysis
@testable import BorderOutput
import Foundation
import Testing
import Geodesy

@Suite struct MapLayersTests {
    /// Coverage given as a value: one covered stretch at km 10–20 splits the border into
    /// unfenced 0–10, fenced 10–20, unfenced 20–end, with gaps at both unfenced stretches.
    @Test func coverageSplitsTheBorderIntoFencedAndUnfencedStretches() throws {
        let atlas = try Fixtures.atlas()
        let length = atlas.border.lengthKilometres
        let coverage = CoverageFigures(borderKilometres: length, coveredKilometres: 10, coveragePercent: 1000 / length,
                                       covered: [ChainageStretch(startKilometres: 10, endKilometres: 20)],
                                       gaps: [ChainageStretch(startKilometres: 0, endKilometres: 10), ChainageStretch(startKilometres: 20, endKilometres: length)],
                                       sectors: [], timeline: [], caveat: "test")
        let map = MapInput(border: atlas.border, places: [], regions: [], fence: [], incidents: [], bands: [], coverage: coverage)
        let features = MapLayers.features(map)
        let border = features.filter { $0.layer == "border" }
        #expect(border.map { $0.property("fenced") } == [.bool(false), .bool(true), .bool(false)])
        #expect(border.map { $0.property("start_km") } == [.fixed(0, decimals: 3), .fixed(10, decimals: 3), .fixed(20, decimals: 3)])
        #expect(features.filter { $0.layer == "gap" }.count == 2)
        // The fenced stretch starts and ends at the border points 10 km and 20 km along it.
        guard case .lineString(let line) = border[1].geometry else { Issue.record("not a line"); return }
        #expect(line.first == atlas.border.line.point(atChainage: 10_000) && line.last == atlas.border.line.point(atChainage: 20_000))
        let measured = Geodesic.wgs84.length(of: line)
        #expect(abs(measured - 10_000) < 0.01)
    }
}

@Suite struct MapLayersBandTests {
    /// Bands given as values (inner first, as DistanceBands.build makes them) are written outer
    /// first, each with its own limits, polygons and error to one decimal, and incidents get the
    /// smallest band holding their distance: 10 km exactly is in the 10 km band.
    @Test func bandFeaturesCarryTheirOwnLimitsAndError() throws {
        let atlas = try Fixtures.atlas()
        let square = [[[Coordinate(longitude: 61, latitude: 27), Coordinate(longitude: 61.1, latitude: 27),
                        Coordinate(longitude: 61.1, latitude: 27.1), Coordinate(longitude: 61, latitude: 27)]]]
        let bands = [DistanceBand(innerKilometres: 0, outerKilometres: 10, polygons: square, maxErrorMetres: 0.54),
                     DistanceBand(innerKilometres: 10, outerKilometres: 25, polygons: [], maxErrorMetres: 2.16)]
        let map = MapInput(border: atlas.border, places: [], regions: [], fence: [], incidents: [], bands: bands)
        let features = MapLayers.features(map).filter { $0.layer == "band" }
        #expect(features.map { $0.property("outer_km") } == [PropertyValue.number(25), .number(10)] as [PropertyValue?])
        #expect(features.map { $0.property("band_km") } == [PropertyValue.number(25), .number(10)] as [PropertyValue?])
        #expect(features.map { $0.property("inner_km") } == [PropertyValue.number(10), .number(0)] as [PropertyValue?])
        #expect(features.map { $0.property("max_error_m") } == [PropertyValue.fixed(2.16, decimals: 1), .fixed(0.54, decimals: 1)] as [PropertyValue?])
        guard case .multiPolygon(let polygons) = features.last?.geometry else { Issue.record("not a MultiPolygon"); return }
        #expect(polygons == square)
        #expect(DistanceBands.band(forKilometres: 10, kilometres: [25, 10]) == 10)
        #expect(DistanceBands.band(forKilometres: 10.001, kilometres: [10, 25]) == 25)
        #expect(DistanceBands.band(forKilometres: 25.001, kilometres: [10, 25]) == nil)
    }
}
