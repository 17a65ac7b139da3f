import CPROJ

/// One geodesic edge of a line as loading solves it: its length (metres) and its azimuths at
/// both ends (degrees). Solving thousands of edges is most of the cost of loading a line, so a
/// caller may keep them between runs under `key`.
public struct EdgeSolution: Sendable, Equatable {
    public var length: Double
    public var startAzimuth: Double
    public var endAzimuth: Double

    public init(length: Double, startAzimuth: Double, endAzimuth: Double) {
        self.length = length
        self.startAzimuth = startAzimuth
        self.endAzimuth = endAzimuth
    }

    /// Names the solutions of `vertices` on `geodesic`: FNV-1a (by 64-bit words) over the bits of every coordinate,
    /// the ellipsoid and the version of PROJ's geodesic code, so any change to them gives a new key.
    public static func key(_ vertices: [Coordinate], geodesic: Geodesic = .wgs84) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func mix(_ word: UInt64) { hash = (hash ^ word) &* 0x0000_0100_0000_01b3 }
        mix(UInt64(GEODESIC_VERSION_MAJOR) << 32 | UInt64(GEODESIC_VERSION_MINOR) << 16 | UInt64(GEODESIC_VERSION_PATCH))
        mix(geodesic.equatorialRadius.bitPattern)
        mix(geodesic.flattening.bitPattern)
        mix(UInt64(vertices.count))
        for vertex in vertices {
            mix(vertex.longitude.bitPattern)
            mix(vertex.latitude.bitPattern)
        }
        return hash
    }
}
