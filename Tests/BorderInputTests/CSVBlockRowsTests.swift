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

    @Test func quotesAndCarriageReturnsGoToTheLibrary() {
        #expect(CSVBlockRows.splitPlain(Array("\"a,b\",c\n".utf8)) == nil)
        #expect(CSVBlockRows.splitPlain(Array("a,b\r\n".utf8)) == nil)
    }
}
