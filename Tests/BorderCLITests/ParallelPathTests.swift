import Foundation
import Testing

/// A CSV file reaches the row loop's workers as blocks they parse themselves; standard input as
/// records read on the calling thread (`RowInput`). Both must give the same bytes, rejects and counts.
@Suite struct ParallelPathTests {
    /// ~9,000 rows (several 64 KB blocks): quoted fields with commas and line breaks, CRLF rows,
    /// DMS text, bad rows of several kinds and a row with an invalid UTF-8 byte.
    static func awkwardCSV() -> [UInt8] {
        var text = "id,lat,lon,note\n"
        var generator: UInt64 = 42
        func next() -> Double {
            generator = generator &* 6364136223846793005 &+ 1442695040888963407
            return Double(generator >> 11) / Double(1 << 53)
        }
        for row in 0..<9_000 {
            let lat = String(format: "%.6f", 24 + 7.5 * next()), lon = String(format: "%.6f", 58 + 9 * next())
            switch row % 97 {
            case 3: text += "\(row),\(lat),\(lon),\"a note, with a comma\nand a line break\"\n"
            case 5: text += "\(row),\(lat),\(lon),crlf\r\n"
            case 7: text += "\(row),95,\(lon),bad latitude\n"
            case 11: text += "\(row),\(lat),,empty longitude\n"
            case 13: text += "\(row),29°51′30″N,60°52′E,dms\n"
            case 17: text += "\(row),\(lat)\n"
            default: text += "\(row),\(lat),\(lon),\n"
            }
        }
        var bytes = Array(text.utf8)
        bytes += Array("bad-byte,26.5,62.1,caf".utf8) + [0xE9] + Array("\n".utf8)
        bytes += Array("last,26.0,62.0,no newline".utf8)
        return bytes
    }

    @Test(arguments: ["csv", "json", "geojson", "geojsonseq"])
    func blocksOnThreadsEqualRowByRow(_ format: String) throws {
        let folder = try CLI.temporaryFolder()
        let input = folder.appendingPathComponent("awkward.csv")
        let bytes = Self.awkwardCSV()
        try Data(bytes).write(to: input)
        let parallel = try CLI.run(["distances", input.path, "--format", format, "--threads", "3",
                                    "--rejects", folder.appendingPathComponent("parallel-rejects.csv").path])
        let inOrder = try CLI.run(["distances", "-", "--format", format,
                                   "--rejects", folder.appendingPathComponent("in-order-rejects.csv").path],
                                  stdinBytes: bytes)
        #expect(parallel.status == 2 && inOrder.status == 2)
        #expect(parallel.stdout == inOrder.stdout)
        #expect(parallel.stdout.count > 1_000_000)
        // The same rejections, in the same order (only the file name differs: the path or "-").
        func clean(_ text: String, _ name: String) -> String {
            text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
                for prefix in ["border: \(name): ", "\(name),"] where line.hasPrefix(prefix) {
                    return "FILE" + line.dropFirst(prefix.count)
                }
                return String(line)
            }.joined(separator: "\n")
        }
        #expect(clean(parallel.stderr, input.path) == clean(inOrder.stderr, "-"))
        #expect(parallel.stderr.contains("9002 rows read"))
        let rejects = try String(contentsOf: folder.appendingPathComponent("parallel-rejects.csv"), encoding: .utf8)
        let again = try String(contentsOf: folder.appendingPathComponent("in-order-rejects.csv"), encoding: .utf8)
        #expect(clean(rejects, input.path) == clean(again, "-"))
    }
}
