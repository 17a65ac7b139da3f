import Foundation
import Geodesy

/// A border point X seen from the centre P of an uncertainty disc: the length and the azimuth at P
/// of the geodesic P→X. It bounds the distance to X from every point of the disc without solving
/// another geodesic.
///
/// **Toponogov's hinge comparison.** On a complete surface whose Gaussian curvature is at least
/// k² everywhere, take a point Q at geodesic polar coordinates (ρ, θ) about P: the hinge at P of
/// the geodesics P→Q (length ρ, minimal) and P→X (length s, minimal, s ≤ π/k) with angle
/// α = θX − θ between them. Then s(Q, X) is at most the distance between the hinge's ends on the
/// sphere of curvature k² (Cheeger & Ebin, *Comparison Theorems in Riemannian Geometry*, 1975,
/// theorem 2.2 B). WGS84's curvature 1/(MN) is least at the poles, k² = b²/a⁴, so the sphere of
/// radius a²/b (6,399,593.6 m) serves everywhere: its distance between the ends is an upper bound
/// on s(Q, X), hence on the distance from Q to the border. A radial geodesic of the disc
/// (ρ ≤ 1,000 km, `sphereRadiusLimit`) and an inverse solution (s ≤ 20,004 km < π/k) are minimal.
///
/// On that sphere the distance from a point and its gradient are closed forms, so a cell of the
/// disc is bounded by this witness's plane (`PolarCell.plane`) with trigonometry instead of an
/// inverse solution per cell. The sphere's curvature is the surface's least, so its distances
/// exceed the ellipsoid's: by at most 0.31 m in the 2,000 hinges of `HingeWitnessTests` (s up to
/// 1,000 km, ρ ≤ 100 km, against GeographicLib), 0.08 m with s ≤ 200 km in the region — slack
/// inside the 1 m the maximum is found to, which the exact planes (`distanceMax`'s fallback) do
/// not have.
struct HingeWitness {
    /// s(P, X), metres.
    let distance: Double
    /// The azimuth at P of the geodesic P→X, radians.
    let azimuth: Double
    /// X itself, for the exact planes of the fallback.
    let coordinate: Coordinate
    /// sin and cos of k·s and of the azimuth, used for every cell.
    private let sine: Double, cosine: Double
    private let azimuthSine: Double, azimuthCosine: Double

    init(distance: Double, azimuth: Double, coordinate: Coordinate) {
        (self.distance, self.azimuth, self.coordinate) = (distance, azimuth, coordinate)
        (sine, cosine) = (sin(Self.curvature * distance), cos(Self.curvature * distance))
        (azimuthSine, azimuthCosine) = (sin(azimuth), cos(azimuth))
    }

    /// The comparison sphere's curvature k (its radius is 1/k = a²/b).
    static let curvature: Double = {
        let a = Geodesic.wgs84.equatorialRadius, b = a * (1 - Geodesic.wgs84.flattening)
        return b / (a * a)
    }()

    /// The comparison sphere's distance from the point (ρ, θ) to this witness, metres, rounded
    /// up by 1 µm, and the gradient of that distance there as components along the radial
    /// direction (growing ρ) and the tangential one (growing θ): the unit vector continuing the
    /// sphere's geodesic from the witness through the point.
    ///
    /// In the frame whose pole is P and whose first axis is the azimuth θ, the point is
    /// C = (sin ρ′, 0, cos ρ′) and the witness X = (sin s′ cos α, sin s′ sin α, cos s′) (ρ′ = kρ,
    /// s′ = ks, α = θX − θ); the radial and tangential unit vectors at C are (cos ρ′, 0, −sin ρ′)
    /// and (0, 1, 0). X's components along them give both the angle CX (with C·X) and the
    /// direction from C to X, whose opposite is the gradient.
    func seen(from point: SpherePoint) -> (distance: Double, radial: Double, tangential: Double) {
        let (sinRho, cosRho, sinS, cosS) = (point.sine, point.cosine, sine, cosine)
        // cos α and sin α from the angles' own sines and cosines (no trigonometry per cell).
        let cosAlpha = azimuthCosine * point.thetaCosine + azimuthSine * point.thetaSine
        let sinAlpha = azimuthSine * point.thetaCosine - azimuthCosine * point.thetaSine
        let along = sinS * cosAlpha * cosRho - cosS * sinRho        // X · radial
        let across = sinS * sinAlpha                                // X · tangential
        let towards = sinRho * sinS * cosAlpha + cosRho * cosS      // X · C
        let sine = (along * along + across * across).squareRoot()
        let angle = atan2(sine, towards)
        guard sine > 0 else { return (angle / Self.curvature + 1e-6, 1, 0) }
        return (angle / Self.curvature + 1e-6, -along / sine, -across / sine)
    }
}

/// A point (ρ, θ) of the disc on the comparison sphere, with the sines and cosines of kρ and θ
/// that every witness's `seen(from:)` needs.
struct SpherePoint {
    let sine: Double, cosine: Double
    let thetaSine: Double, thetaCosine: Double

    init(rho: Double, theta: Double) {
        (sine, cosine) = (sin(HingeWitness.curvature * rho), cos(HingeWitness.curvature * rho))
        (thetaSine, thetaCosine) = (sin(theta), cos(theta))
    }
}
