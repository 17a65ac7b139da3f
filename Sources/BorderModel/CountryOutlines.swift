import Foundation
import Geodesy

/// Land outlines of Pakistan, Iran and Afghanistan, kept as Well-Known Binary so the value can
/// be shared between threads; each thread makes its own `CountryLocator` from it.
public struct CountryOutlines: Sendable {
    public let outlines: [(country: Country, wkb: [UInt8])]

    public init(outlines: [(country: Country, wkb: [UInt8])]) {
        self.outlines = outlines
    }

    /// Reads a FeatureCollection whose features carry `properties.iso` = PK, IR or AF.
    /// GEOS parses the geometries (in feature order); a light decoder reads the codes.
    public static func load(from url: URL) throws -> CountryOutlines {
        struct Collection: Decodable { var features: [Feature] }
        struct Feature: Decodable { var properties: Properties? }
        struct Properties: Decodable { var iso: String? }
        let data: Data
        do { data = try Data(contentsOf: url) } catch { throw ModelError(file: url.path, "cannot read: \(error.localizedDescription)") }
        do {
            let codes = try JSONDecoder().decode(Collection.self, from: data).features.map { $0.properties?.iso }
            let parts = try Geometry(geoJSON: String(decoding: data, as: UTF8.self), context: GEOSContext()).parts
            guard parts.count == codes.count else { throw ModelError(file: url.path, "\(codes.count) features but \(parts.count) geometries") }
            return CountryOutlines(outlines: try zip(codes, parts).enumerated().map { index, pair in
                guard let code = pair.0, let country = Country(rawValue: code), country != .other else {
                    throw ModelError(file: url.path, "feature \(index): property iso must be PK, IR or AF")
                }
                return (country, try pair.1.wkb)
            })
        } catch let error as ModelError { throw error } catch {
            throw ModelError(file: url.path, "\(error)")
        }
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
