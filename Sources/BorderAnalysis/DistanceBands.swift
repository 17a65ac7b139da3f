import BorderModel
import Geodesy

/// One distance band: the land between `innerKilometres` and `outerKilometres` of the border.
public struct DistanceBand: Sendable {
    public var innerKilometres: Double
    public var outerKilometres: Double
    /// Lon/lat polygons (exterior, then holes), clipped to land; any winding.
    public var polygons: [[[Coordinate]]]
    /// Measured deviation of the outer outline from the true geodesic distance, metres.
    public var maxErrorMetres: Double
}

public enum DistanceBands {
    public static let defaultKilometres: [Double] = [10, 25, 50]

    /// Nested geodesic buffers turned into rings (0–10, 10–25, 25–50 km), clipped to the union of
    /// the country outlines, so no band spills into the sea.
    public static func build(border: Border, countries: CountryOutlines, kilometres: [Double] = defaultKilometres,
                             projection: String = Generalisation.projection) throws -> [DistanceBand] {
        let context = GEOSContext()
        let land = try countries.outlines.indices.map { try countries.geometry($0, context: context) }
            .reduce(nil as Geometry?) { try $0?.union($1) ?? $1 }
        var bands: [DistanceBand] = []
        var inner: (Double, Geometry)? = nil
        for km in kilometres.sorted() where km > 0 {
            let buffer = try border.line.buffer(distance: km * 1000, projection: projection)
            let disc = try Geometry(polygons: buffer.polygons, context: context)
            var ring = try inner.map { try disc.difference($0.1) } ?? disc
            if let land { ring = try ring.intersection(land) }
            bands.append(DistanceBand(innerKilometres: inner?.0 ?? 0, outerKilometres: km,
                                      polygons: try ring.polygons, maxErrorMetres: buffer.maxError))
            inner = (km, disc)
        }
        return bands
    }

    /// The band label for a distance: the smallest band that holds it, or nil beyond the last.
    public static func band(forKilometres distance: Double, kilometres: [Double] = defaultKilometres) -> Double? {
        kilometres.sorted().first { distance <= $0 }
    }
}
