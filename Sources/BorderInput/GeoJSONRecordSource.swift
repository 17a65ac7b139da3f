import BorderModel
import Foundation
import Geodesy

/// The Point features of a GeoJSON FeatureCollection. Every property becomes a field, kept in
/// its JSON form (`InputRecord.values`) for JSON and GeoJSON output and as `JSONValue.plainText`
/// for CSV. The `id` field is `properties.id` where a feature has one (QGIS, geojson.io and most
/// tools put it there), else the Feature's top-level `id`; a `feature_id` field keeps the
/// top-level `id` whenever any feature has one.
public struct GeoJSONRecordSource: RecordSource {
    public let file: String
    public let header: [String]
    private let features: [JSONValue]
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
        let document: JSONValue
        do { document = try JSONValue.parse(origin.readAll(), packsNumberArrays: false) } catch is JSONSyntaxError {
            throw UnusableInput(file: path, reason: "not valid JSON")
        }
        guard document["type"]?.string == "FeatureCollection", case .array(let features)? = document["features"] else {
            throw UnusableInput(file: path, reason: "not a GeoJSON FeatureCollection")
        }
        self.features = features
        var header = ["id"]
        hasFeatureIDs = features.contains { Self.present($0["id"]) != nil }
        if hasFeatureIDs { header.append("feature_id") }
        for feature in features {
            guard case .object(let properties)? = feature["properties"] else { continue }
            for key in properties.keys.sorted() where !header.contains(key) { header.append(key) }
        }
        self.header = header
        rules = try RowRules(file: path, header: header, filters: options.filters, uncertainty: options.uncertainty, precisionNames: ["geo_precision", "specificity", "where_prec"],
                             dateField: RowRules.textDate(["event_date", "date"]))
        transformation = try options.crs.map { try PositionColumns.transformation(from: $0, file: path) }
    }

    /// A value that is there and not null.
    private static func present(_ value: JSONValue?) -> JSONValue? { value == .null ? nil : value }

    public mutating func next() throws -> InputRecord? {
        guard position < features.count else { return nil }
        let feature = features[position]
        position += 1
        let values = header.map { key -> JSONValue? in
            switch key {
            case "id": Self.present(feature["properties"]?["id"]) ?? feature["id"]
            case "feature_id" where hasFeatureIDs: feature["id"]
            default: feature["properties"]?[key]
            }
        }
        var record = rules.record(row: position, fields: values.map { $0?.plainText ?? "" }) { point(of: feature) }
        record.values = values
        return record
    }

    private func point(of feature: JSONValue) -> Result<Coordinate, Rejection> {
        func reject(_ value: String, _ reason: String) -> Result<Coordinate, Rejection> {
            .failure(Rejection(file: file, row: position, column: "geometry", value: value, reason: reason))
        }
        guard let geometry = feature["geometry"], case .object = geometry else { return reject("null", "the feature has no geometry") }
        let type = geometry["type"]?.string ?? "?"
        guard type == "Point" else { return reject(type, "expected a Point geometry") }
        guard let numbers = geometry["coordinates"]?.elements, numbers.count >= 2,
              let longitude = numbers[0].number, let latitude = numbers[1].number else {
            return reject(geometry["coordinates"]?.jsonText ?? "", "coordinates must be [longitude, latitude]")
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
}
