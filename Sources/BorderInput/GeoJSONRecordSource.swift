import BorderModel
import Foundation
import Geodesy

/// The Point features of a GeoJSON FeatureCollection. Every property becomes a field, kept in
/// its JSON form (`InputRecord.values`) for JSON and GeoJSON output and as `JSONValue.plainText`
/// for CSV. The `id` field is `properties.id` where a feature has one (QGIS, geojson.io and most
/// tools put it there), else the Feature's top-level `id`; a `feature_id` field keeps the
/// top-level `id` whenever any feature has one.
///
/// Streamed in two passes over the bytes (`FeatureScanner`), holding one feature at a time: the
/// first checks the whole document and finds the header (so a document that is not valid JSON is
/// unusable before anything is written), the second reads the rows. The header is `id`, then
/// `feature_id` when some feature has a top-level `id`, then the property keys in order of first
/// appearance, each feature's new keys sorted. Standard input is copied to a temporary file for
/// the second pass. Where the document has `features` twice, the last one counts (as a parser
/// keeping one value per key would have it).
public struct GeoJSONRecordSource: RecordSource {
    public let file: String
    public let header: [String]
    private var scanner: FeatureScanner
    /// The `features` member whose elements are the rows (the last one).
    private let rowsMember: Int
    /// Some feature has a top-level `id`: the `feature_id` field holds it.
    private let hasFeatureIDs: Bool
    private var position = 0
    private let rules: RowRules
    private let transformation: Transformation?

    public init(path: String) throws {
        try self.init(origin: InputOrigin(path: path), options: ReadingOptions())
    }

    /// `--crs` applies to the coordinates.
    public init(origin: InputOrigin, options: ReadingOptions) throws {
        let path = origin.name
        file = path
        let chunks = try ByteChunks(origin)
        var first = FeatureScanner(chunks)
        var keys: [String] = [], seen = Set<String>(), hasIDs = false, member = 0
        do {
            while let (bytes, number) = try first.next() {
                if number != member { (keys, seen, hasIDs, member) = ([], [], false, number) }
                let feature = try JSONValue.parse(bytes: bytes, packsNumberArrays: false)
                hasIDs = hasIDs || Self.present(feature["id"]) != nil
                guard case .object(let properties)? = feature["properties"] else { continue }
                for key in properties.keys.sorted() where key != "id" && seen.insert(key).inserted { keys.append(key) }
            }
        } catch is JSONSyntaxError {
            throw UnusableInput(file: path, reason: "not valid JSON")
        } catch is FeatureScanner.NotAnObject {
            // Not an object, so not a FeatureCollection; only the message needs the whole value.
            do { _ = try JSONValue.parse(origin.readAll()) } catch is JSONSyntaxError { throw UnusableInput(file: path, reason: "not valid JSON") }
            throw UnusableInput(file: path, reason: "not a GeoJSON FeatureCollection")
        }
        guard first.type?.string == "FeatureCollection", first.lastFeaturesIsArray else {
            throw UnusableInput(file: path, reason: "not a GeoJSON FeatureCollection")
        }
        if member != first.featuresMembers { (keys, hasIDs) = ([], false) }   // the last `features` is empty
        rowsMember = first.featuresMembers
        hasFeatureIDs = hasIDs
        header = ["id"] + (hasIDs ? ["feature_id"] : []) + keys.filter { !(hasIDs && $0 == "feature_id") }
        scanner = FeatureScanner(try chunks.rewound())
        rules = try RowRules(file: path, header: header, filters: options.filters, uncertainty: options.uncertainty, precisionNames: ["geo_precision", "specificity", "where_prec"],
                             dateField: RowRules.textDate(["event_date", "date"]))
        transformation = try options.crs.map { try PositionColumns.transformation(from: $0, file: path) }
    }

    /// A value that is there and not null.
    private static func present(_ value: JSONValue?) -> JSONValue? { value == .null ? nil : value }

    public mutating func next() throws -> InputRecord? {
        let feature: JSONValue
        do {
            repeat {
                guard let (bytes, member) = try scanner.next() else { return nil }
                guard member == rowsMember else { continue }
                feature = try JSONValue.parse(bytes: bytes, packsNumberArrays: false)
                break
            } while true
        } catch is JSONSyntaxError {
            throw UnusableInput(file: file, reason: "changed while it was read (no longer valid JSON)")
        }
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
