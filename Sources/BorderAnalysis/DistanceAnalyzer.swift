import BorderModel
import Foundation
import Geodesy

/// Measures points against the border. Holds GEOS state for the country test, so each thread
/// makes its own analyzer from the shared `Atlas`; it searches its own copies of the lines, on its
/// own ellipsoid constants (`GeodesicPolyline.withOwnStorage`).
public final class DistanceAnalyzer {
    public let atlas: Atlas
    private let locator: CountryLocator
    private let placePoints: GeodesicPointSet
    /// False leaves `nearestPlace` empty and skips its lookup (about a sixth of the work of a row).
    private let findsNearestPlace: Bool
    private var borderSearch: LineSearch
    /// The border line's ellipsoid, held apart: reached through the atlas, the line would be copied.
    let geodesic: Geodesic
    /// One per alternative line (none unless the atlas loaded them).
    private var alternativeSearches: [LineSearch]
    /// The alternatives' sources, in the same order.
    let alternativeSources: [String]

    /// Within this distance of the border the side comes from the border line itself, which is
    /// far more detailed than the simplified country outlines.
    public static let sideFromLineWithin = 5_000.0

    public init(atlas: Atlas, findsNearestPlace: Bool = true) throws {
        self.atlas = atlas
        self.findsNearestPlace = findsNearestPlace
        locator = try CountryLocator(atlas.countries)
        let geodesic = atlas.border.line.geodesic.withOwnConstants()
        self.geodesic = geodesic
        placePoints = GeodesicPointSet(atlas.places.map(\.coordinate), geodesic: geodesic)
        borderSearch = LineSearch(atlas.border.line.withOwnStorage(geodesic: geodesic))
        alternativeSearches = atlas.alternatives.map { LineSearch($0.line.withOwnStorage(geodesic: geodesic)) }
        alternativeSources = atlas.alternatives.map(\.source)
    }

    public func analyze(_ point: Coordinate) throws -> BorderDistance {
        let nearest = borderSearch.nearestPoint(to: point)
        let country = try locator.country(at: point)
        return BorderDistance(distanceMetres: nearest.distance, nearest: nearest.coordinate,
                              chainageKilometres: nearest.chainage / 1000,
                              side: side(of: country, nearest: nearest),
                              isBeyondEnd: nearest.isAtEnd,
                              nearestPlace: findsNearestPlace ? nearestPlace(to: point) : nil,
                              outlinesCountry: country, awayAzimuth: nearest.arrivalAzimuth)
    }

    private func side(of country: Country, nearest: NearestPoint) -> Country {
        guard country == .pakistan || country == .iran, nearest.distance < Self.sideFromLineWithin,
              let side = nearest.side else { return country }
        return side == .left ? atlas.border.countryOnLeft : atlas.border.countryOnRight
    }

    /// The border point nearest a point of the uncertainty disc, and its distance.
    func nearestBorderPoint(to point: Coordinate) -> NearestPoint {
        borderSearch.nearestPoint(to: point)
    }

    /// True when no border point is nearer `point` than `threshold`, shown from chords alone
    /// (`GeodesicPolyline.isNowhereNearer`), `foot` being a border point at `footDistance`.
    func borderIsNowhereNearer(than threshold: Double, to point: Coordinate, foot: Coordinate, footDistance: Double) -> Bool {
        borderSearch.isNowhereNearer(than: threshold, to: point, foot: foot, footDistance: footDistance)
    }

    /// The distance to the atlas's alternative line number `line`.
    func alternativeDistance(to point: Coordinate, line: Int) -> Double {
        alternativeSearches[line].nearestPoint(to: point).distance
    }

    /// The place nearest to the point (geodesic), with the distance and bearing from it, exact as
    /// printed. Usually the chords prove which place it is and the enclosures of its distance and
    /// azimuth already fix every figure an output prints (`PlaceBearing.printAlike`): then no
    /// geodesic is solved and the bearing holds the middle of each enclosure. Otherwise (about one
    /// row in eleven of uniform points, most over 150 km from every place) the geodesic is solved exactly.
    public func nearestPlace(to point: Coordinate) -> PlaceBearing? {
        switch placePoints.nearestEnclosed(to: point) {
        case nil: return nil
        case .exact(let index, let distance, let azimuth)?:
            return PlaceBearing(places: atlas.places, index: index, distanceMetres: distance, azimuth: azimuth)
        case .enclosed(let index, let distance, let azimuth)?:
            guard PlaceBearing.printAlike(distance: distance, azimuth: azimuth) else {
                let exact = placePoints.solve(index, point)
                return PlaceBearing(places: atlas.places, index: index, distanceMetres: exact.distance, azimuth: exact.azimuth)
            }
            let middle = azimuth.map { ($0.lowerBound + $0.upperBound) / 2 } ?? 0
            return PlaceBearing(places: atlas.places, index: index, distanceMetres: (distance.lowerBound + distance.upperBound) / 2,
                                azimuth: middle)
        }
    }
}

/// A line and the hints of its searches. The searches run through this struct's own mutating
/// methods, which borrow the line: reached through the atlas, a line was copied for every search
/// (its ten arrays retained and released).
private struct LineSearch {
    let line: GeodesicPolyline
    var hints = NearestPointHints()

    init(_ line: GeodesicPolyline) { self.line = line }

    mutating func nearestPoint(to point: Coordinate) -> NearestPoint { line.nearestPoint(to: point, hints: &hints) }

    /// Mutating only to borrow the line in place, as above.
    mutating func isNowhereNearer(than threshold: Double, to point: Coordinate, foot: Coordinate, footDistance: Double) -> Bool {
        line.isNowhereNearer(than: threshold, to: point, foot: foot, footDistance: footDistance)
    }
}
