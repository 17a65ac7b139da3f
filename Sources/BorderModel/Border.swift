import Foundation
import Geodesy

/// The Pakistan–Iran border: one line from the Koh-i-Malik Siah tripoint to Gwatar (Gwadar) Bay,
/// each edge the WGS84 geodesic between its vertices. Facing along it (north to south),
/// Pakistan is on the left and Iran on the right.
public struct Border: Sendable {
    public let line: GeodesicPolyline
    public let name: String
    public let source: String
    public let licence: String
    public let countryOnLeft: Country = .pakistan
    public let countryOnRight: Country = .iran

    public init(line: GeodesicPolyline, name: String, source: String, licence: String) {
        self.line = line
        self.name = name
        self.source = source
        self.licence = licence
    }

    public var lengthKilometres: Double { line.length / 1000 }
    public var start: Coordinate { line.vertices.first! }
    public var end: Coordinate { line.vertices.last! }

    /// Reads the first LineString feature of a GeoJSON FeatureCollection; its edge solutions come
    /// from, and go to, the `edgeCache` folder (nil: solved every time).
    public static func load(from url: URL, edgeCache: URL? = EdgeCache.directory) throws -> Border {
        guard let feature = try lineFeatures(at: url).first else {
            throw ModelError(file: url.path, "no LineString feature with [longitude, latitude] positions")
        }
        return try border(from: feature, of: url, edgeCache: edgeCache)
    }

    /// Every LineString feature, in file order (`data/border-alternatives.geojson`: one line per source).
    public static func loadAll(from url: URL, edgeCache: URL? = EdgeCache.directory) throws -> [Border] {
        try lineFeatures(at: url).map { try border(from: $0, of: url, edgeCache: edgeCache) }
    }

    private static func lineFeatures(at url: URL) throws -> [JSONValue] {
        try GeoJSONFile.features(at: url).filter { $0["geometry"]?["type"]?.string == "LineString" }
    }

    private static func border(from feature: JSONValue, of url: URL, edgeCache: URL?) throws -> Border {
        guard case .success(let vertices) = GeoJSONFile.positions(feature["geometry"]?["coordinates"]) else {
            throw ModelError(file: url.path, "no LineString feature with [longitude, latitude] positions")
        }
        let properties = feature["properties"]
        do {
            let key = EdgeSolution.key(vertices)
            let known = EdgeCache.load(key: key, count: vertices.count - 1, from: edgeCache)
            let line = try GeodesicPolyline(vertices, known: known)
            if known == nil { EdgeCache.save(line.edges, key: key, to: edgeCache) }
            return Border(line: line, name: properties?["name"]?.string ?? url.lastPathComponent,
                          source: properties?["source"]?.string ?? "", licence: properties?["licence"]?.string ?? "")
        } catch {
            throw ModelError(file: url.path, "\(error)")
        }
    }
}
