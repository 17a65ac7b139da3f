import Foundation

/// An ACLED export (CSV; 31 columns today, older ones more): `event_id_cnty`, `event_date`
/// (yyyy-mm-dd, dd-mm-yyyy or "16 May 2025"), `latitude`, `longitude`, `geo_precision` (1–3), …
///
/// ACLED re-issues an event under the same `event_id_cnty` when it is updated; only the row with
/// the newest `timestamp` is measured (ties: the later row), the others are counted as filtered.
/// Dedup is a documented two-pass read: pass 1 keeps one small entry per distinct event id
/// (id, newest timestamp, its row number — memory grows with distinct events, not with row
/// contents); pass 2 streams the rows again. Standard input is read from its temporary copy.
public struct ACLEDRecordSource: RecordSource {
    static func matches(_ lowered: [String]) -> Bool {
        ["event_id_cnty", "latitude", "longitude"].allSatisfy(lowered.contains)
    }

    public var file: String { rows.name }
    public var header: [String] { rows.header }
    private var rows: CSVRows
    private let positions: PositionColumns
    private let rules: RowRules
    private let versions: ACLEDVersions

    init(rows first: CSVRows, origin: InputOrigin, options: ReadingOptions) throws {
        // --input-format acled can be forced on any header: ACLEDVersions says when it does not fit.
        var versions = try ACLEDVersions(header: first.header, file: first.name)
        (positions, rules) = try Self.interpreter(header: first.header, file: first.name, options: options)
        // Pass 1: the newest version of each event.
        while let row = try first.next() { versions.add(row.fields, row: row.number) }
        self.versions = versions
        // Pass 2 reads the same bytes again (standard input arrives as its copy: `RecordSources.open`).
        rows = try CSVRows(origin)
    }

    /// How an ACLED row becomes a record, here and in the blocks of `CSVBlockInput`.
    static func interpreter(header: [String], file: String, options: ReadingOptions) throws -> (PositionColumns, RowRules) {
        (try PositionColumns(header: header, file: file, options: options, wkt: false),
         try RowRules(file: file, header: header, filters: options.filters, uncertainty: options.uncertainty, precisionNames: ["geo_precision"],
                      dateField: RowRules.textDate(["event_date"])))
    }

    public mutating func next() throws -> InputRecord? {
        guard let row = try rows.next() else { return nil }
        return rules.record(row: row.number, fields: row.fields, invalidByte: row.invalidByte,
                            superseded: versions.superseded(row.fields, row: row.number)) {
            positions.position(row.fields, row: row.number)
        }
    }
}
