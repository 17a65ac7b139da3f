import BorderModel

/// A point's position relative to a named place, e.g. "14.2 km SW of Mand".
public struct PlaceBearing: Sendable, Equatable {
    /// The list the place was chosen from, shared rather than copied: a `Place` holds eight strings,
    /// and a row that copied one would pay sixteen reference counts for it.
    private let places: [Place]
    private let index: Int
    /// Geodesic metres from the place to the point, exact as printed: every figure an output shows
    /// of it (`Figures`) is that of the exact distance, which may differ from this value by less
    /// than a metre when `DistanceAnalyzer.nearestPlace` settled it without solving the geodesic.
    public var distanceMetres: Double
    /// Azimuth from the place to the point, degrees clockwise from north; exact as printed, like
    /// the distance (its compass point is that of the exact azimuth).
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
    /// Decimals of the distance in kilometres where it is printed as a number (`nearest_place_km`).
    public static let kilometreDecimals = 3
    /// Below this many kilometres the description gives tenths of a kilometre, beyond it whole ones.
    public static let tenthsBelowKilometres = 100.0

    /// Everything an output prints of a bearing, rounded as the outputs round it: the kilometres
    /// at `kilometreDecimals`, the description's figure (0.1 km below 100 km, whole kilometres
    /// above), whether the point is at the place, and the compass point (none there). Bearings with
    /// equal figures print alike.
    struct Figures: Equatable {
        var kilometres: Double
        var hasTenths: Bool
        var descriptionFigure: Double
        var isAtPlace: Bool
        var compassPoint: String

        /// 10^`kilometreDecimals`, exactly as the writers scale a number before rounding it.
        static let kilometreScale = Double((0..<PlaceBearing.kilometreDecimals).reduce(1) { power, _ in power * 10 })

        init(distanceMetres: Double, azimuth: Double) {
            let kilometres = distanceMetres / 1000
            self.kilometres = (abs(kilometres) * Self.kilometreScale).rounded()
            hasTenths = kilometres < PlaceBearing.tenthsBelowKilometres
            descriptionFigure = (kilometres * (hasTenths ? 10 : 1)).rounded()
            isAtPlace = distanceMetres < PlaceBearing.atPlaceWithin
            compassPoint = isAtPlace ? "" : Compass.point(forAzimuth: azimuth)
        }
    }

    /// True when every distance in `distance` and azimuth in `azimuth` (nil: unknown) print alike.
    /// Each figure is a non-decreasing step in the distance, so equal figures at its two ends hold
    /// between them; a compass point covers an arc of 22.5°, so an arc narrower than that whose
    /// ends share a point lies in it.
    static func printAlike(distance: ClosedRange<Double>, azimuth: ClosedRange<Double>?) -> Bool {
        let nearest = Figures(distanceMetres: distance.lowerBound, azimuth: azimuth?.lowerBound ?? 0)
        let farthest = Figures(distanceMetres: distance.upperBound, azimuth: azimuth?.lowerBound ?? 0)
        guard nearest == farthest else { return false }
        if nearest.isAtPlace { return true }
        guard let azimuth, azimuth.upperBound - azimuth.lowerBound < 22.5 else { return false }
        return nearest.compassPoint == Compass.point(forAzimuth: azimuth.upperBound)
    }

    /// The 16-point compass direction from the place to the point; empty when it is at the place.
    public var compassPoint: String { distanceMetres < Self.atPlaceWithin ? "" : Compass.point(forAzimuth: azimuth) }

    public var description: String {
        let kilometres = distanceMetres / 1000
        if distanceMetres < Self.atPlaceWithin { return "at \(name)" }
        let figure = kilometres < Self.tenthsBelowKilometres ? String(format1: kilometres) : String(Int(kilometres.rounded()))
        return "\(figure) km \(compassPoint) of \(name)"
    }
}

extension String {
    init(format1 value: Double) {
        let tenths = (value * 10).rounded()
        self = "\(Int(tenths) / 10).\(abs(Int(tenths)) % 10)"
    }
}
