import BorderModel
import Foundation
import Geodesy

/// Reads the features of a small GeoJSON file (regions, fence) for re-emission: geometry as
/// `MapGeometry`, properties sorted by name (JSON objects have no order to keep).
public enum MapFeatureReader {
    public static func read(_ url: URL) throws -> [MapFeature] {
        let data: Data
        do { data = try fileContents(url) } catch { throw UnusableInput(file: url.path, reason: "cannot read") }
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let features = object["features"] as? [[String: Any]] else {
            throw UnusableInput(file: url.path, reason: "not a GeoJSON FeatureCollection")
        }
        return try features.enumerated().map { index, feature in
            guard let geometry = feature["geometry"] as? [String: Any], let parsed = Self.geometry(geometry) else {
                throw UnusableInput(file: url.path, reason: "feature \(index + 1): unsupported or missing geometry")
            }
            let properties = (feature["properties"] as? [String: Any] ?? [:]).sorted { $0.key < $1.key }
                .map { ($0.key, value($0.value)) }
            return MapFeature(geometry: parsed, properties: properties)
        }
    }

    static func geometry(_ object: [String: Any]) -> MapGeometry? {
        func position(_ any: Any) -> Coordinate? {
            guard let numbers = any as? [Any], numbers.count >= 2,
                  let x = GeoJSONRecordSource.number(numbers[0]), let y = GeoJSONRecordSource.number(numbers[1]) else { return nil }
            return Coordinate(longitude: x, latitude: y)
        }
        func line(_ any: Any) -> [Coordinate]? {
            guard let items = any as? [Any] else { return nil }
            let points = items.compactMap(position)
            return points.count == items.count ? points : nil
        }
        func lines(_ any: Any) -> [[Coordinate]]? {
            guard let items = any as? [Any] else { return nil }
            let parsed = items.compactMap(line)
            return parsed.count == items.count ? parsed : nil
        }
        let coordinates = object["coordinates"] ?? []
        switch object["type"] as? String {
        case "Point": return position(coordinates).map(MapGeometry.point)
        case "LineString": return line(coordinates).map(MapGeometry.lineString)
        case "MultiLineString": return lines(coordinates).map(MapGeometry.multiLineString)
        case "Polygon": return lines(coordinates).map(MapGeometry.polygon)
        case "MultiPolygon":
            guard let items = coordinates as? [Any] else { return nil }
            let parsed = items.compactMap(lines)
            return parsed.count == items.count ? .multiPolygon(parsed) : nil
        default: return nil
        }
    }

    static func value(_ any: Any) -> PropertyValue {
        switch any {
        case is NSNull: return .null
        case let text as String: return .string(text)
        case let number as NSNumber:
            // swift-corelibs-foundation decodes true/false as Bool-backed NSNumbers.
            if GeoJSONRecordSource.isBoolean(number) { return .bool(number.boolValue) }
            return .number(number.doubleValue)
        default:
            let data = (try? JSONSerialization.data(withJSONObject: any, options: [.sortedKeys])) ?? Data()
            return .string(String(decoding: data, as: UTF8.self))
        }
    }
}
