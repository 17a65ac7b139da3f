import Foundation
import Geodesy

/// Land outlines of Pakistan, Iran and Afghanistan, kept as plain coordinates so the value can be
/// shared between threads; each thread builds its own GEOS geometries (`geometry(_:context:)`).
public struct CountryOutlines: Sendable {
    /// Each country's polygons: rings of interleaved longitude, latitude; shell first, then holes.
    public let outlines: [(country: Country, polygons: [[[Double]]])]
    /// Their edges by grid cell: whether a box meets any outline.
    public let edgeGrid: OutlineEdgeGrid

    public init(outlines: [(country: Country, polygons: [[[Double]]])]) {
        self.outlines = outlines
        edgeGrid = OutlineEdgeGrid(rings: outlines.flatMap { $0.polygons.flatMap { $0 } })
    }

    /// The MultiPolygon of outline `index`, in the caller's context.
    public func geometry(_ index: Int, context: GEOSContext) throws -> Geometry {
        try Geometry(multiPolygon: outlines[index].polygons, context: context)
    }

    /// Reads a FeatureCollection of Polygons or MultiPolygons whose features carry
    /// `properties.iso` = PK, IR or AF.
    public static func load(from url: URL) throws -> CountryOutlines {
        let context = GEOSContext()
        return CountryOutlines(outlines: try GeoJSONFile.features(at: url).enumerated().map { index, feature in
            guard let code = feature["properties"]?["iso"]?.string, let country = Country(rawValue: code), country != .other else {
                throw ModelError(file: url.path, "feature \(index + 1): property iso must be PK, IR or AF")
            }
            guard let polygons = GeoJSONFile.polygons(feature["geometry"]) else {
                throw ModelError(file: url.path, "feature \(index + 1): geometry must be a Polygon or MultiPolygon")
            }
            do {
                _ = try Geometry(multiPolygon: polygons, context: context)   // GEOS accepts it
                return (country, polygons)
            } catch {
                throw ModelError(file: url.path, "feature \(index + 1): \(error)")
            }
        })
    }
}

/// Point-in-country tests over prepared GEOS polygons; one per thread.
public final class CountryLocator {
    private let prepared: [(Country, PreparedGeometry)]
    private let context: GEOSContext

    public init(_ outlines: CountryOutlines, context: GEOSContext = GEOSContext()) throws {
        self.context = context
        prepared = try outlines.outlines.indices.map {
            (outlines.outlines[$0].country, try outlines.geometry($0, context: context).prepared())
        }
    }

    /// The country whose land holds the point, or `.other`.
    public func country(at point: Coordinate) throws -> Country {
        let probe = try Geometry(point: point, context: context)
        for (country, polygon) in prepared where try polygon.covers(probe) { return country }
        return .other
    }

}
