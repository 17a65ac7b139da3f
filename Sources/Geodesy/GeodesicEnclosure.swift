import Foundation

/// A surface point of the ellipsoid with what the enclosures need of it: its Earth-centred vector,
/// reduced latitude β (tan β = (1 − f)·tan φ) and longitude, as sines and cosines.
struct SurfacePoint: Sendable {
    let vector: Vector3
    let sinBeta, cosBeta, sinLambda, cosLambda: Double

    init(_ c: Coordinate, on geodesic: Geodesic) {
        let f = geodesic.flattening
        let phi = c.latitude * .pi / 180, lambda = c.longitude * .pi / 180
        let sinPhi = sin(phi), cosPhi = cos(phi)
        (sinLambda, cosLambda) = (sin(lambda), cos(lambda))
        vector = Vector3(sinPhi: sinPhi, cosPhi: cosPhi, sinLambda: sinLambda, cosLambda: cosLambda, on: geodesic)
        let h = ((1 - f) * sinPhi * (1 - f) * sinPhi + cosPhi * cosPhi).squareRoot()
        (sinBeta, cosBeta) = ((1 - f) * sinPhi / h, cosPhi / h)
    }
}

/// Proven enclosures of the geodesic distance and initial azimuth between two surface points,
/// from their chord and a spherical azimuth, with no geodesic solved: for a first pass whose
/// figures, when the ends of an enclosure print alike, are those of the exact solution.
enum GeodesicEnclosure {
    /// Used only below this chord (metres): there every bound below holds with room to spare.
    static let longestChord = 1_000_000.0

    /// The distance s and azimuth α₁ (degrees, at `from`, towards `to`) lie in the returned ranges;
    /// the azimuth range is nil when the points are too close for it (a few metres). Nil
    /// beyond `longestChord`.
    ///
    /// **From above (Schur).** The geodesic, as a space curve, has curvature equal to the normal
    /// curvature of the ellipsoid along it, at most κ = 1/(a(1 − e²)). By Schur's comparison its
    /// chord c is at least that of a circular arc of the same length s and curvature κ, so
    /// c ≥ (2/κ)·sin(κs/2) and s ≤ (2/κ)·asin(κc/2).
    ///
    /// **From below (Blaschke).** Every principal radius of curvature of the ellipsoid is at least
    /// ρ = a(1 − e²), so a ball of radius ρ touching it from inside at any surface point T lies in
    /// it (Blaschke's rolling theorem): every surface point is at least ρ from the ball's centre
    /// C = T − ρ·n(T). Projecting the geodesic from C onto that sphere shortens it (the nearest-point
    /// map onto a ball is 1-Lipschitz), and the projection joins the projections of the ends, so
    /// s ≥ ρ·∠(P − C, Q − C). T is where the ray from the centre through the chord's midpoint meets
    /// the ellipsoid (tight to about s³·Δκ/(8ρ): 6 cm at 200 km).
    ///
    /// **Azimuth (Bessel's auxiliary sphere, Karney 2013 eqs. 7–8).** α₁ is the azimuth on the
    /// unit sphere of the great circle from (β₁, 0) to (β₂, ω₁₂), where λ₁₂ = ω₁₂ − f·sin α₀·J with
    /// J = ∫ (2 − f)/(1 + (1 − f)·√(1 + k²sin²σ)) dσ over the arc σ₁₂, whose integrand lies in
    /// (0, 1]; and s/b = ∫ √(1 + k²sin²σ) dσ (k² ≤ e′²) gives s/(b·√(1 + e′²)) ≤ σ₁₂ ≤ s/b. So
    /// |ω₁₂ − λ₁₂| ≤ f·σ₁₂ ≤ δ = f·U/b, U the upper bound above. Over ω ∈ [λ₁₂ − δ, λ₁₂ + δ] the
    /// far end moves along its parallel at speed cos β₂, so the arc from the near end stays above
    /// σ₁₂ − 2δ (and, below `longestChord`, under π/2, where sin grows) and the azimuth there turns
    /// at most cos β₂ / sin(σ₁₂ − 2δ) per radian of ω: α₁ lies within δ·cos β₂ / sin(σ₁₂ − 2δ) of
    /// the azimuth at ω = λ₁₂ (about f, 0.2°), σ₁₂ taken at its least, L/(b·√(1 + e′²)).
    ///
    /// Each end is widened by 1 µm and 10⁻⁹° for rounding, far more than it can move.
    static func enclose(from p: SurfacePoint, to q: SurfacePoint, geodesic: Geodesic)
        -> (distance: ClosedRange<Double>, azimuth: ClosedRange<Double>?)? {
        let a = geodesic.equatorialRadius, f = geodesic.flattening
        let e2 = f * (2 - f), b = a * (1 - f), secondEccentricitySquared = e2 / (1 - e2)
        let rho = a * (1 - e2), kappa = 1 / rho
        let chord = (q.vector - p.vector).length
        guard chord < longestChord else { return nil }
        let upper = 2 / kappa * asin(kappa * chord / 2) + 1e-6

        let middle = (p.vector + q.vector) * 0.5
        let t = 1 / ((middle.x * middle.x + middle.y * middle.y) / (a * a) + middle.z * middle.z / (b * b)).squareRoot()
        let touch = middle * t
        let normal = Vector3(x: touch.x / (a * a), y: touch.y / (a * a), z: touch.z / (b * b))
        let centre = touch - normal * (rho / normal.length)
        let (u, v) = (p.vector - centre, q.vector - centre)
        let cross = Vector3(x: u.y * v.z - u.z * v.y, y: u.z * v.x - u.x * v.z, z: u.x * v.y - u.y * v.x)
        let lower = max(0, (rho - 1e-6) * atan2(cross.length, u.dot(v)) - 1e-6)

        let sinLambda = q.sinLambda * p.cosLambda - q.cosLambda * p.sinLambda
        let cosLambda = q.cosLambda * p.cosLambda + q.sinLambda * p.sinLambda
        let centreAzimuth = atan2(q.cosBeta * sinLambda, p.cosBeta * q.sinBeta - p.sinBeta * q.cosBeta * cosLambda) * 180 / .pi
        let delta = f * upper / b
        let leastArc = lower / (b * (1 + secondEccentricitySquared).squareRoot()) - 2 * delta
        guard leastArc > 1e-6 else { return (lower...upper, nil) }
        let halfWidth = delta * q.cosBeta / sin(leastArc) * 180 / .pi + 1e-9
        return (lower...upper, (centreAzimuth - halfWidth)...(centreAzimuth + halfWidth))
    }
}
