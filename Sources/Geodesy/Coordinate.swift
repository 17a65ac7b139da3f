/// A position on the WGS84 ellipsoid in degrees, longitude first as in GeoJSON.
public struct Coordinate: Hashable, Sendable, CustomStringConvertible {
    public var longitude: Double
    public var latitude: Double

    public init(longitude: Double, latitude: Double) {
        self.longitude = longitude
        self.latitude = latitude
    }

    /// True when both values are finite and within the ranges of a geographic position.
    public var isValid: Bool {
        longitude.isFinite && latitude.isFinite && abs(latitude) <= 90 && abs(longitude) <= 180
    }

    public var description: String { "(\(longitude), \(latitude))" }
}
