@testable import BorderAnalysis
import Foundation
import Geodesy
import Testing
import TestSupport

/// The comparison sphere of the disc maximum against GeographicLib (scripts/reference/hinges.py).
@Suite struct HingeWitnessTests {
    static let hinges = Fixtures.repository.appendingPathComponent("Tests/BorderAnalysisTests/Resources/hinges.csv")

    /// Toponogov's hinge comparison: for 2,000 seeded hinges (s 1–1,000 km, ρ ≤ 100 km, in the
    /// region and anywhere within 80° of the equator) the sphere's distance between the hinge's
    /// ends is never below the ellipsoid's (GeographicLib's inverse) and at most 0.4 m above it (0.31 m).
    /// With the ellipsoid's largest curvature instead of its least it falls below in most of them.
    @Test func theSphereBoundsTheEllipsoidsDistanceFromAbove() throws {
        let rows = try Fixtures.csv(Self.hinges)
        #expect(rows.count == 2000)
        var largestExcess = 0.0
        for row in rows {
            func value(_ key: String) -> Double { Double(row[key]!)! }
            let witness = HingeWitness(distance: value("s_m"), azimuth: value("azi_x") * .pi / 180,
                                       coordinate: Coordinate(longitude: 0, latitude: 0))
            let seen = witness.seen(from: SpherePoint(rho: value("rho_m"), theta: value("azi_q") * .pi / 180))
            let excess = seen.distance - value("qx_m")
            #expect(excess >= 0, "\(row): the sphere's \(seen.distance) m is below the ellipsoid's")
            largestExcess = max(largestExcess, excess)
        }
        #expect(largestExcess <= 0.4, "largest excess \(largestExcess) m")
    }

    /// The gradient `seen` returns is the sphere distance's own: its radial and tangential
    /// components equal central differences of that distance, written here independently by the
    /// spherical law of cosines (10 m steps; on the sphere an arc h along the circle of radius ρ
    /// turns the azimuth by h·k/sin(kρ)), and it is a unit vector.
    @Test func theGradientIsTheSphereDistancesDerivative() {
        var generator = SplitMix64(seed: testSeed(14))
        func uniform(_ range: ClosedRange<Double>) -> Double { range.lowerBound + generator.unit() * (range.upperBound - range.lowerBound) }
        let k = HingeWitness.curvature, h = 10.0
        for _ in 0..<2_000 {
            let witness = HingeWitness(distance: uniform(5_000...1_000_000), azimuth: uniform(-Double.pi...Double.pi),
                                       coordinate: Coordinate(longitude: 0, latitude: 0))
            let rho = uniform(2_000...100_000), theta = uniform(-Double.pi...Double.pi)
            let seen = witness.seen(from: SpherePoint(rho: rho, theta: theta))
            let s = witness.distance, azimuth = witness.azimuth
            func distance(_ rho: Double, _ theta: Double) -> Double {
                acos(cos(k * rho) * cos(k * s) + sin(k * rho) * sin(k * s) * cos(azimuth - theta)) / k
            }
            let radial = (distance(rho + h, theta) - distance(rho - h, theta)) / (2 * h)
            let turn = h * k / sin(k * rho)
            let tangential = (distance(rho, theta + turn) - distance(rho, theta - turn)) / (2 * h)
            let (radialError, tangentialError) = (abs(seen.radial - radial), abs(seen.tangential - tangential))
            #expect(radialError <= 1e-4 && tangentialError <= 1e-4, "gradient \(seen) vs differences \(radial), \(tangential)")
            let norm = seen.radial * seen.radial + seen.tangential * seen.tangential
            #expect(abs(norm - 1) <= 1e-12)
        }
    }
}
