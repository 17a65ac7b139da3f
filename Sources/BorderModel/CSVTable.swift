import CSV
import Foundation

/// A small CSV file of the model's own data, read whole, with access by column name.
struct CSVTable {
    let file: String
    let header: [String]
    let rows: [[String]]

    init(url: URL) throws {
        guard let stream = InputStream(url: url) else { throw ModelError(file: url.path, "cannot open") }
        do {
            let reader = try CSVReader(stream: stream, hasHeaderRow: true)
            header = reader.headerRow ?? []
            var rows: [[String]] = []
            while let row = reader.next() { rows.append(row) }
            if let error = reader.error, !CSVEndOfFile.isEndOfFile(error) { throw ModelError(file: url.path, "\(error)") }
            self.rows = rows
        } catch let error as ModelError { throw error } catch {
            throw ModelError(file: url.path, "cannot parse CSV: \(error)")
        }
        file = url.path
    }

    /// Calls `body` with a field accessor for each row; errors name the file, row and column.
    func map<T>(_ body: (_ field: (String) throws -> String) throws -> T) throws -> [T] {
        try rows.enumerated().map { index, row in
            try body { column in
                guard let position = header.firstIndex(of: column) else {
                    throw ModelError(file: file, "missing column \(column)")
                }
                guard position < row.count else {
                    throw ModelError(file: file, "row \(index + 2): too few fields for column \(column)")
                }
                return row[position]
            }
        }
    }

    func number(_ text: String, column: String, row: Int) throws -> Double {
        guard let value = Double(text), value.isFinite else {
            throw ModelError(file: file, "row \(row): column \(column): not a number: \(text)")
        }
        return value
    }
}

/// On Linux a file `InputStream` says it has bytes available at its end, so CSV.swift reads
/// zero bytes and records `cannotReadFile` there. Real read failures arrive as
/// `streamErrorHasOccurred`, so `cannotReadFile` after the last row only means the end.
public enum CSVEndOfFile {
    public static func isEndOfFile(_ error: Error) -> Bool {
        if case CSVError.cannotReadFile = error { return true }
        return false
    }
}
