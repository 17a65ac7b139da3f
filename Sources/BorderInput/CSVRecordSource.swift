import BorderModel
import Foundation
import Geodesy

/// Rows of a generic CSV file (or standard input) with a position in two columns (degrees,
/// degrees-minutes-seconds, or projected with `--crs`) or in a WKT column.
public struct CSVRecordSource: RecordSource {
    public static let latitudeNames = PositionColumns.latitudeNames
    public static let longitudeNames = PositionColumns.longitudeNames

    public var file: String { rows.name }
    public var header: [String] { rows.header }
    private let rows: CSVRows
    private let positions: PositionColumns
    private let rules: RowRules

    public init(path: String, latitudeColumn: String? = nil, longitudeColumn: String? = nil) throws {
        try self.init(rows: CSVRows(InputOrigin(path: path)),
                      options: ReadingOptions(latitudeColumn: latitudeColumn, longitudeColumn: longitudeColumn), wkt: false)
    }

    init(rows: CSVRows, options: ReadingOptions, wkt: Bool) throws {
        self.rows = rows
        (positions, rules) = try Self.interpreter(header: rows.header, file: rows.name, options: options, wkt: wkt)
    }

    /// How a generic CSV row becomes an `InputRecord`; `ParallelDistances` builds one per worker.
    static func interpreter(header: [String], file: String, options: ReadingOptions,
                            wkt: Bool) throws -> (PositionColumns, RowRules) {
        (try PositionColumns(header: header, file: file, options: options, wkt: wkt),
         try RowRules(file: file, header: header, filters: options.filters, uncertainty: options.uncertainty,
                      precisionNames: ["geo_precision", "specificity", "where_prec"],
                      dateField: RowRules.textDate(["event_date", "date"])))
    }

    public mutating func next() throws -> InputRecord? {
        guard let row = try rows.next() else { return nil }
        return rules.record(row: row.number, fields: row.fields, invalidByte: row.invalidByte) {
            positions.position(row.fields, row: row.number)
        }
    }
}
