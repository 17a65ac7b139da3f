/// A projected position in metres (e.g. UTM 41N easting, northing): never degrees. `Coordinate`
/// is WGS84 degrees only; planar passes (buffers, Douglas–Peucker) work on these.
public struct PlanarPoint: Hashable, Sendable {
    public var x: Double
    public var y: Double

    public init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }
}

/// A position GEOS can hold: GEOS is planar, x then y. A `Coordinate` is x = longitude,
/// y = latitude; a `PlanarPoint` is projected metres.
public protocol PlanePosition: Equatable {
    var planeX: Double { get }
    var planeY: Double { get }
    init(planeX: Double, planeY: Double)
}

extension PlanarPoint: PlanePosition {
    public var planeX: Double { x }
    public var planeY: Double { y }
    public init(planeX: Double, planeY: Double) { self.init(x: planeX, y: planeY) }
}

extension Coordinate: PlanePosition {
    public var planeX: Double { longitude }
    public var planeY: Double { latitude }
    public init(planeX: Double, planeY: Double) { self.init(longitude: planeX, latitude: planeY) }
}

extension Transformation {
    /// A geographic position into the projected CRS (`from` EPSG:4326, lon/lat order).
    public func project(_ coordinate: Coordinate) throws -> PlanarPoint {
        let (x, y) = try transform(x: coordinate.longitude, y: coordinate.latitude)
        return PlanarPoint(x: x, y: y)
    }

    /// A projected position back to WGS84 degrees (`to` EPSG:4326, lon/lat order).
    public func geographic(_ point: PlanarPoint) throws -> Coordinate {
        let (longitude, latitude) = try transform(x: point.x, y: point.y)
        return Coordinate(longitude: longitude, latitude: latitude)
    }
}
