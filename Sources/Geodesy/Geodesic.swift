import CPROJ

/// Karney's geodesics on an ellipsoid (PROJ's `geodesic.h`), as a plain value:
/// `geod_geodesic` holds only numbers, so one instance is shared freely between threads.
public struct Geodesic: Sendable {
    /// The ellipsoid's constants (about 400 bytes), set once and only read after that, kept behind
    /// a pointer so each call hands PROJ an address instead of copying them.
    private final class Constants: @unchecked Sendable {
        let pointer = UnsafeMutablePointer<geod_geodesic>.allocate(capacity: 1)
        init(a: Double, f: Double) { geod_init(pointer, a, f) }
        deinit { pointer.deallocate() }
    }
    private let constants: Constants

    public init(equatorialRadius a: Double, flattening f: Double) {
        constants = Constants(a: a, f: f)
    }

    public static let wgs84 = Geodesic(equatorialRadius: 6_378_137, flattening: 1 / 298.257223563)

    /// The same ellipsoid with constants of its own. Every copy of a `Geodesic` retains its
    /// constants, and threads sharing one contend for that reference count: give each thread its own.
    public func withOwnConstants() -> Geodesic {
        Geodesic(equatorialRadius: equatorialRadius, flattening: flattening)
    }

    public var equatorialRadius: Double { constants.pointer.pointee.a }
    public var flattening: Double { constants.pointer.pointee.f }

    /// The shortest geodesic between two points: its length in metres and azimuths in degrees.
    public func inverse(_ from: Coordinate, _ to: Coordinate) -> InverseSolution {
        var s12 = 0.0, azi1 = 0.0, azi2 = 0.0, m12 = 0.0, M12 = 0.0, M21 = 0.0
        _ = geod_geninverse(constants.pointer, from.latitude, from.longitude, to.latitude, to.longitude,
                            &s12, &azi1, &azi2, &m12, &M12, &M21, nil)
        return InverseSolution(distance: s12, azimuth1: azi1, azimuth2: azi2,
                               reducedLength: m12, geodesicScale: M12)
    }

    /// The same geodesic's length and azimuths only: PROJ skips the reduced length and geodesic
    /// scale when they are not asked for (a fifth of the work), and the three values are the same.
    public func distanceAndAzimuths(_ from: Coordinate, _ to: Coordinate) -> (distance: Double, azimuth1: Double, azimuth2: Double) {
        var s12 = 0.0, azi1 = 0.0, azi2 = 0.0
        _ = geod_geninverse(constants.pointer, from.latitude, from.longitude, to.latitude, to.longitude,
                            &s12, &azi1, &azi2, nil, nil, nil, nil)
        return (s12, azi1, azi2)
    }

    /// The point reached after `distance` metres from `from` heading `azimuth` degrees.
    public func direct(from: Coordinate, azimuth: Double, distance: Double) -> Coordinate {
        var lat = 0.0, lon = 0.0
        geod_direct(constants.pointer, from.latitude, from.longitude, azimuth, distance, &lat, &lon, nil)
        return Coordinate(longitude: lon, latitude: lat)
    }

    /// The point reached after `distance` metres from `from` heading `azimuth` degrees, and the
    /// forward azimuth (degrees) of the geodesic there.
    public func directWithAzimuth(from: Coordinate, azimuth: Double, distance: Double) -> (coordinate: Coordinate, azimuth: Double) {
        var lat = 0.0, lon = 0.0, azi2 = 0.0
        geod_direct(constants.pointer, from.latitude, from.longitude, azimuth, distance, &lat, &lon, &azi2)
        return (Coordinate(longitude: lon, latitude: lat), azi2)
    }

    /// The geodesic segment from `from` to `to`, ready for positions along it.
    public func segment(from: Coordinate, to: Coordinate) -> GeodesicSegment {
        var line = geod_geodesicline()
        geod_inverseline(&line, constants.pointer, from.latitude, from.longitude, to.latitude, to.longitude,
                         GEOD_LATITUDE.rawValue | GEOD_LONGITUDE.rawValue | GEOD_AZIMUTH.rawValue | GEOD_DISTANCE_IN.rawValue)
        return GeodesicSegment(raw: line)
    }

    /// The geodesic segment leaving `from` at `azimuth` for `length` metres (no inverse problem to solve).
    public func segment(from: Coordinate, azimuth: Double, length: Double) -> GeodesicSegment {
        var line = geod_geodesicline()
        geod_directline(&line, constants.pointer, from.latitude, from.longitude, azimuth, length,
                        GEOD_LATITUDE.rawValue | GEOD_LONGITUDE.rawValue | GEOD_AZIMUTH.rawValue | GEOD_DISTANCE_IN.rawValue)
        return GeodesicSegment(raw: line)
    }

    /// Geodesic length of a polyline, metres.
    public func length(of points: [Coordinate]) -> Double {
        zip(points, points.dropFirst()).reduce(0) { $0 + inverse($1.0, $1.1).distance }
    }
}

/// The answer of the inverse problem. `reducedLength` (m12) and `geodesicScale` (M12) describe
/// how nearby geodesics spread; the nearest-point search uses them for Newton steps.
public struct InverseSolution: Sendable, Equatable {
    public var distance: Double
    public var azimuth1: Double
    public var azimuth2: Double
    public var reducedLength: Double
    public var geodesicScale: Double
}

/// A finite geodesic between two vertices; positions are addressed by distance from its start.
public struct GeodesicSegment: Sendable {
    fileprivate var raw: geod_geodesicline

    /// Length in metres.
    public var length: Double { raw.s13 }

    /// The point `distance` metres from the start and the forward azimuth of the segment there.
    public func position(at distance: Double) -> (coordinate: Coordinate, azimuth: Double) {
        var lat = 0.0, lon = 0.0, azi = 0.0
        withUnsafePointer(to: raw) { line in
            geod_position(line, distance, &lat, &lon, &azi)
        }
        return (Coordinate(longitude: lon, latitude: lat), azi)
    }
}
