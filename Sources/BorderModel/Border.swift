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

    /// Reads the first LineString feature of a GeoJSON FeatureCollection.
    public static func load(from url: URL) throws -> Border {
        struct Collection: Decodable { var features: [Feature] }
        struct Feature: Decodable { var geometry: Geometry?; var properties: Properties? }
        struct Geometry: Decodable { var type: String; var coordinates: [[Double]]? }
        struct Properties: Decodable { var name: String?; var source: String?; var licence: String? }
        let feature: Feature
        do {
            let data = try Data(contentsOf: url)
            let features = try JSONDecoder().decode(Collection.self, from: data).features
            guard let line = features.first(where: { $0.geometry?.type == "LineString" }) else {
                throw ModelError(file: url.path, "no LineString feature")
            }
            feature = line
        } catch let error as ModelError { throw error } catch {
            throw ModelError(file: url.path, "not a GeoJSON FeatureCollection with a LineString: \(error)")
        }
        let vertices = try (feature.geometry?.coordinates ?? []).enumerated().map { index, position in
            guard position.count >= 2 else { throw ModelError(file: url.path, "position \(index) has fewer than two numbers") }
            return Coordinate(longitude: position[0], latitude: position[1])
        }
        do {
            return Border(line: try GeodesicPolyline(vertices), name: feature.properties?.name ?? url.lastPathComponent,
                          source: feature.properties?.source ?? "", licence: feature.properties?.licence ?? "")
        } catch {
            throw ModelError(file: url.path, "\(error)")
        }
    }
}
