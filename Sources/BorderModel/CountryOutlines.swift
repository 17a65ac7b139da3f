import Foundation
import Geodesy

/// Land outlines of Pakistan, Iran and Afghanistan, kept as Well-Known Binary so the value can
/// be shared between threads; each thread makes its own `CountryLocator` from it.
public struct CountryOutlines: Sendable {
    public let outlines: [(country: Country, wkb: [UInt8])]

    public init(outlines: [(country: Country, wkb: [UInt8])]) {
        self.outlines = outlines
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
                return (country, try Geometry(multiPolygon: polygons, context: context).wkb)
            } catch {
                throw ModelError(file: url.path, "feature \(index + 1): \(error)")
            }
        })
    }
}

/// Point-in-country tests over prepared GEOS polygons; one per thread.
public final class CountryLocator {
    private let prepared: [(Country, PreparedGeometry)]

    public init(_ outlines: CountryOutlines, context: GEOSContext = GEOSContext()) throws {
        prepared = try outlines.outlines.map { ($0.country, try Geometry(wkb: $0.wkb, context: context).prepared()) }
    }

    /// The country whose land holds the point, or `.other`.
    public func country(at point: Coordinate) throws -> Country {
        for (country, polygon) in prepared where try polygon.covers(point) { return country }
        return .other
    }
}
