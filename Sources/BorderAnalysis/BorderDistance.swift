import BorderModel
import Geodesy

/// Where one point lies relative to the border.
public struct BorderDistance: Sendable, Equatable {
    /// WGS84 geodesic distance to the border, metres.
    public var distanceMetres: Double
    /// The nearest point of the border.
    public var nearest: Coordinate
    /// Kilometres along the border from the tripoint to the nearest point.
    public var chainageKilometres: Double
    /// The country whose land holds the point, or `other` (sea, elsewhere).
    public var side: Country
    /// True when the nearest point is one of the border's two ends (beyond the tripoint or the coast).
    public var isBeyondEnd: Bool
    public var nearestPlace: PlaceBearing?
    /// The country of the simplified outlines that hold the point (`side` is this, or the border
    /// line's side within `DistanceAnalyzer.sideFromLineWithin`).
    public var outlinesCountry: Country
    /// Azimuth of the geodesic from the nearest border point at its arrival at the point (degrees).
    public var awayAzimuth: Double
}
