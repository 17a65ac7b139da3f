import Foundation

/// Minimal typed access to parsed JSON for the model's own data files.
enum JSONFile {
    static func object(at url: URL) throws -> [String: Any] {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw ModelError(file: url.path, "cannot read: \(error.localizedDescription)")
        }
        do {
            guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
                throw ModelError(file: url.path, "the top level is not a JSON object")
            }
            return object
        } catch let error as ModelError { throw error } catch {
            throw ModelError(file: url.path, "not valid JSON: \(error.localizedDescription)")
        }
    }

    /// The features of a FeatureCollection (or the object itself when it is a single Feature).
    static func features(at url: URL) throws -> [[String: Any]] {
        let object = try object(at: url)
        switch object["type"] as? String {
        case "FeatureCollection":
            guard let features = object["features"] as? [[String: Any]] else {
                throw ModelError(file: url.path, "FeatureCollection without a features array")
            }
            return features
        case "Feature": return [object]
        default: throw ModelError(file: url.path, "expected a GeoJSON Feature or FeatureCollection")
        }
    }
}
