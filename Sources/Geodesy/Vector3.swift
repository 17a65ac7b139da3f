import Foundation

/// Earth-centred, earth-fixed Cartesian metres. Used only to prune the search: the straight
/// 3-D distance between two surface points never exceeds their geodesic distance.
struct Vector3: Sendable {
    var x, y, z: Double

    static func + (a: Vector3, b: Vector3) -> Vector3 { Vector3(x: a.x + b.x, y: a.y + b.y, z: a.z + b.z) }
    static func - (a: Vector3, b: Vector3) -> Vector3 { Vector3(x: a.x - b.x, y: a.y - b.y, z: a.z - b.z) }
    static func * (a: Vector3, k: Double) -> Vector3 { Vector3(x: a.x * k, y: a.y * k, z: a.z * k) }
    func dot(_ b: Vector3) -> Double { x * b.x + y * b.y + z * b.z }
    var length: Double { dot(self).squareRoot() }
    var squaredLength: Double { dot(self) }

    /// The surface point of the ellipsoid at a geodetic position (height 0).
    init(_ c: Coordinate, on geodesic: Geodesic = .wgs84) {
        let phi = c.latitude * .pi / 180, lambda = c.longitude * .pi / 180
        self.init(sinPhi: sin(phi), cosPhi: cos(phi), sinLambda: sin(lambda), cosLambda: cos(lambda), on: geodesic)
    }

    /// The same from the sines and cosines of the latitude φ and longitude λ.
    init(sinPhi: Double, cosPhi: Double, sinLambda: Double, cosLambda: Double, on geodesic: Geodesic) {
        let a = geodesic.equatorialRadius, f = geodesic.flattening
        let e2 = f * (2 - f)
        let n = a / (1 - e2 * sinPhi * sinPhi).squareRoot()
        self.init(x: n * cosPhi * cosLambda, y: n * cosPhi * sinLambda, z: n * (1 - e2) * sinPhi)
    }

    init(x: Double, y: Double, z: Double) {
        self.x = x; self.y = y; self.z = z
    }

    /// Distance from this point to the straight segment a–b, and the segment parameter (0…1) of the foot.
    func distance(toSegment a: Vector3, _ b: Vector3) -> (distance: Double, t: Double) {
        let ab = b - a, ap = self - a
        let denominator = ab.dot(ab)
        let t = denominator > 0 ? min(1, max(0, ap.dot(ab) / denominator)) : 0
        return ((ap - ab * t).length, t)
    }
}
