import Foundation

/// A Global Terrorism Database export (CSV): `eventid`, `iyear`/`imonth`/`iday` (0 = unknown),
/// `latitude`, `longitude`, `specificity` (1–5), `nkill`, … All columns pass through.
public struct GTDRecordSource: RecordSource {
    static func matches(_ lowered: [String]) -> Bool {
        ["eventid", "iyear", "latitude", "longitude"].allSatisfy(lowered.contains)
    }

    public var file: String { rows.name }
    public var header: [String] { rows.header }
    private let rows: CSVRows
    private let positions: PositionColumns
    private let rules: RowRules

    init(rows: CSVRows, options: ReadingOptions) throws {
        self.rows = rows
        (positions, rules) = try Self.interpreter(header: rows.header, file: rows.name, options: options)
    }

    /// How a GTD row becomes a record, here and in the blocks of `CSVBlockInput`.
    static func interpreter(header: [String], file: String, options: ReadingOptions) throws -> (PositionColumns, RowRules) {
        (try PositionColumns(header: header, file: file, options: options, wkt: false),
         try RowRules(file: file, header: header, filters: options.filters, uncertainty: options.uncertainty, precisionNames: ["specificity"],
                      dateField: RowRules.gtdDate, precisionScale: "1–5"))
    }

    public mutating func next() throws -> InputRecord? {
        guard let row = try rows.next() else { return nil }
        return rules.record(row: row.number, fields: row.fields, invalidByte: row.invalidByte) {
            positions.position(row.fields, row: row.number)
        }
    }
}
