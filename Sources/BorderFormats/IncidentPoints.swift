import BorderAnalysis
import Geodesy

/// The points of any input file (through the distance readers) as incidents to check against gaps.
public enum IncidentPoints {
    /// Rows without a usable position go to `reject`; `id`, `date` and `place` come from the
    /// columns of those names (or `event_date`, `location`, `name`) when present.
    public static func read(_ source: inout any RecordSource, reject: (Rejection) -> Void) throws -> [IncidentPoint] {
        let lowered = source.header.map { $0.lowercased() }
        func column(_ names: [String]) -> Int? { names.lazy.compactMap { lowered.firstIndex(of: $0) }.first }
        let id = column(["id", "event_id_cnty"]), date = column(["date", "event_date"]), place = column(["place", "location", "name"])
        var points: [IncidentPoint] = []
        while let record = try source.next() {
            guard record.filteredOut == nil else { continue }     // a filter or an older ACLED version
            func field(_ index: Int?) -> String { index.map { $0 < record.fields.count ? record.fields[$0] : "" } ?? "" }
            switch record.position {
            case .success(let coordinate):
                let label = field(id)
                points.append(IncidentPoint(id: label.isEmpty ? "row \(record.row)" : label, date: field(date),
                                            place: field(place), coordinate: coordinate))
            case .failure(let rejection):
                reject(rejection)
            }
        }
        return points
    }
}
