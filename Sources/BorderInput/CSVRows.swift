import BorderModel
import CSV
import Foundation

/// One CSV row as read: spreadsheet row number (header = 1), its fields with invalid bytes shown
/// as U+FFFD, and the first invalid byte if there was one.
struct CSVRow {
    var number: Int
    var fields: [String]
    var invalidByte: (column: Int, byte: UInt8)?
}

/// Streaming CSV rows over CSV.swift (RFC 4180: quoted commas, newlines, CRLF, a UTF-8 BOM).
/// A reference type because CSV.swift's reader is one; sources wrap it in value types.
final class CSVRows {
    let name: String
    let header: [String]
    private let reader: CSVReader
    private(set) var row = 1

    init(_ origin: InputOrigin, name: String? = nil) throws {
        let label = name ?? origin.name
        self.name = label
        let stream = try origin.openStream()
        do {
            reader = try CSVReader(stream: stream, codecType: LenientUTF8.self, hasHeaderRow: true)
        } catch CSVError.cannotReadHeaderRow {
            throw UnusableInput(file: label, reason: "empty: no header row")
        } catch {
            throw UnusableInput(file: label, reason: "cannot read CSV: \(error)")
        }
        header = (reader.headerRow ?? []).map { Self.clean($0).text }
    }

    /// The next row, or nil at the end; throws `UnusableInput` when the stream itself fails.
    func next() throws -> CSVRow? {
        guard let raw = reader.next() else {
            if let error = reader.error, !CSVEndOfFile.isEndOfFile(error) {
                throw UnusableInput(file: name, reason: "cannot read row \(row + 1): \(error)")
            }
            return nil
        }
        row += 1
        var result = CSVRow(number: row, fields: [], invalidByte: nil)
        result.fields.reserveCapacity(raw.count)
        for (column, field) in raw.enumerated() {
            let (text, byte) = Self.clean(field)
            if let byte, result.invalidByte == nil { result.invalidByte = (column, byte) }
            result.fields.append(text)
        }
        return result
    }

    /// Replaces invalid-byte markers by U+FFFD and returns the first such byte.
    static func clean(_ field: String) -> (text: String, invalidByte: UInt8?) {
        guard field.unicodeScalars.contains(where: { LenientUTF8.invalidByte($0) != nil }) else { return (field, nil) }
        var text = String.UnicodeScalarView()
        var first: UInt8?
        for scalar in field.unicodeScalars {
            if let byte = LenientUTF8.invalidByte(scalar) {
                first = first ?? byte
                text.append("\u{FFFD}")
            } else {
                text.append(scalar)
            }
        }
        return (String(text), first)
    }
}
