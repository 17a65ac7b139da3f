
/// Which input columns name an incident, date it, place it and count its casualties, whatever
/// the input's format (generic CSV, ACLED, GTD, GeoJSON): the one definition the map, the report
/// and `coverage --incidents` use. The first name present wins (compared in lower case).
public struct IncidentColumns: Sendable {
    static let idNames = ["id", "event_id_cnty", "eventid"], dateNames = ["date", "event_date"],
               placeNames = ["place", "location", "name"], killedNames = ["killed", "fatalities", "nkill"], injuredNames = ["injured", "nwound"]

    let id: Int?, date: Int?, place: Int?, killed: Int?, injured: Int?

    public init(header: [String]) {
        let lowered = header.map { $0.lowercased() }
        func column(_ names: [String]) -> Int? { names.lazy.compactMap { lowered.firstIndex(of: $0) }.first }
        (id, date, place) = (column(Self.idNames), column(Self.dateNames), column(Self.placeNames))
        (killed, injured) = (column(Self.killedNames), column(Self.injuredNames))
    }

    func text(_ column: Int?, of record: InputRecord) -> String {
        column.map { $0 < record.fields.count ? record.fields[$0] : "" } ?? ""
    }

    /// The id, or "row N" when the input has none for this row.
    public func id(of record: InputRecord) -> String {
        let label = text(id, of: record)
        return label.isEmpty ? "row \(record.row)" : label
    }

    public func date(of record: InputRecord) -> String { text(date, of: record) }
    public func place(of record: InputRecord) -> String { text(place, of: record) }
    /// Whole numbers of people; 0 when blank or not a whole number.
    public func killed(of record: InputRecord) -> Int { count(killed, of: record) }
    public func injured(of record: InputRecord) -> Int { count(injured, of: record) }

    func count(_ column: Int?, of record: InputRecord) -> Int { Int(text(column, of: record).trimmingBlanks) ?? 0 }
}
