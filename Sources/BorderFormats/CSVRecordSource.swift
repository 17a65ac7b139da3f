import BorderModel
import CSV
import Foundation
import Geodesy

/// Rows of a CSV file (or standard input) whose header names the latitude and longitude columns.
public struct CSVRecordSource: RecordSource {
    public static let latitudeNames = ["lat", "latitude", "y"]
    public static let longitudeNames = ["lon", "lng", "long", "longitude", "x"]

    public let file: String
    public let header: [String]
    let latitudeColumn: Int
    let longitudeColumn: Int
    private let reader: CSVReader
    private var row = 1

    public init(path: String, latitudeColumn: String? = nil, longitudeColumn: String? = nil) throws {
        file = path
        let stream: InputStream?
        if path == "-" {
            stream = InputStream(fileAtPath: "/dev/stdin")
        } else {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
                throw UnusableInput(file: path, reason: "no such file")
            }
            guard !isFolder.boolValue else { throw UnusableInput(file: path, reason: "is a folder, not a file") }
            guard FileManager.default.isReadableFile(atPath: path) else { throw UnusableInput(file: path, reason: "not readable") }
            stream = InputStream(fileAtPath: path)
        }
        guard let stream else { throw UnusableInput(file: path, reason: "cannot open") }
        do {
            reader = try CSVReader(stream: stream, hasHeaderRow: true)
        } catch CSVError.cannotReadHeaderRow {
            throw UnusableInput(file: path, reason: "empty: no header row")
        } catch {
            throw UnusableInput(file: path, reason: "cannot read CSV: \(error)")
        }
        let header = reader.headerRow ?? []
        self.header = header
        func find(_ chosen: String?, _ names: [String], _ what: String) throws -> Int {
            let lowered = header.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            if let chosen {
                guard let index = lowered.firstIndex(of: chosen.lowercased()) else {
                    throw UnusableInput(file: path, reason: "no column named \(chosen) in the header")
                }
                return index
            }
            guard let index = names.lazy.compactMap({ lowered.firstIndex(of: $0) }).first else {
                throw UnusableInput(file: path, reason: "no \(what) column (looked for \(names.joined(separator: ", ")))")
            }
            return index
        }
        self.latitudeColumn = try find(latitudeColumn, Self.latitudeNames, "latitude")
        self.longitudeColumn = try find(longitudeColumn, Self.longitudeNames, "longitude")
    }

    public mutating func next() throws -> InputRecord? {
        guard let fields = reader.next() else {
            if let error = reader.error, !CSVEndOfFile.isEndOfFile(error) { throw UnusableInput(file: file, reason: "cannot read row \(row + 1): \(error)") }
            return nil
        }
        row += 1
        return InputRecord(row: row, fields: fields, position: position(in: fields))
    }

    private func position(in fields: [String]) -> Result<Coordinate, Rejection> {
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
        return value(latitudeColumn, limit: 90).flatMap { latitude in
            value(longitudeColumn, limit: 180).map { Coordinate(longitude: $0, latitude: latitude) }
        }
    }
}
