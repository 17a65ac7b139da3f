import BorderAnalysis
import BorderInput
import Foundation

public enum OutputFormat: String, CaseIterable, Sendable {
    case table, csv, json, geojson
    /// GeoJSON text sequences (RFC 8142): one Feature per record, each after an RS byte.
    case geojsonseq
}

/// Hand-made JSON text for streaming output.
public enum JSONText {
    public static func string(_ text: String) -> String {
        var bytes: [UInt8] = []
        bytes.appendJSONString(text)
        return String(decoding: bytes, as: UTF8.self)
    }

    static func members(_ pairs: [(String, String)]) -> String {
        pairs.map { string($0.0) + ":" + $0.1 }.joined(separator: ",")
    }

}
