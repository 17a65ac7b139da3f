import BorderFormats
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
