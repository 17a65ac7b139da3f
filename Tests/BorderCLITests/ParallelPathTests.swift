import Foundation
import Testing

/// A plain CSV file or pipe reaches the row loop's workers as blocks they parse themselves; ACLED
/// and GTD exports as records read on the calling thread (`RowInput`). Every way must give the
/// same bytes, rejects and counts (the row-by-row CSV reader against the blocks: `CSVBlockRowsTests`).
/// A GeoJSON collection's features reach the workers in blocks from a file or from standard input
/// (copied for the second pass): three workers and one must agree too.
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

    /// ~9,000 Point features over several 1 MB chunks, with bad ones of several kinds.
    static func awkwardGeoJSON() -> [UInt8] {
        var generator: UInt64 = 7
        func next() -> Double {
            generator = generator &* 6364136223846793005 &+ 1442695040888963407
            return Double(generator >> 11) / Double(1 << 53)
        }
        var features: [String] = []
        for row in 0..<9_000 {
            let (lat, lon) = (24 + 7.5 * next(), 58 + 9 * next())
            let geometry: String
            switch row % 97 {
            case 3: geometry = "null"
            case 5: geometry = #"{"type":"Polygon","coordinates":[[[61,28],[62,28],[62,29],[61,28]]]}"#
            case 7: geometry = #"{"type":"Point","coordinates":[\#(lon),95]}"#
            case 11: geometry = #"{"type":"Point","coordinates":["\#(lon)","\#(lat)"]}"#
            default: geometry = #"{"type":"Point","coordinates":[\#(lon),\#(lat)]}"#
            }
            let note = row % 13 == 0 ? #","note":"a \"quoted\", long note \#(String(repeating: "·", count: 60))""# : ""
            features.append(#"{"type":"Feature","properties":{"id":"\#(row)"\#(note)},"geometry":\#(geometry)}"#)
        }
        return Array(#"{"type":"FeatureCollection","features":[\#(features.joined(separator: ",\n"))]}"#.utf8)
    }

    @Test(arguments: ["csv", "geojson"])
    func geoJSONFeaturesOnThreadsEqualOneWorker(_ format: String) throws {
        let folder = try CLI.temporaryFolder()
        let input = folder.appendingPathComponent("awkward.geojson")
        let bytes = Self.awkwardGeoJSON()
        try Data(bytes).write(to: input)
        #expect(bytes.count > 1_100_000, "spans chunks")
        let parallel = try CLI.run(["distances", input.path, "--format", format, "--threads", "3",
                                    "--rejects", folder.appendingPathComponent("parallel-rejects.csv").path])
        let one = try CLI.run(["distances", "-", "--input-format", "geojson", "--format", format, "--threads", "1",
                               "--rejects", folder.appendingPathComponent("one-rejects.csv").path], stdinBytes: bytes)
        #expect(parallel.status == 2 && one.status == 2)
        #expect(parallel.stdout == one.stdout && parallel.stdout.count > 1_000_000)
        #expect(parallel.stderr.replacingOccurrences(of: input.path, with: "-") == one.stderr)
        #expect(parallel.stderr.contains("9000 rows read, 8628 measured, 372 rejected"), "\(parallel.stderr.suffix(200))")
        let rejects = try String(contentsOf: folder.appendingPathComponent("parallel-rejects.csv"), encoding: .utf8)
        let again = try String(contentsOf: folder.appendingPathComponent("one-rejects.csv"), encoding: .utf8)
        #expect(rejects.replacingOccurrences(of: input.path, with: "-") == again)
    }

    /// An ACLED export of ~9,000 rows (past the block reader's read-ahead) with re-issued events:
    /// from standard input its header is read by the block reader, and what it has read goes with
    /// the rest of the pipe to a temporary copy for the ACLED reader.
    static func acledExport() -> String {
        var text = "event_id_cnty,event_date,latitude,longitude,geo_precision,fatalities,notes,timestamp\n"
        for row in 0..<9_000 {
            let event = row % 10 == 9 ? row - 1 : row                   // every tenth row re-issues the one before
            text += "PAK\(event),2020-05-\(10 + row % 18),\(24 + Double(row % 750) / 100),\(58 + Double(row % 900) / 100),\(row % 3 + 1),\(row % 4),"
                + "\"note \(row), with a comma\",\(1_700_000_000 + row)\n"
        }
        return text
    }

    @Test func anACLEDExportOnStandardInputIsReadLikeTheFile() throws {
        let text = Self.acledExport()
        let folder = try CLI.temporaryFolder()
        let input = folder.appendingPathComponent("acled.csv")
        try text.write(to: input, atomically: true, encoding: .utf8)
        let fromFile = try CLI.run(["distances", input.path, "--format", "csv"]).expecting(0)
        let fromPipe = try CLI.run(["distances", "-", "--format", "csv"], stdin: text).expecting(0)
        #expect(fromPipe.stdout == fromFile.stdout && fromFile.stdout.count > 1_000_000)
        #expect(fromPipe.stderr == fromFile.stderr.replacingOccurrences(of: input.path, with: "-"))
        #expect(fromFile.stderr.contains("9000 rows read, 8100 measured, 0 rejected, 900 filtered"), "\(fromFile.stderr)")
    }

    /// Inputs read twice (ACLED's de-duplication, GeoJSON's two passes) from a FIFO, from a process
    /// substitution and from standard input redirected from the file (a second reader of "-" would
    /// share its offset): copied first, nothing lost, named as given.
    @Test(arguments: ["acled", "geojson"])
    func aFIFOIsReadLikeTheFile(_ kind: String) throws {
        let folder = try CLI.temporaryFolder()
        let file = folder.appendingPathComponent(kind == "acled" ? "export.csv" : "features.geojson")
        let bytes = kind == "acled" ? Array(Self.acledExport().utf8) : Self.awkwardGeoJSON()
        try Data(bytes).write(to: file)
        let fifo = folder.appendingPathComponent("fifo").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let format = kind == "acled" ? [] : ["--input-format", "geojson"]
        let fromFile = try CLI.run(["distances", file.path, "--format", "csv"] + format)
        let border = "'\(CLI.executable.path)' distances"
        let fromFIFO = try CLI.bash("cat '\(file.path)' > '\(fifo)' & \(border) '\(fifo)' --format csv \(format.joined(separator: " "))")
        let substituted = try CLI.bash("\(border) <(cat '\(file.path)') --format csv \(format.joined(separator: " "))")
        let redirected = try CLI.bash("\(border) - --format csv \(kind == "acled" ? "" : "--input-format geojson") < '\(file.path)'")
        #expect(fromFile.stdout.count > 1_000_000)
        #expect(fromFIFO.stdout == fromFile.stdout && substituted.stdout == fromFile.stdout)
        #expect(redirected.stdout == fromFile.stdout, "\(redirected.stderr.suffix(200))")
        #expect(fromFIFO.stderr == fromFile.stderr.replacingOccurrences(of: file.path, with: fifo), "\(fromFIFO.stderr.suffix(300))")
        #expect(fromFile.stderr.contains(kind == "acled" ? "9000 rows read, 8100 measured, 0 rejected, 900 filtered" : "9000 rows read"))
    }

    @Test(arguments: ["csv", "json", "geojson", "geojsonseq"])
    func aFileOnThreadsEqualsThePipe(_ format: String) throws {
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
