import Foundation

/// A named stretch of the border between two landmarks, by chainage (data/sectors.csv).
public struct Sector: Sendable, Equatable {
    public var name: String
    /// Kilometres along the border from the tripoint.
    public var startKilometres: Double
    public var endKilometres: Double
    public var from: String
    public var to: String
    /// How the limits were found (which place, which border point).
    public var definition: String

    public init(name: String, startKilometres: Double, endKilometres: Double, from: String, to: String, definition: String) {
        self.name = name
        self.startKilometres = startKilometres
        self.endKilometres = endKilometres
        self.from = from
        self.to = to
        self.definition = definition
    }

    /// Rows `name,start_km,end_km,from,to,definition`.
    public static func load(from url: URL) throws -> [Sector] {
        let table = try CSVTable(url: url)
        var row = 1
        return try table.map { field in
            row += 1
            let start = try table.number(field("start_km"), column: "start_km", row: row)
            let end = try table.number(field("end_km"), column: "end_km", row: row)
            guard start < end else {
                throw ModelError(file: url.path, "row \(row), column end_km, value \"\(try field("end_km"))\": must be greater than start_km")
            }
            return Sector(name: try field("name"), startKilometres: start, endKilometres: end,
                          from: try field("from"), to: try field("to"), definition: try field("definition"))
        }
    }
}
