import BorderInput
import BorderModel
import Foundation
import Geodesy

/// Reads the features of a small GeoJSON file (regions, fence) for re-emission: geometry as
/// `MapGeometry`, properties sorted by name (JSON objects have no order to keep), each in its
/// JSON form.
public enum MapFeatureReader {
    public static func read(_ url: URL) throws -> [MapFeature] {
        let data: Data
        do { data = try fileContents(url) } catch { throw UnusableInput(file: url.path, reason: "cannot read") }
        guard let document = try? JSONValue.parse(data), case .array(let features)? = document["features"] else {
            throw UnusableInput(file: url.path, reason: "not a GeoJSON FeatureCollection")
        }
        return try features.enumerated().map { index, feature in
            guard let geometry = feature["geometry"], let parsed = Self.geometry(geometry) else {
                throw UnusableInput(file: url.path, reason: "feature \(index + 1): unsupported or missing geometry")
            }
            guard case .object(let members)? = feature["properties"] else { return MapFeature(geometry: parsed, properties: []) }
            return MapFeature(geometry: parsed, properties: members.sorted { $0.key < $1.key }.map { ($0.key, PropertyValue($0.value)) })
        }
    }

    static func geometry(_ object: JSONValue) -> MapGeometry? {
        func position(_ value: JSONValue) -> Coordinate? {
            guard let numbers = value.numbers, numbers.count >= 2 else { return nil }
            return Coordinate(longitude: numbers[0], latitude: numbers[1])
        }
        func all<T>(_ value: JSONValue?, _ each: (JSONValue) -> T?) -> [T]? {
            guard let items = value?.elements else { return nil }
            let parsed = items.compactMap(each)
            return parsed.count == items.count ? parsed : nil
        }
        func line(_ value: JSONValue) -> [Coordinate]? { all(value, position) }
        func lines(_ value: JSONValue) -> [[Coordinate]]? { all(value, line) }
        let coordinates = object["coordinates"]
        switch object["type"]?.string {
        case "Point": return coordinates.flatMap(position).map(MapGeometry.point)
        case "LineString": return coordinates.flatMap(line).map(MapGeometry.lineString)
        case "MultiLineString": return coordinates.flatMap(lines).map(MapGeometry.multiLineString)
        case "Polygon": return coordinates.flatMap(lines).map(MapGeometry.polygon)
        case "MultiPolygon": return all(coordinates, lines).map(MapGeometry.multiPolygon)
        default: return nil
        }
    }
}
