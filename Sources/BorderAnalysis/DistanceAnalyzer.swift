import BorderModel
import Foundation
import Geodesy

/// Measures points against the border. Holds GEOS state for the country test, so each thread
/// makes its own analyzer from the shared `Atlas`.
public final class DistanceAnalyzer {
    public let atlas: Atlas
    private let locator: CountryLocator
    private let placeVectors: [(x: Double, y: Double, z: Double)]

    /// Within this distance of the border the side comes from the border line itself, which is
    /// far more detailed than the simplified country outlines.
    public static let sideFromLineWithin = 5_000.0

    public init(atlas: Atlas) throws {
        self.atlas = atlas
        locator = try CountryLocator(atlas.countries)
        placeVectors = atlas.places.map { Self.unitVector($0.coordinate) }
    }

    public func analyze(_ point: Coordinate) throws -> BorderDistance {
        let border = atlas.border
        let nearest = border.line.nearestPoint(to: point)
        return BorderDistance(distanceMetres: nearest.distance, nearest: nearest.coordinate,
                              chainageKilometres: nearest.chainage / 1000,
                              side: try side(of: point, nearest: nearest),
                              isBeyondEnd: nearest.isAtEnd,
                              nearestPlace: nearestPlace(to: point))
    }

    private func side(of point: Coordinate, nearest: NearestPoint) throws -> Country {
        let country = try locator.country(at: point)
        guard country == .pakistan || country == .iran, nearest.distance < Self.sideFromLineWithin,
              let side = nearest.side else { return country }
        return side == .left ? atlas.border.countryOnLeft : atlas.border.countryOnRight
    }

    /// The place nearest to the point: ranked by angle on a sphere, which orders places exactly
    /// except for near-ties; those within 1 % are decided by geodesic distance.
    public func nearestPlace(to point: Coordinate) -> PlaceBearing? {
        guard !atlas.places.isEmpty else { return nil }
        let p = Self.unitVector(point)
        let cosines = placeVectors.map { p.x * $0.x + p.y * $0.y + p.z * $0.z }
        let bestCosine = cosines.max()!
        let closeAngle = acos(min(1, bestCosine)) * 1.01 + 1e-4
        let geodesic = atlas.border.line.geodesic
        var best: PlaceBearing? = nil
        for (index, cosine) in cosines.enumerated() where acos(min(1, cosine)) <= closeAngle {
            let place = atlas.places[index]
            let solution = geodesic.inverse(place.coordinate, point)
            if best == nil || solution.distance < best!.distanceMetres {
                best = PlaceBearing(place: place, distanceMetres: solution.distance, azimuth: solution.azimuth1)
            }
        }
        return best
    }

    private static func unitVector(_ c: Coordinate) -> (x: Double, y: Double, z: Double) {
        let phi = c.latitude * .pi / 180, lambda = c.longitude * .pi / 180
        return (cos(phi) * cos(lambda), cos(phi) * sin(lambda), sin(phi))
    }
}
