import Foundation
import Testing

/// Every file in Malformed/ (listed in Malformed/cases.tsv with its exit status, the message
/// fragment stderr must hold and, for status 0 and 2, the rows stdout must hold) goes through the
/// real CLI. None may crash, hang, lose rows or change the text of the rows it writes.
@Suite struct MalformedInputTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var file: String
        var status: Int32
        var fragment: String
        var arguments: [String]
        /// The input columns each written row must start with, header first, written by hand from
        /// the input file; nil for status 1 (nothing may be written).
        var expectedRows: [[String]]?
        var testDescription: String { file }
    }

    static let folder = CLI.repository.appendingPathComponent("Tests/BorderCLITests/Malformed")

    /// The non-comment lines of cases.tsv.
    static let lines: [String] = {
        let text = (try? String(contentsOf: folder.appendingPathComponent("cases.tsv"), encoding: .utf8)) ?? ""
        return text.split(separator: "\n").filter { !$0.hasPrefix("#") }.map(String.init)
    }()

    static let cases: [Case] = lines.compactMap(parse)

    /// A line of cases.tsv; nil when it is malformed (`everyLineOfCasesIsWellFormed` reports it).
    static func parse(_ line: String) -> Case? {
        let parts = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 4 || parts.count == 5, let status = Int32(parts[1]) else { return nil }
        var expectedRows: [[String]]?
        if parts.count == 5 {
            guard let rows = try? JSONSerialization.jsonObject(with: Data(parts[4].utf8)) as? [[String]],
                  !rows.isEmpty else { return nil }
            expectedRows = rows
        }
        guard (status == 1) == (expectedRows == nil) else { return nil }
        return Case(file: parts[0], status: status, fragment: parts[2],
                    arguments: parts[3].split(separator: " ").map(String.init), expectedRows: expectedRows)
    }

    @Test func theCorpusHasAtLeastThirtyCases() {
        #expect(Self.cases.count >= 30)
    }

    @Test func everyLineOfCasesIsWellFormed() {
        for line in Self.lines { #expect(Self.parse(line) != nil, "malformed line in cases.tsv: \(line)") }
    }

    /// A corpus file without a line in cases.tsv would never run; a line naming no file would
    /// test "no such file" instead of its input. Only a case that expects that message may.
    @Test func everyCorpusFileHasACaseAndEveryCaseAFile() throws {
        let files = Set(try FileManager.default.contentsOfDirectory(atPath: Self.folder.path)).subtracting(["cases.tsv"])
        let named = Set(Self.cases.map(\.file))
        #expect(files.subtracting(named).sorted() == [], "corpus files missing from cases.tsv")
        for example in Self.cases where !FileManager.default.fileExists(atPath: Self.folder.appendingPathComponent(example.file).path) {
            #expect(example.fragment.hasSuffix("no such file"), "cases.tsv names a missing file: \(example.file)")
        }
    }

    @Test(arguments: cases)
    func malformedInput(_ example: Case) throws {
        let path = Self.folder.appendingPathComponent(example.file).path
        let result = try CLI.run(["distances", path, "--format", "csv"] + example.arguments)
        #expect(result.status == example.status, "\(result.stderr)")
        #expect(result.stderr.contains(example.fragment), "\(result.stderr)")
        Self.expectQuiet(result)
        if let expected = example.expectedRows {
            Self.expectRows(RFC4180.records(result.stdout), startWith: expected)
        } else {
            #expect(result.stdout.isEmpty, "an unusable input wrote \(result.stdout)")
        }
    }

    /// The written rows are the expected ones, in order, each starting with the expected input
    /// fields (byte for byte: no BOM, quotes and line breaks intact) and followed only by the
    /// computed columns, which start with distance_m.
    static func expectRows(_ rows: [[String]], startWith expected: [[String]]) {
        #expect(rows.count == expected.count, "rows written: \(rows)")
        guard let header = rows.first, let expectedHeader = expected.first else { return }
        #expect(Array(header.prefix(expectedHeader.count)) == expectedHeader)
        #expect(header.count > expectedHeader.count && header[expectedHeader.count] == "distance_m", "header \(header)")
        for (row, fields) in zip(rows, expected).dropFirst() {
            #expect(Array(row.prefix(fields.count)) == fields)
            #expect(row.count == header.count, "row \(row)")
        }
    }

    /// One-line messages, no crash report, and every row accounted for.
    static func expectQuiet(_ result: CLI.Result) {
        for word in ["Fatal error", "Stack dump", "backtrace", "Crash", "Error:"] {
            #expect(!result.stderr.contains(word), "\(result.stderr)")
        }
        if result.status == 1 { #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)") }
        if let counts = summary(result.stderr) {
            #expect(counts.read == counts.measured + counts.rejected + counts.filtered)
        }
    }

    static func summary(_ stderr: String) -> (read: Int, measured: Int, rejected: Int, filtered: Int)? {
        guard let line = stderr.split(separator: "\n").last(where: { $0.contains("rows read") }) else { return nil }
        let numbers = line.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
        return (numbers[0], numbers[1], numbers[2], numbers.count > 3 ? numbers[3] : 0)
    }

    @Test func theRowReaderOfTheseTestsFollowsRFC4180() {
        #expect(RFC4180.records("a,\"b,\"\"c\"\"\r\nd\"\r\n\u{FEFF}e,\n") == [["a", "b,\"c\"\r\nd"], ["\u{FEFF}e", ""]])
    }

    @Test func aFiveMegabyteFieldIsCarriedThrough() throws {
        let folder = try CLI.temporaryFolder()
        let file = folder.appendingPathComponent("big-field.csv")
        let big = String(repeating: "x", count: 5 << 20)
        try "id,lat,lon,note\na,28.9,61.5,\(big)\nb,\(big),61\n".write(to: file, atomically: true, encoding: .utf8)
        let result = try CLI.run(["distances", file.path, "--format", "csv"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("row 3, column lat, value \"xxxxxxxxx"))
        #expect(result.stderr.contains("...\": not a number or degrees-minutes-seconds"))
        #expect(result.stderr.contains("2 rows read, 1 measured, 1 rejected"))
        #expect(result.stdout.utf8.count > 5 << 20)
    }
}

/// Reads CSV text independently of the product's readers: fields split at commas, records at LF
/// or CRLF outside quotes, `""` inside quotes is a quote. Nothing is trimmed or stripped.
enum RFC4180 {
    static func records(_ text: String) -> [[String]] {
        var records: [[String]] = [], fields: [String] = [], field = String.UnicodeScalarView()
        var quoted = false
        var scalars = text.unicodeScalars.makeIterator()
        var next = scalars.next()
        func endField() { fields.append(String(field)); field = String.UnicodeScalarView() }
        while let scalar = next {
            next = scalars.next()
            if quoted {
                if scalar == "\"" {
                    if next == "\"" { field.append("\""); next = scalars.next() } else { quoted = false }
                } else {
                    field.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"": quoted = true
            case ",": endField()
            case "\r" where next == "\n": break      // the LF ends the record
            case "\n": endField(); records.append(fields); fields = []
            default: field.append(scalar)
            }
        }
        if !field.isEmpty || !fields.isEmpty { endField(); records.append(fields) }
        return records
    }
}
