import Foundation
import Geodesy

/// Reading the model's GeoJSON data files with the fast `JSONValue` parser.
enum GeoJSONFile {
    static func document(at url: URL) throws -> JSONValue {
        let data: Data
        do { data = try fileContents(url) } catch {
            throw ModelError(file: url.path, "cannot read: \(error.localizedDescription)")
        }
        do { return try JSONValue.parse(data) } catch {
            throw ModelError(file: url.path, "not valid JSON: \(error)")
        }
    }

    /// The features of a FeatureCollection (or the document itself when it is one Feature).
    static func features(at url: URL) throws -> [JSONValue] {
        try features(in: document(at: url), file: url.path)
    }

    static func features(in document: JSONValue, file: String) throws -> [JSONValue] {
        switch document["type"]?.string {
        case "FeatureCollection":
            guard let features = document["features"]?.elements else {
                throw ModelError(file: file, "FeatureCollection without a features array")
            }
            return features
        case "Feature": return [document]
        default: throw ModelError(file: file, "expected a GeoJSON Feature or FeatureCollection")
        }
    }

    /// Positions as longitude/latitude pairs; nil (with the index of the first bad one) otherwise.
    static func positions(_ value: JSONValue?) -> Result<[Coordinate], PositionError> {
        if let (flat, dimension) = value?.flatPositions, dimension >= 2 {
            return .success(stride(from: 0, to: flat.count, by: dimension).map {
                Coordinate(longitude: flat[$0], latitude: flat[$0 + 1])
            })
        }
        guard let elements = value?.elements else { return .failure(PositionError(index: nil)) }
        var coordinates: [Coordinate] = []
        for (index, element) in elements.enumerated() {
            guard let numbers = element.numbers, numbers.count >= 2 else { return .failure(PositionError(index: index)) }
            coordinates.append(Coordinate(longitude: numbers[0], latitude: numbers[1]))
        }
        return .success(coordinates)
    }

    /// Which position was not [longitude, latitude] (nil: the coordinates are not an array).
    struct PositionError: Error { var index: Int? }

    /// A JSON string or number as text (a number as written).
    static func text(_ value: JSONValue?) -> String? {
        switch value {
        case .string(let text)?: text
        case .number(_, let text)?: text
        default: nil
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
