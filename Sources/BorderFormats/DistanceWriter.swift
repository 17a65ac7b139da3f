import BorderAnalysis
import Foundation

/// Writes measured rows in one output format, streaming.
public protocol DistanceWriter: AnyObject {
    func begin(header: [String])
    func write(_ record: InputRecord, _ result: BorderDistance)
    func finish()
}

public enum OutputFormat: String, CaseIterable, Sendable {
    case table, csv, json, geojson
    /// GeoJSON text sequences (RFC 8142): one Feature per record, each after an RS byte.
    case geojsonseq
}

public func makeDistanceWriter(_ format: OutputFormat, output: Output, precision: Int = 6) -> DistanceWriter {
    format == .table ? TableWriter(output: output) : FormattedWriter(format: format, output: output, precision: precision)
}

/// Streams rows through a `RowFormatter` (every format but the table).
final class FormattedWriter: DistanceWriter {
    private let output: Output
    private let format: OutputFormat
    private let precision: Int
    private var formatter: RowFormatter?
    private var count = 0

    init(format: OutputFormat, output: Output, precision: Int) {
        self.output = output
        self.format = format
        self.precision = precision
    }

    func begin(header: [String]) {
        let formatter = RowFormatter(format: format, header: header, precision: precision)
        self.formatter = formatter
        output.write(formatter.prologue)
    }

    func write(_ record: InputRecord, _ result: BorderDistance) {
        guard let formatter, let row = formatter.row(record, result) else { return }
        if count > 0 { output.write(formatter.separator) }
        output.write(row)
        count += 1
    }

    func finish() {
        guard let formatter else { return }
        output.write(formatter.epilogue(isEmpty: count == 0))
    }
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
