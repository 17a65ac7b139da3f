import BorderAnalysis
import Geodesy

/// The located rows of any input (through the row loop) as incidents to check against gaps.
public struct IncidentPoints: Sendable {
    private let id: Int?, date: Int?, place: Int?

    /// `id`, `date` and `place` come from the columns of those names (or `event_id_cnty`,
    /// `event_date`, `location`, `name`) when present.
    public init(header: [String]) {
        let lowered = header.map { $0.lowercased() }
        func column(_ names: [String]) -> Int? { names.lazy.compactMap { lowered.firstIndex(of: $0) }.first }
        (id, date, place) = (column(["id", "event_id_cnty"]), column(["date", "event_date"]), column(["place", "location", "name"]))
    }

    public func point(_ record: InputRecord, at coordinate: Coordinate) -> IncidentPoint {
        func field(_ index: Int?) -> String { index.map { $0 < record.fields.count ? record.fields[$0] : "" } ?? "" }
        let label = field(id)
        return IncidentPoint(id: label.isEmpty ? "row \(record.row)" : label, date: field(date), place: field(place),
                             coordinate: coordinate)
    }
}
