import BorderAnalysis
import BorderInput
import Geodesy

/// Measured rows as JSON columns (one array per column), the compact form the browser map
/// embeds: a block holds, for each column, its rows' JSON values joined by commas, so blocks can be
/// formatted on the workers and appended column by column to a spool in input order.
public struct ColumnarBlock: Sendable {
    public var columns: [[UInt8]]
    public var count = 0

    public init() { columns = [] }
}

/// Which columns a map row has: the drawing's own (position, day, side, casualties, radius, the
/// nearest border point), the input's fields as strings, then the chosen computed columns typed.
/// Every value is JSON with `<` written `\u003c`, so the text can sit in an HTML `<script>` element.
public struct ColumnarFormatter: Sendable {
    /// The drawing's own columns; names start with `_`, so they never meet an input column's. The
    /// side and the nearest border point come from the computed columns (always written here).
    public static let drawingColumns = ["_lon", "_lat", "_day", "_casualties", "_radius_km"]

    public let header: [String]
    public let selection: DistanceColumns.Selection
    private let incidentColumns: IncidentColumns

    /// `selection` must write `side`, `nearest_lon` and `nearest_lat` (the drawing uses them).
    public init(header: [String], selection: DistanceColumns.Selection) {
        precondition(["side", "nearest_lon", "nearest_lat"].allSatisfy(selection.names.contains))
        self.header = header
        self.selection = selection
        incidentColumns = IncidentColumns(header: header)
    }

    /// Input columns then computed ones, as the popups list them.
    public var fieldNames: [String] { header.indices.filter { !selection.names.contains(header[$0]) }.map { header[$0] } + selection.names }
    public var names: [String] { Self.drawingColumns + fieldNames }

    public func append(_ record: InputRecord, at point: Coordinate, _ measured: MeasuredDistance, to block: inout ColumnarBlock) {
        if block.columns.isEmpty { block.columns = Array(repeating: [], count: names.count) }
        var column = 0
        func put(_ write: (inout [UInt8]) -> Void) {
            if block.count > 0 { block.columns[column].append(0x2C) }
            write(&block.columns[column])
            column += 1
        }
        put { $0.appendFixed(point.longitude, decimals: 5) }
        put { $0.appendFixed(point.latitude, decimals: 5) }
        put { $0.append(contentsOf: String(record.date?.earliest ?? 0).utf8) }
        put { $0.append(contentsOf: String(incidentColumns.killed(of: record) + incidentColumns.injured(of: record)).utf8) }
        put { $0.appendFixed(record.uncertainty.radiusKilometres, decimals: 3) }
        for index in header.indices where !selection.names.contains(header[index]) {
            put { $0.appendSafeJSONString(index < record.fields.count ? record.fields[index] : "") }
        }
        DistanceColumns.forEachValue(measured) { n, value in
            guard selection.written[n] else { return }
            put { bytes in
                var json: [UInt8] = []
                json.appendJSONValue(value)
                bytes.appendEscapingLessThan(json)
            }
        }
        block.count += 1
    }
}

extension Array where Element == UInt8 {
    /// A JSON string that is also safe inside an HTML `<script>` element.
    public mutating func appendSafeJSONString(_ text: String) {
        var json: [UInt8] = []
        json.appendJSONString(text)
        appendEscapingLessThan(json)
    }

    /// JSON text with every `<` (only ever inside a string) written `\u003c`: no `</script>` or `<!--`.
    public mutating func appendEscapingLessThan(_ json: [UInt8]) {
        for byte in json {
            if byte == 0x3C { append(contentsOf: Array(#"\u003c"#.utf8)) } else { append(byte) }
        }
    }
}
