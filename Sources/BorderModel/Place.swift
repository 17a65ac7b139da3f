import Foundation
import Geodesy

/// A named place: town, crossing, bay or the tripoint, with how well its position is known.
public struct Place: Sendable, Hashable {
    public var id: String
    public var name: String
    public var alternateNames: [String]
    public var kind: String
    /// "PK", "IR", "AF", or several joined by "/" for crossings and the tripoint.
    public var country: String
    public var coordinate: Coordinate
    public var isApproximate: Bool
    public var uncertaintyKilometres: Double
    public var source: String
    public var note: String
    /// For a crossing, the ISO date it opened when a source gives it (the optional column `opened`);
    /// nil: open throughout.
    public var opened: String?

    public static func load(from url: URL) throws -> [Place] {
        let table = try CSVTable(url: url)
        var row = 1
        let hasOpened = table.header.contains("opened")
        return try table.map { field in
            row += 1
            let latitude = try table.number(field("lat"), column: "lat", row: row)
            let longitude = try table.number(field("lon"), column: "lon", row: row)
            let coordinate = Coordinate(longitude: longitude, latitude: latitude)
            guard coordinate.isValid else { throw ModelError(file: url.path, "row \(row): position out of range") }
            let opened = hasOpened ? try field("opened").trimmingCharacters(in: .whitespaces) : ""
            guard opened.isEmpty || ISODate.isValid(opened) else {
                throw ModelError(file: url.path, "row \(row), column opened, value \"\(opened)\": expected an ISO date YYYY-MM-DD, or empty")
            }
            return Place(id: try field("id"), name: try field("name"),
                         alternateNames: try field("alt_names").split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) },
                         kind: try field("kind"), country: try field("country"), coordinate: coordinate,
                         isApproximate: try field("approximate").lowercased() == "true",
                         uncertaintyKilometres: Double(try field("uncertainty_km")) ?? 0,
                         source: try field("source"), note: try field("note"), opened: opened.isEmpty ? nil : opened)
        }
    }
}
