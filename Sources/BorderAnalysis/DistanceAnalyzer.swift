import BorderModel
import Foundation
import Geodesy

/// Measures points against the border. Holds GEOS state for the country test, so each thread
/// makes its own analyzer from the shared `Atlas`.
public final class DistanceAnalyzer {
    public let atlas: Atlas
    private let locator: CountryLocator
    private let placePoints: GeodesicPointSet
    /// False leaves `nearestPlace` empty and skips its geodesic (about a quarter of the work of a row).
    private let findsNearestPlace: Bool
    private var hints = NearestPointHints()
    /// One per alternative line (none unless the atlas loaded them).
    private var alternativeHints: [NearestPointHints]

    /// Within this distance of the border the side comes from the border line itself, which is
    /// far more detailed than the simplified country outlines.
    public static let sideFromLineWithin = 5_000.0

    public init(atlas: Atlas, findsNearestPlace: Bool = true) throws {
        self.atlas = atlas
        self.findsNearestPlace = findsNearestPlace
        locator = try CountryLocator(atlas.countries)
        placePoints = GeodesicPointSet(atlas.places.map(\.coordinate))
        alternativeHints = atlas.alternatives.map { _ in NearestPointHints() }
    }

    public func analyze(_ point: Coordinate) throws -> BorderDistance {
        let border = atlas.border
        let nearest = border.line.nearestPoint(to: point, hints: &hints)
        return BorderDistance(distanceMetres: nearest.distance, nearest: nearest.coordinate,
                              chainageKilometres: nearest.chainage / 1000,
                              side: try side(of: point, nearest: nearest),
                              isBeyondEnd: nearest.isAtEnd,
                              nearestPlace: findsNearestPlace ? nearestPlace(to: point) : nil)
    }

    private func side(of point: Coordinate, nearest: NearestPoint) throws -> Country {
        let country = try locator.country(at: point)
        guard country == .pakistan || country == .iran, nearest.distance < Self.sideFromLineWithin,
              let side = nearest.side else { return country }
        return side == .left ? atlas.border.countryOnLeft : atlas.border.countryOnRight
    }

    /// The distance to the border alone (a search of the uncertainty disc).
    func distance(to point: Coordinate) -> Double {
        atlas.border.line.nearestPoint(to: point, hints: &hints).distance
    }

    /// The distance to the atlas's alternative line number `line`.
    func alternativeDistance(to point: Coordinate, line: Int) -> Double {
        atlas.alternatives[line].line.nearestPoint(to: point, hints: &alternativeHints[line]).distance
    }

    /// A border point near the nearest one, cheaply (`GeodesicPolyline.nearbyPoint`): a witness whose
    /// distance bounds the border's from above.
    func nearbyBorderPoint(to point: Coordinate) -> Coordinate {
        atlas.border.line.nearbyPoint(to: point, hints: &hints)
    }

    /// The distance to the border and the border point that gives it.
    func nearest(to point: Coordinate) -> NearestPoint {
        atlas.border.line.nearestPoint(to: point, hints: &hints)
    }

    func countryOfOutlines(at point: Coordinate) throws -> Country { try locator.country(at: point) }

    /// The place nearest to the point (geodesic), with the distance and bearing from it.
    public func nearestPlace(to point: Coordinate) -> PlaceBearing? {
        placePoints.nearest(to: point).map {
            PlaceBearing(place: atlas.places[$0.index], distanceMetres: $0.distance, azimuth: $0.azimuth)
        }
    }
}
