import Foundation
import Testing
import TestSupport
@testable import BorderInput

/// The compact table of ACLED's newest versions against a plain dictionary doing the same job,
/// and the first pass's byte-level reading against the rows' own.
@Suite struct EventVersionTableTests {
    /// 50,000 versions of 20,000 ids (short and long, sharing prefixes), timestamps with ties,
    /// in random order: the newest row of every id is the reference's (ties: the later row).
    @Test func theNewestRowIsTheDictionarys() {
        var generator = SplitMix64(seed: testSeed(41))
        var table = EventVersionTable()
        var reference: [String: (timestamp: Int64, row: Int)] = [:]
        for row in 0..<50_000 {
            let number = Int(generator.next() % 20_000)
            let id = number % 3 == 0 ? "PAK\(number)" : number % 3 == 1 ? "IRN\(number)-\(String(repeating: "x", count: number % 40))" : "\(number)"
            let timestamp = Int64(generator.next() % 50)
            table.keep(id.utf8, timestamp: timestamp, row: row)
            if let known = reference[id], known.timestamp > timestamp { continue }
            reference[id] = (timestamp, row)
        }
        #expect(table.count == reference.count)
        for (id, newest) in reference { #expect(table.newestRow(id.utf8) == newest.row, "\(id)") }
        #expect(table.newestRow("PAK20001".utf8) == nil && table.newestRow("".utf8) == nil)
    }

    /// The plain block's ids and timestamps are those of the rows `CSVBlockRows` reads.
    @Test func plainBlocksGiveTheRowsFields() throws {
        let text = "PAK1,2020-01-01, 17 ,x\nPAK2,,+5\n,,-9223372036854775808\nPAK3,,9223372036854775808\n\nshort\nPAK4,,1_0,\nPAK5,,\t42\t"
        let block = CSVBlock(sequence: 0, firstRow: 2, bytes: Array(text.utf8))
        let plain = try #require(PlainVersions(block, idColumn: 0, timestampColumn: 2))
        let rows = try CSVBlockRows(block, headerLine: [], file: "t").rows
        let expected = rows.map { row in
            (row.fields[0], 2 < row.fields.count ? Int64(row.fields[2].trimmingBlanks) ?? .min : .min, row.number)
        }
        #expect(plain.ranges.count == expected.count)
        for (found, (id, timestamp, row)) in zip(plain.ranges, expected) {
            #expect(String(decoding: block.bytes[found.id], as: UTF8.self) == id)
            #expect(found.timestamp == timestamp && found.row == row, "\(id)")
        }
        #expect(PlainVersions(CSVBlock(sequence: 0, firstRow: 2, bytes: Array("\"q\",1,2\n".utf8)), idColumn: 0, timestampColumn: 2) == nil)
    }
}
