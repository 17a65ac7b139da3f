import BorderAnalysis
import Foundation

/// Writes measured rows in one output format, streaming.
public protocol DistanceWriter: AnyObject {
    func begin(header: [String])
    func write(_ record: InputRecord, _ result: BorderDistance)
    func finish()
}

public enum OutputFormat: String, CaseIterable, Sendable {
    case table, csv, json, geojson, geojsonseq
}

public func makeDistanceWriter(_ format: OutputFormat, output: Output, precision: Int = 6) -> DistanceWriter {
    switch format {
    case .table: TableWriter(output: output)
    case .csv: CSVDistanceWriter(output: output)
    case .json: JSONDistanceWriter(output: output)
    case .geojson: GeoJSONDistanceWriter(output: output, precision: precision)
    case .geojsonseq: GeoJSONDistanceWriter(output: output, precision: precision, kind: .sequence)
    }
}

/// RFC 4180 CSV: input columns first, then `DistanceColumns.names`.
final class CSVDistanceWriter: DistanceWriter {
    private let output: Output
    private var kept: [Int] = []

    init(output: Output) { self.output = output }

    func begin(header: [String]) {
        kept = DistanceColumns.passThrough(header)
        writeRow(kept.map { header[$0] } + DistanceColumns.names)
    }

    func write(_ record: InputRecord, _ result: BorderDistance) {
        writeRow(kept.map { $0 < record.fields.count ? record.fields[$0] : "" } + DistanceColumns.text(result))
    }

    func finish() {}

    private func writeRow(_ fields: [String]) {
        output.write(fields.map(Self.quote).joined(separator: ",") + "\n")
    }

    static func quote(_ field: String) -> String {
        guard field.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

/// A JSON array of objects: input fields as strings, computed fields typed.
final class JSONDistanceWriter: DistanceWriter {
    private let output: Output
    private var header: [String] = []
    private var kept: [Int] = []
    private var count = 0

    init(output: Output) { self.output = output }

    func begin(header: [String]) {
        self.header = header
        kept = DistanceColumns.passThrough(header)
        output.write("[")
    }

    func write(_ record: InputRecord, _ result: BorderDistance) {
        output.write((count == 0 ? "\n" : ",\n") + "{" + JSONText.members(kept.map { (header[$0], JSONText.string($0 < record.fields.count ? record.fields[$0] : "")) } + JSONText.computed(result)) + "}")
        count += 1
    }

    func finish() { output.write(count == 0 ? "]\n" : "\n]\n") }
}

/// The input points as `incident` features with input and computed properties: one
/// FeatureCollection (`geojson`) or an RFC 8142 text sequence (`geojsonseq`).
final class GeoJSONDistanceWriter: DistanceWriter {
    private let writer: FeatureStreamWriter
    private var header: [String] = []

    init(output: Output, precision: Int, kind: FeatureStreamWriter.Kind = .collection) {
        writer = FeatureStreamWriter(output: output, kind: kind, precision: precision)
    }

    func begin(header: [String]) {
        self.header = header
        writer.begin()
    }

    func write(_ record: InputRecord, _ result: BorderDistance) {
        guard case .success(let point) = record.position else { return }
        writer.write(IncidentFeature.point(header: header, record: record, result: result, at: point))
    }

    func finish() { writer.finish() }
}

/// Hand-made JSON text for streaming output.
enum JSONText {
    static func string(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case let c where c.value < 0x20: result += String(format: "\\u%04x", c.value)
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }

    static func members(_ pairs: [(String, String)]) -> String {
        pairs.map { string($0.0) + ":" + $0.1 }.joined(separator: ",")
    }

    static func computed(_ result: BorderDistance) -> [(String, String)] {
        let values = DistanceColumns.text(result)
        let numeric: Set<String> = ["distance_m", "nearest_lon", "nearest_lat", "chainage_km", "nearest_place_km"]
        return zip(DistanceColumns.names, values).map { name, value in
            if name == "beyond_end" { return (name, value) }
            if numeric.contains(name) { return (name, value.isEmpty ? "null" : value) }
            return (name, value.isEmpty ? "null" : string(value))
        }
    }
}
