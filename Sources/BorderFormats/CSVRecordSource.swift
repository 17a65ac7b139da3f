import BorderModel
import CSV
import Foundation
import Geodesy

/// Rows of a CSV file (or standard input) whose header names the latitude and longitude columns.
public struct CSVRecordSource: RecordSource {
    public let file: String
    public let header: [String]
    private let columns: PointColumns
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
        header = reader.headerRow ?? []
        columns = try PointColumns(file: path, header: header, latitudeColumn: latitudeColumn, longitudeColumn: longitudeColumn)
    }

    public mutating func next() throws -> InputRecord? {
        guard let fields = reader.next() else {
            if let error = reader.error, !CSVEndOfFile.isEndOfFile(error) { throw UnusableInput(file: file, reason: "cannot read row \(row + 1): \(error)") }
            return nil
        }
        row += 1
        return columns.record(fields, row: row)
    }
}
