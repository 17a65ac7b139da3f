import CSV
import Foundation

/// The rows of one `CSVBlock`, read the way `CSVRecordSource` reads a file: a valid UTF-8 block
/// goes straight through CSV.swift's fast string reader; a block holding invalid bytes goes
/// through `CSVRows` (lenient UTF-8), so its bad rows are rejected with the exact byte.
struct CSVBlockRows {
    let rows: [CSVRow]

    init(_ block: CSVBlock, headerLine: [UInt8], file: String) throws {
        if let text = String(validating: block.bytes, as: UTF8.self) {
            let reader = try CSVReader(string: text, hasHeaderRow: false)
            var rows: [CSVRow] = []
            var number = block.firstRow
            while let fields = reader.next() {
                rows.append(CSVRow(number: number, fields: fields, invalidByte: nil))
                number += 1
            }
            self.rows = rows
        } else {
            // CSVRows numbers rows after its header from 2.
            let reader = try CSVRows(.bytes(headerLine + [0x0A] + block.bytes, name: file))
            var rows: [CSVRow] = []
            while var row = try reader.next() {
                row.number += block.firstRow - 2
                rows.append(row)
            }
            self.rows = rows
        }
    }
}
