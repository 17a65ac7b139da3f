import BorderAnalysis
import Foundation

/// Writes measured rows in one output format, streaming.
public protocol DistanceWriter: AnyObject {
    func begin(header: [String])
    func write(_ record: InputRecord, _ result: BorderDistance)
    func finish()
    /// True once the output has failed (a closed pipe, a full disk): stop measuring.
    var outputFailed: Bool { get }
}

public enum OutputFormat: String, CaseIterable, Sendable {
    case table, csv, json, geojson
    /// GeoJSON text sequences (RFC 8142): one Feature per record, each after an RS byte.
    case geojsonseq
}

/// `columns` selects the computed columns of every format but the table, which has its own.
public func makeDistanceWriter(_ format: OutputFormat, output: Output, precision: Int = 6,
                               columns: DistanceColumns.Selection = .all) -> DistanceWriter {
    format == .table ? TableWriter(output: output)
        : FormattedWriter(format: format, output: output, precision: precision, columns: columns)
}

/// Streams rows through a `RowFormatter` (every format but the table).
final class FormattedWriter: DistanceWriter {
    private let output: Output
    private let format: OutputFormat
    private let precision: Int
    private let columns: DistanceColumns.Selection
    private var formatter: RowFormatter?
    private var count = 0

    var outputFailed: Bool { output.hasFailed }

    init(format: OutputFormat, output: Output, precision: Int, columns: DistanceColumns.Selection) {
        self.output = output
        self.format = format
        self.precision = precision
        self.columns = columns
    }

    func begin(header: [String]) {
        let formatter = RowFormatter(format: format, header: header, precision: precision, columns: columns)
        self.formatter = formatter
        output.write(formatter.prologue)
    }

    func write(_ record: InputRecord, _ result: BorderDistance) {
        guard let formatter else { return }
        var row: [UInt8] = []
        guard formatter.append(record, result, to: &row) else { return }
        if count > 0 { output.write(formatter.separator) }
        output.write(bytes: row)
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
        var bytes: [UInt8] = []
        bytes.appendJSONString(text)
        return String(decoding: bytes, as: UTF8.self)
    }

    static func members(_ pairs: [(String, String)]) -> String {
        pairs.map { string($0.0) + ":" + $0.1 }.joined(separator: ",")
    }

}
