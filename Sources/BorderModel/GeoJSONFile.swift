import Foundation

/// Reading the model's GeoJSON data files with the fast `JSONValue` parser.
enum GeoJSONFile {
    static func document(at url: URL) throws -> JSONValue {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw ModelError(file: url.path, "cannot read: \(error.localizedDescription)")
        }
        do { return try JSONValue.parse(data) } catch {
            throw ModelError(file: url.path, "not valid JSON: \(error)")
        }
    }

    /// The features of a FeatureCollection (or the document itself when it is one Feature).
    static func features(at url: URL) throws -> [JSONValue] {
        let document = try document(at: url)
        switch document["type"]?.string {
        case "FeatureCollection":
            guard let features = document["features"]?.elements else {
                throw ModelError(file: url.path, "FeatureCollection without a features array")
            }
            return features
        case "Feature": return [document]
        default: throw ModelError(file: url.path, "expected a GeoJSON Feature or FeatureCollection")
        }
    }

    /// The rings of a Polygon or MultiPolygon as interleaved longitude, latitude numbers.
    static func polygons(_ geometry: JSONValue?) -> [[[Double]]]? {
        func ring(_ value: JSONValue) -> [Double]? {
            if let (flat, dimension) = value.flatPositions {
                guard dimension >= 2 else { return nil }
                if dimension == 2 { return flat }
                return stride(from: 0, to: flat.count, by: dimension).flatMap { flat[$0..<$0 + 2] }
            }
            guard let positions = value.elements else { return nil }
            var xy: [Double] = []
            xy.reserveCapacity(positions.count * 2)
            for position in positions {
                guard let numbers = position.numbers, numbers.count >= 2 else { return nil }
                xy += numbers.prefix(2)
            }
            return xy
        }
        func polygon(_ value: JSONValue) -> [[Double]]? {
            guard let rings = value.elements else { return nil }
            let parsed = rings.compactMap(ring)
            return parsed.count == rings.count ? parsed : nil
        }
        guard let geometry, let coordinates = geometry["coordinates"]?.elements else { return nil }
        switch geometry["type"]?.string {
        case "Polygon": return polygon(.array(coordinates)).map { [$0] }
        case "MultiPolygon":
            let parsed = coordinates.compactMap(polygon)
            return parsed.count == coordinates.count ? parsed : nil
        default: return nil
        }
    }
}
