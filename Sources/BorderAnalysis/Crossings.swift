import BorderModel
import Geodesy

/// The official crossings of this border: the places of kind `crossing` whose country is `PK/IR`
/// (so Torkham, on the Afghan border, never counts), each with where it meets the border.
public struct Crossings: Sendable {
    public struct Crossing: Sendable {
        public var place: Place
        /// Chainage of the border point nearest the crossing's position, metres.
        public var chainageMetres: Double
        /// yyyymmdd; nil: open throughout.
        public var openedDay: Int?
    }

    public let all: [Crossing]
    private let geodesic: Geodesic

    public init(atlas: Atlas) {
        let border = atlas.border.line
        all = atlas.places.filter { $0.kind == "crossing" && $0.country == "PK/IR" }.map { place in
            Crossing(place: place, chainageMetres: border.nearestPoint(to: place.coordinate).chainage,
                     openedDay: place.opened.map(ISODate.day))
        }
        geodesic = border.geodesic
    }

    /// The crossing nearest `point` (geodesic) among those open on `day` (yyyymmdd; nil: all of
    /// them); `chainageMetres` is the chainage of the point's nearest border point. Nil when none is open.
    public func nearest(to point: Coordinate, chainageMetres: Double, on day: Int?) -> CrossingDistance? {
        var best: CrossingDistance? = nil
        for crossing in all where day == nil || (crossing.openedDay ?? .min) <= day! {
            let distance = geodesic.distanceAndAzimuths(point, crossing.place.coordinate).distance
            if best == nil || distance < best!.distanceMetres {
                best = CrossingDistance(crossing: crossing, distanceMetres: distance,
                                        alongMetres: abs(chainageMetres - crossing.chainageMetres))
            }
        }
        return best
    }
}

/// An incident against its nearest open crossing.
public struct CrossingDistance: Sendable {
    public var crossing: Crossings.Crossing
    /// Geodesic metres from the incident to the crossing's position.
    public var distanceMetres: Double
    /// Metres along the border between the incident's nearest border point and the crossing's.
    public var alongMetres: Double
}
