import Foundation
import Geodesy

/// The Point features of a GeoJSON FeatureCollection. Every property becomes a field (nested
/// values as JSON text, booleans `true`/`false`, null empty). The `id` field is `properties.id`
/// where a feature has one (QGIS, geojson.io and most tools put it there), else the Feature's
/// top-level `id`; a `feature_id` field keeps the top-level `id` whenever any feature has one.
public struct GeoJSONRecordSource: RecordSource {
    public let file: String
    public let header: [String]
    private let features: [[String: Any]]
    /// Some feature has a top-level `id`: the `feature_id` field holds it.
    private let hasFeatureIDs: Bool
    private var position = 0
    private let rules: RowRules
    private let transformation: Transformation?

    public init(path: String) throws {
        try self.init(origin: InputOrigin(path: path), options: ReadingOptions())
    }

    /// Reads the whole document (GeoJSON is not streamed); `--crs` applies to the coordinates.
    public init(origin: InputOrigin, options: ReadingOptions) throws {
        let path = origin.name
        file = path
        let data = try origin.readAll()
        let object: Any
        do { object = try JSONSerialization.jsonObject(with: data) } catch {
            throw UnusableInput(file: path, reason: "not valid JSON")
        }
        guard let collection = object as? [String: Any], collection["type"] as? String == "FeatureCollection",
              let features = collection["features"] as? [Any] else {
            throw UnusableInput(file: path, reason: "not a GeoJSON FeatureCollection")
        }
        self.features = features.map { $0 as? [String: Any] ?? [:] }
        var header = ["id"]
        hasFeatureIDs = self.features.contains { $0["id"] != nil && !($0["id"] is NSNull) }
        if hasFeatureIDs { header.append("feature_id") }
        for feature in self.features {
            for key in (feature["properties"] as? [String: Any] ?? [:]).keys.sorted() where !header.contains(key) {
                header.append(key)
            }
        }
        self.header = header
        rules = try RowRules(file: path, header: header, filters: options.filters, precisionNames: ["geo_precision", "specificity", "where_prec"],
                             dateField: RowRules.textDate(["event_date", "date"]))
        transformation = try options.crs.map { try PositionColumns.transformation(from: $0, file: path) }
    }

    public mutating func next() throws -> InputRecord? {
        guard position < features.count else { return nil }
        let feature = features[position]
        position += 1
        let properties = feature["properties"] as? [String: Any] ?? [:]
        let fields = header.map { key in
            switch key {
            case "id": Self.text(properties["id"].flatMap { $0 is NSNull ? nil : $0 } ?? feature["id"])
            case "feature_id" where hasFeatureIDs: Self.text(feature["id"])
            default: Self.text(properties[key])
            }
        }
        return rules.record(row: position, fields: fields) { point(of: feature) }
    }

    private func point(of feature: [String: Any]) -> Result<Coordinate, Rejection> {
        func reject(_ value: String, _ reason: String) -> Result<Coordinate, Rejection> {
            .failure(Rejection(file: file, row: position, column: "geometry", value: value, reason: reason))
        }
        guard let geometry = feature["geometry"] as? [String: Any] else { return reject("null", "the feature has no geometry") }
        let type = geometry["type"] as? String ?? "?"
        guard type == "Point" else { return reject(type, "expected a Point geometry") }
        guard let numbers = geometry["coordinates"] as? [Any], numbers.count >= 2,
              let longitude = Self.number(numbers[0]), let latitude = Self.number(numbers[1]) else {
            return reject(Self.text(geometry["coordinates"]), "coordinates must be [longitude, latitude]")
        }
        var coordinate = Coordinate(longitude: longitude, latitude: latitude)
        if let transformation {
            guard longitude.isFinite, latitude.isFinite else { return reject("[\(longitude), \(latitude)]", "not finite") }
            do {
                let result = try transformation.transform(x: longitude, y: latitude)
                coordinate = Coordinate(longitude: result.x, latitude: result.y)
            } catch {
                return reject("[\(longitude), \(latitude)]", "\(error)")
            }
        }
        guard coordinate.isValid else { return reject("[\(longitude), \(latitude)]", "outside -180…180, -90…90") }
        return .success(coordinate)
    }

    /// A JSON number; `true`/`false` arrive as Bool-backed NSNumbers and are not coordinates.
    static func number(_ value: Any) -> Double? {
        guard let number = value as? NSNumber, !isBoolean(number) else { return nil }
        return number.doubleValue
    }

    /// swift-corelibs-foundation decodes `true`/`false` as Bool-backed NSNumbers (type "c").
    static func isBoolean(_ number: NSNumber) -> Bool { String(cString: number.objCType) == "c" }

    static func text(_ value: Any?) -> String {
        switch value {
        case nil, is NSNull: return ""
        case let string as String: return string
        case let number as NSNumber where isBoolean(number): return number.boolValue ? "true" : "false"
        case let number as NSNumber: return number.stringValue
        case let other?:
            guard JSONSerialization.isValidJSONObject(other),
                  let data = try? JSONSerialization.data(withJSONObject: other, options: [.sortedKeys]) else { return "\(other)" }
            return String(decoding: data, as: UTF8.self)
        }
    }
}
