import Foundation
import Testing

/// Every file in Malformed/ (listed in Malformed/cases.tsv with its exit status and the message
/// fragment stderr must hold) goes through the real CLI. None may crash, hang or lose rows.
@Suite struct MalformedInputTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var file: String
        var status: Int32
        var fragment: String
        var arguments: [String]
        var testDescription: String { file }
    }

    static let folder = CLI.repository.appendingPathComponent("Tests/BorderCLITests/Malformed")

    static let cases: [Case] = {
        let text = (try? String(contentsOf: folder.appendingPathComponent("cases.tsv"), encoding: .utf8)) ?? ""
        return text.split(separator: "\n").filter { !$0.hasPrefix("#") }.map { line in
            let parts = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            return Case(file: parts[0], status: Int32(parts[1])!, fragment: parts[2],
                        arguments: parts.count > 3 ? parts[3].split(separator: " ").map(String.init) : [])
        }
    }()

    @Test func theCorpusHasAtLeastThirtyCases() {
        #expect(Self.cases.count >= 30)
    }

    @Test(arguments: cases)
    func malformedInput(_ example: Case) throws {
        let path = Self.folder.appendingPathComponent(example.file).path
        let result = try CLI.run(["distances", path, "--format", "csv"] + example.arguments)
        #expect(result.status == example.status, "\(result.stderr)")
        #expect(result.stderr.contains(example.fragment), "\(result.stderr)")
        Self.expectQuiet(result)
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
