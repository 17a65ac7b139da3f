@testable import BorderAnalysis
import Foundation
import Testing
import TestSupport

/// The disc maximum's bounds against GeographicLib (scripts/reference/circle_curvatures.py).
@Suite struct DiscMaximumTests {
    static let curvatures = Fixtures.repository.appendingPathComponent("Tests/BorderAnalysisTests/Resources/circle-curvatures.csv")

    /// `leastCircleCurvature` bounds the geodesic curvature M21/m12 of every geodesic circle from
    /// below: centres from the equator (where the Gaussian curvature is largest, 1/b², and the
    /// circles curve least) to the pole, every direction, 1 km to 3,000 km. Built with the least
    /// curvature b²/a⁴ instead, the bound lies above the equator's circles by up to 0.11 %. It is
    /// also tight: within 0.5 % of every circle's curvature, so a bound of 0 would not pass.
    @Test func circleCurvatureIsBoundedFromBelow() throws {
        let rows = try Fixtures.csv(Self.curvatures)
        #expect(rows.count >= 500)
        for row in rows {
            let rho = Double(row["rho_m"]!)!, curvature = Double(row["curvature"]!)!
            let bound = PolarCell.leastCircleCurvature(radius: rho)
            let where_ = "lat \(row["lat"]!) azi \(row["azi"]!) rho \(rho)"
            #expect(bound <= curvature * (1 + 1e-12), "\(where_): bound \(bound) above \(curvature)")
            #expect(bound >= curvature * 0.995, "\(where_): bound \(bound) far below \(curvature)")
        }
    }
}
