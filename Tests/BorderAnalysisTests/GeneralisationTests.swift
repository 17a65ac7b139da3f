import TestSupport
import BorderAnalysis
import Foundation
import Testing
@testable import Geodesy

@Suite struct GeneralisationTests {
    /// Reference: ../shared/reference/border-sources/REPORT.md (pyproj/shapely, UTM 41N), to 0.1 km.
    @Test func lengthsMatchTheIndependentMeasurement() throws {
        let lengths = try Generalisation.lengths(of: Fixtures.border().line, tolerances: [0, 25, 50, 100, 250, 500, 1000])
        let expected = [1023.0, 992.8, 978.2, 960.6, 930.3, 905.6, 871.2]
        for (length, reference) in zip(lengths, expected) {
            #expect(abs(length.lengthKilometres - reference) <= 0.05 + 1e-9, "\(length.toleranceMetres) m: \(length.lengthKilometres) vs \(reference)")
        }
        #expect(lengths[0].vertexCount == 16_865)
    }

    /// A zigzag whose peaks stand 10 m off the base line: kept at 5 m, dropped at 20 m.
    @Test func douglasPeuckerKeepsOnlyPeaksAboveTheTolerance() {
        let points = (0...10).map { PlanarPoint(x: Double($0) * 100, y: $0 % 2 == 0 ? 0 : 10) }
        #expect(DouglasPeucker.keptIndices(points, tolerance: 5) == Array(0...10))
        #expect(DouglasPeucker.keptIndices(points, tolerance: 20) == [0, 10])
    }
}
