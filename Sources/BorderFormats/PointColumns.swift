import Geodesy

/// Which columns of a CSV header hold the latitude and longitude, and how a row becomes an
/// `InputRecord`. A value, so worker threads can interpret rows of their own blocks.
public struct PointColumns: Sendable {
    public static let latitudeNames = ["lat", "latitude", "y"]
    public static let longitudeNames = ["lon", "lng", "long", "longitude", "x"]

    public let file: String
    public let header: [String]
    let latitude: Int
    let longitude: Int

    /// Finds the columns by the given names or by the common ones (case-insensitive).
    public init(file: String, header: [String], latitudeColumn: String? = nil, longitudeColumn: String? = nil) throws {
        self.file = file
        self.header = header
        let lowered = header.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        func find(_ chosen: String?, _ names: [String], _ what: String) throws -> Int {
            if let chosen {
                guard let index = lowered.firstIndex(of: chosen.lowercased()) else {
                    throw UnusableInput(file: file, reason: "no column named \(chosen) in the header")
                }
                return index
            }
            guard let index = names.lazy.compactMap({ lowered.firstIndex(of: $0) }).first else {
                throw UnusableInput(file: file, reason: "no \(what) column (looked for \(names.joined(separator: ", ")))")
            }
            return index
        }
        latitude = try find(latitudeColumn, Self.latitudeNames, "latitude")
        longitude = try find(longitudeColumn, Self.longitudeNames, "longitude")
    }

    public func record(_ fields: [String], row: Int) -> InputRecord {
        InputRecord(row: row, fields: fields, position: position(in: fields, row: row))
    }

    private func position(in fields: [String], row: Int) -> Result<Coordinate, Rejection> {
        func value(_ column: Int, limit: Double) -> Result<Double, Rejection> {
            let name = header[column]
            guard column < fields.count else {
                return .failure(Rejection(file: file, row: row, column: name, value: "",
                                          reason: "the row has \(fields.count) fields, the header \(header.count)"))
            }
            return CoordinateField.parse(fields[column], limit: limit).mapError {
                Rejection(file: file, row: row, column: name, value: fields[column], reason: $0.reason)
            }
        }
        return value(latitude, limit: 90).flatMap { latitude in
            value(longitude, limit: 180).map { Coordinate(longitude: $0, latitude: latitude) }
        }
    }
}
