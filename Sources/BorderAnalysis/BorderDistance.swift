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
}

/// A point's position relative to a named place, e.g. "14.2 km SW of Mand".
public struct PlaceBearing: Sendable, Equatable {
    /// The list the place was chosen from, shared rather than copied: a `Place` holds eight strings,
    /// and a row that copied one would pay sixteen reference counts for it.
    private let places: [Place]
    private let index: Int
    /// Geodesic metres from the place to the point.
    public var distanceMetres: Double
    /// Azimuth from the place to the point, degrees clockwise from north.
    public var azimuth: Double

    public var place: Place { places[index] }
    /// The place's name, read in place (`place` would copy the whole `Place` to get it).
    public var name: String { places[index].name }

    public init(place: Place, distanceMetres: Double, azimuth: Double) {
        self.init(places: [place], index: 0, distanceMetres: distanceMetres, azimuth: azimuth)
    }

    /// Place number `index` of `places`.
    public init(places: [Place], index: Int, distanceMetres: Double, azimuth: Double) {
        (self.places, self.index, self.distanceMetres, self.azimuth) = (places, index, distanceMetres, azimuth)
    }

    public static func == (a: PlaceBearing, b: PlaceBearing) -> Bool {
        a.place == b.place && a.distanceMetres == b.distanceMetres && a.azimuth == b.azimuth
    }

    /// Within this distance a point is "at" the place and has no bearing.
    public static let atPlaceWithin = 50.0

    /// The 16-point compass direction from the place to the point; empty when it is at the place.
    public var compassPoint: String { distanceMetres < Self.atPlaceWithin ? "" : Compass.point(forAzimuth: azimuth) }

    public var description: String {
        let kilometres = distanceMetres / 1000
        if distanceMetres < Self.atPlaceWithin { return "at \(name)" }
        let figure = kilometres < 100 ? String(format1: kilometres) : String(Int(kilometres.rounded()))
        return "\(figure) km \(compassPoint) of \(name)"
    }
}

extension String {
    init(format1 value: Double) {
        let tenths = (value * 10).rounded()
        self = "\(Int(tenths) / 10).\(abs(Int(tenths)) % 10)"
    }
}
