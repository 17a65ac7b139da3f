
/// Which input columns name an incident, date it, place it and count its casualties, whatever
/// the input's format (generic CSV, ACLED, GTD, UCDP GED, GeoJSON): the one definition the map, the
/// report, `profile` and `coverage --incidents` use. The first name present wins (compared in lower
/// case). Killed: the bundled `killed`, ACLED `fatalities`, GTD `nkill`, UCDP GED `best`; injured:
/// `injured`, GTD `nwound`.
public struct IncidentColumns: Sendable {
    static let idNames = ["id", "event_id_cnty", "eventid"], dateNames = ["date", "event_date"],
               placeNames = ["place", "location", "name"], killedNames = ["killed", "fatalities", "nkill", "best"],
               injuredNames = ["injured", "nwound"]

    let id: Int?, date: Int?, place: Int?
    public private(set) var killed: Int?, injured: Int?

    public init(header: [String]) {
        let lowered = header.map { $0.lowercased() }
        func column(_ names: [String]) -> Int? { names.lazy.compactMap { lowered.firstIndex(of: $0) }.first }
        (id, date, place) = (column(Self.idNames), column(Self.dateNames), column(Self.placeNames))
        (killed, injured) = (column(Self.killedNames), column(Self.injuredNames))
    }

    /// With the casualty columns named (`--killed-column`, `--injured-column`); a name the header
    /// lacks makes the input unusable.
    public init(header: [String], file: String, killedColumn: String?, injuredColumn: String?) throws {
        self.init(header: header)
        func named(_ name: String?, _ option: String, otherwise: Int?) throws -> Int? {
            guard let name else { return otherwise }
            guard let index = header.firstIndex(of: name) else { throw UnusableInput(file: file, reason: "\(option) \(name): no such column") }
            return index
        }
        killed = try named(killedColumn, "--killed-column", otherwise: killed)
        injured = try named(injuredColumn, "--injured-column", otherwise: injured)
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
