import BorderAnalysis
import BorderInput
import BorderModel
import Geodesy

/// Formats measured rows as bytes with no shared state, so worker threads can format their own
/// blocks. The output is `prologue`, the rows joined by `separator`, then `epilogue`.
public struct RowFormatter: Sendable {
    public let format: OutputFormat
    private let header: [String]
    private let kept: [Int]
    private let encoder: GeoJSONText
    public let columns: DistanceColumns.Selection

    public init(format: OutputFormat, header: [String], precision: Int = 6, columns: DistanceColumns.Selection = .all) {
        self.format = format
        self.header = header
        self.kept = DistanceColumns.passThrough(header, writing: columns)
        self.encoder = GeoJSONText(precision: precision)
        self.columns = columns
    }

    public var prologue: String {
        switch format {
        case .csv: CSVText.line(kept.map { header[$0] } + columns.names)
        case .json: "[\n"
        case .geojson: "{\"type\":\"FeatureCollection\",\"features\":[\n"
        case .geojsonseq, .table: ""
        }
    }

    public var separator: String {
        switch format {
        case .json, .geojson: ",\n"
        case .csv, .geojsonseq, .table: ""
        }
    }

    public func epilogue(isEmpty: Bool) -> String {
        switch format {
        case .json: isEmpty ? "]\n" : "\n]\n"
        case .geojson: isEmpty ? "]}\n" : "\n]}\n"
        case .csv, .geojsonseq, .table: ""
        }
    }

    /// Appends one measured row (`point` is its position) to a block of rows.
    public func append(_ record: InputRecord, at point: Coordinate, _ result: MeasuredDistance, to rows: inout FormattedRows) {
        if rows.count > 0 { rows.bytes.append(contentsOf: separator.utf8) }
        append(record, at: point, result, to: &rows.bytes)
        rows.count += 1
    }

    /// Appends one measured row (`point` is its position).
    public func append(_ record: InputRecord, at point: Coordinate, _ result: MeasuredDistance, to bytes: inout [UInt8]) {
        switch format {
        case .csv, .table:
            for (n, index) in kept.enumerated() {
                if n > 0 { bytes.append(0x2C) }
                bytes.appendCSVField(index < record.fields.count ? record.fields[index] : "")
            }
            appendValues(result, after: !kept.isEmpty, to: &bytes) { _, value, bytes in bytes.appendCSVValue(value) }
            bytes.append(0x0A)
        case .json:
            bytes.append(0x7B)
            appendMembers(record, result, to: &bytes)
            bytes.append(0x7D)
        case .geojson, .geojsonseq:
            if format == .geojsonseq { bytes.append(0x1E) }
            encoder.appendFeatureOpening(.point(point), to: &bytes)
            bytes.append(contentsOf: #""layer":"incident","#.utf8)
            appendMembers(record, result, to: &bytes)
            bytes.append(contentsOf: "}}".utf8)
            if format == .geojsonseq { bytes.append(0x0A) }
        }
    }

    /// Input fields (in their JSON form when the input has one, an absent property left out;
    /// else as strings), then the computed values typed.
    private func appendMembers(_ record: InputRecord, _ result: MeasuredDistance, to bytes: inout [UInt8]) {
        var first = true
        for index in kept {
            let value = record.values.map { index < $0.count ? $0[index] : nil }
            if case .some(.none) = value { continue }              // a property this feature does not have
            if !first { bytes.append(0x2C) }
            first = false
            bytes.appendJSONString(header[index])
            bytes.append(0x3A)
            if case .some(.some(let json)) = value { json.appendJSON(to: &bytes) } else {
                bytes.appendJSONString(index < record.fields.count ? record.fields[index] : "")
            }
        }
        appendValues(result, after: !first, to: &bytes) { n, value, bytes in
            bytes.appendJSONString(DistanceColumns.names[n])
            bytes.append(0x3A)
            bytes.appendJSONValue(value)
        }
    }

    /// The chosen computed values in column order, each after a comma unless it opens the row.
    private func appendValues(_ result: MeasuredDistance, after opened: Bool, to bytes: inout [UInt8],
                              _ appendOne: (Int, DistanceColumns.Value, inout [UInt8]) -> Void) {
        var first = !opened
        DistanceColumns.forEachValue(result) { n, value in
            guard columns.written[n] else { return }
            if !first { bytes.append(0x2C) }
            first = false
            appendOne(n, value, &bytes)
        }
    }
}

/// Formatted rows of one block, joined by the format's separator: the row loop's batch for
/// every output format but the table.
public struct FormattedRows: Sendable {
    public var bytes: [UInt8] = []
    public var count = 0
    public init() {}
}

/// Writes blocks of formatted rows in order: the prologue, the blocks joined by the separator,
/// the epilogue.
public final class FormattedStream {
    private let output: Output
    private let formatter: RowFormatter
    private var count = 0

    public init(output: Output, formatter: RowFormatter) {
        self.output = output
        self.formatter = formatter
        output.write(formatter.prologue)
    }

    /// Returns false once the output has failed: stop measuring.
    public func write(_ rows: FormattedRows) -> Bool {
        if rows.count > 0 {
            if count > 0 { output.write(formatter.separator) }
            output.write(bytes: rows.bytes)
            count += rows.count
        }
        return !output.hasFailed
    }

    public func finish() { output.write(formatter.epilogue(isEmpty: count == 0)) }
}
