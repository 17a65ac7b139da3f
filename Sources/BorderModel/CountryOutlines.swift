import Foundation
import Geodesy

/// Land outlines of Pakistan, Iran and Afghanistan, kept as GeoJSON text so the value can be
/// shared between threads; each thread makes its own `CountryLocator` from it.
public struct CountryOutlines: Sendable {
    public let outlines: [(country: Country, geoJSON: String)]

    public init(outlines: [(country: Country, geoJSON: String)]) {
        self.outlines = outlines
    }

    public static func load(from url: URL) throws -> CountryOutlines {
        var outlines: [(Country, String)] = []
        for (index, feature) in try JSONFile.features(at: url).enumerated() {
            let properties = feature["properties"] as? [String: Any] ?? [:]
            guard let code = properties["iso"] as? String, let country = Country(rawValue: code), country != .other else {
                throw ModelError(file: url.path, "feature \(index): property iso must be PK, IR or AF")
            }
            guard let geometry = feature["geometry"] else { throw ModelError(file: url.path, "feature \(index) has no geometry") }
            let text = String(decoding: try JSONSerialization.data(withJSONObject: geometry), as: UTF8.self)
            outlines.append((country, text))
        }
        return CountryOutlines(outlines: outlines)
    }
}

/// Point-in-country tests over prepared GEOS polygons; one per thread.
public final class CountryLocator {
    private let prepared: [(Country, PreparedGeometry)]

    public init(_ outlines: CountryOutlines, context: GEOSContext = GEOSContext()) throws {
        prepared = try outlines.outlines.map { ($0.country, try Geometry(geoJSON: $0.geoJSON, context: context).prepared()) }
    }

    /// The country whose land holds the point, or `.other`.
    public func country(at point: Coordinate) throws -> Country {
        for (country, polygon) in prepared where try polygon.covers(point) { return country }
        return .other
    }
}
