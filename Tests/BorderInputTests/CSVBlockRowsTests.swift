import Foundation
import CSV
import Testing
import TestSupport
@testable import BorderInput

/// The direct splitter for blocks without quotes must read every block exactly as CSV.swift does.
@Suite struct CSVBlockRowsTests {
    func library(_ text: String) throws -> [[String]] {
        let reader = try CSVReader(string: text, hasHeaderRow: false)
        var rows: [[String]] = []
        while let row = reader.next() { rows.append(row) }
        return rows
    }

    @Test(arguments: ["1,2,3\n", "1,2,3", "a,,c\n,\n", "\n\n", "x\n\ny\n", "trailing,\n", ",leading\n",
                      "  spaced , out \n", "Quetta,Kōh-i-Malik Siāh,٣\n", "only\n", "\t,tab\t\n", "a,b\nc"])
    func sameAsCSVSwift(_ text: String) throws {
        #expect(CSVBlockRows.splitPlain(Array(text.utf8)) == (try library(text)))
    }

    @Test func sameAsCSVSwiftOnRandomBlocks() throws {
        let seed = testSeed(2026)
        var generator = SplitMix64(seed: seed)
        let alphabet: [UInt8] = Array("ab1.-, \n\t".utf8) + Array("é".utf8)
        for _ in 0..<2_000 {
            let count = Int.random(in: 0...40, using: &generator)
            var bytes = (0..<count).map { _ in alphabet.randomElement(using: &generator)! }
            if let i = bytes.firstIndex(of: 0xC3), i + 1 >= bytes.count || bytes[i + 1] != 0xA9 { bytes = [] }
            guard let text = String(validating: bytes, as: UTF8.self) else { continue }
            #expect(CSVBlockRows.splitPlain(bytes) == (try library(text)), "\(Array(text.unicodeScalars)) (BORDER_TEST_SEED=\(seed))")
        }
    }

    /// The row-by-row reader (`CSVRecordSource`, for bytes in memory) and the blocks the workers
    /// parse give the same records from the same file: row numbers, fields and outcomes, over
    /// quoted line breaks, CRLF, DMS text, short rows and bad values, across several blocks.
    @Test func rowByRowAndBlocksGiveTheSameRecords() throws {
        var generator = SplitMix64(seed: testSeed(2027))
        var text = "id,lat,lon,note\n"
        for row in 0..<6_000 {
            let lat = String(format: "%.6f", 24 + 7.5 * generator.unit()), lon = String(format: "%.6f", 58 + 9 * generator.unit())
            switch row % 11 {
            case 3: text += "\(row),\(lat),\(lon),\"quoted, with\nline break\"\n"
            case 5: text += "\(row),\(lat),\(lon),crlf\r\n"
            case 7: text += "\(row),95,\(lon),bad\n"
            case 8: text += "\(row),29°51′30″N,60°52′E,dms\n"
            case 9: text += "\(row),\(lat)\n"
            default: text += "\(row),\(lat),\(lon),\n"
            }
        }
        try Self.expectBlocksEqualRowByRow(text, rows: 6_000)
    }

    /// A GTD export (dates from iyear/imonth/iday, 0 for unknown, filtered by --from/--to;
    /// specificity 1–5, 5 and bad codes rejected), read with date filters.
    @Test func rowByRowAndBlocksGiveTheSameGTDRecords() throws {
        var generator = SplitMix64(seed: testSeed(2028))
        var text = "eventid,iyear,imonth,iday,latitude,longitude,specificity,nkill\n"
        for row in 0..<5_000 {
            let lat = String(format: "%.6f", 24 + 7.5 * generator.unit()), lon = String(format: "%.6f", 58 + 9 * generator.unit())
            let specificity = row % 97 == 0 ? "7" : String(row % 5 + 1)
            text += "\(201_500_000_000 + row),\(2010 + row % 12),\(row % 13),\(row % 29),\(lat),\(lon),\(specificity),\(row % 3)\n"
        }
        var options = ReadingOptions()
        options.filters = RowFilters(from: EventDate.parse("2013-06-15"), to: EventDate.parse("2019-12-31"))
        try Self.expectBlocksEqualRowByRow(text, rows: 5_000, options: options)
    }

    /// An ACLED export whose events are re-issued (newer, older, equal and unparsable timestamps, a
    /// version many blocks later), read with date filters: the superseded rows are the same.
    @Test func rowByRowAndBlocksGiveTheSameACLEDRecords() throws {
        var generator = SplitMix64(seed: testSeed(2029))
        var text = "event_id_cnty,event_date,latitude,longitude,geo_precision,fatalities,timestamp\n"
        for row in 0..<5_000 {
            let lat = String(format: "%.6f", 24 + 7.5 * generator.unit()), lon = String(format: "%.6f", 58 + 9 * generator.unit())
            let event = row % 7 == 6 ? row - Int(generator.next() % 3_000) % max(row, 1) : row
            let stamp = ["1700000000", "1700000000", "\(1_700_000_000 + row)", "\(1_600_000_000 + row)", "soon"][row % 5]
            text += "PAK\(event),2019-\(String(format: "%02d", row % 12 + 1))-10,\(lat),\(lon),\(row % 4),\(row % 3),\(stamp)\n"
        }
        var options = ReadingOptions()
        options.filters = RowFilters(from: EventDate.parse("2019-03-01"), to: EventDate.parse("2019-10-31"))
        try Self.expectBlocksEqualRowByRow(text, rows: 5_000, options: options)
        #expect(text.contains("PAK0,"))
    }

    /// The records of `RecordSources.open` on the bytes and of `CSVBlockInput`'s parser on the blocks of the same file.
    static func expectBlocksEqualRowByRow(_ text: String, rows: Int, options: ReadingOptions = ReadingOptions()) throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("blocks-\(UUID().uuidString).csv").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        func describe(_ record: InputRecord) -> String { "\(record.row) \(record.fields) \(record.outcome) \(record.uncertainty)" }

        var source = try RecordSources.open(.bytes(Array(text.utf8), name: path), options: options)
        var rowByRow: [String] = []
        while let record = try source.next() { rowByRow.append(describe(record)) }
        let reader = try CSVBlockReader(path: path, blockSize: 1 << 14)
        let layout = try #require(try CSVBlockInput(reader: reader, options: options))
        let parser = try layout.parser()
        var blocks: [String] = [], count = 0
        while let block = try reader.next() { blocks += try parser.records(block).map(describe); count += 1 }
        #expect(count > 5, "several blocks")
        #expect(rowByRow.count == rows)
        #expect(blocks == rowByRow)
        #expect(Set(rowByRow.map { $0.contains("rejected") }).count == 2, "some rows rejected, some not")
        if options.filters.from != nil { #expect(rowByRow.contains { $0.contains("filtered") }, "some rows filtered") }
        if text.hasPrefix("event_id_cnty") { #expect(rowByRow.filter { $0.contains("superseded by row") }.count > 100) }
    }

    @Test func quotesAndCarriageReturnsGoToTheLibrary() {
        #expect(CSVBlockRows.splitPlain(Array("\"a,b\",c\n".utf8)) == nil)
        #expect(CSVBlockRows.splitPlain(Array("a,b\r\n".utf8)) == nil)
    }
}
