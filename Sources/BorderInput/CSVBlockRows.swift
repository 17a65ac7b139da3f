import CSV
import Foundation

/// The rows of one `CSVBlock`, read the way `CSVRecordSource` reads a file: a valid UTF-8 block
/// goes through CSV.swift's string reader, or, when it has no quote and no carriage return, is
/// split at commas and line feeds directly (what CSV.swift would do, at a fraction of the cost:
/// such a block has nothing to unquote); a block holding invalid bytes goes through `CSVRows`
/// (lenient UTF-8), so its bad rows are rejected with the exact byte.
struct CSVBlockRows {
    let rows: [CSVRow]

    init(_ block: CSVBlock, headerLine: [UInt8], file: String) throws {
        if let text = String(validating: block.bytes, as: UTF8.self) {
            if let plain = Self.splitPlain(block.bytes) {
                rows = plain.enumerated().map { CSVRow(number: block.firstRow + $0, fields: $1, invalidByte: nil) }
                return
            }
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

    /// The fields of each line of valid UTF-8 `bytes`, or nil when a quote or carriage return
    /// needs the full RFC 4180 reader. A last line without a line feed is still a line.
    static func splitPlain(_ bytes: [UInt8]) -> [[String]]? {
        bytes.withUnsafeBufferPointer { buffer -> [[String]]? in
            guard !buffer.contains(where: { $0 == 0x22 || $0 == 0x0D }) else { return nil }
            var lines: [[String]] = []
            var fields: [String] = []
            var start = 0
            for (i, byte) in buffer.enumerated() where byte == 0x2C || byte == 0x0A {
                fields.append(String(decoding: UnsafeBufferPointer(rebasing: buffer[start..<i]), as: UTF8.self))
                start = i + 1
                if byte == 0x0A {
                    lines.append(fields)
                    fields.removeAll(keepingCapacity: true)
                }
            }
            if start < buffer.count || !fields.isEmpty {
                fields.append(String(decoding: UnsafeBufferPointer(rebasing: buffer[start...]), as: UTF8.self))
                lines.append(fields)
            }
            return lines
        }
    }
}
