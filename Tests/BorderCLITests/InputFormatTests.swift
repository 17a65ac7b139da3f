import Foundation
import Testing

@Suite struct InputFormatTests {
    static let inputs = CLI.repository.appendingPathComponent("Tests/BorderCLITests/Inputs")

    func csv(_ stdout: String) -> [[String: String]] {
        // Simple split is enough: the checked columns hold no quotes (notes are checked by line count).
        let lines = stdout.split(separator: "\n").map(String.init)
        let header = lines[0].split(separator: ",").map(String.init)
        return lines.dropFirst().map { line in
            Dictionary(zip(header, line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)), uniquingKeysWith: { a, _ in a })
        }
    }

    @Test func acledExportIsDetectedAndDeduplicated() throws {
        let result = try CLI.run(["distances", Self.inputs.appendingPathComponent("acled-export.csv").path, "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        // 5 rows: PAK62110 twice (the older timestamp is filtered), the rest once.
        #expect(result.stderr.contains("5 rows read, 4 measured, 0 rejected, 1 filtered"))
        let rows = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [[String: Any]]
        #expect(rows.map { $0["event_id_cnty"] as! String } == ["PAK62110", "IRN10023", "PAK90001", "PAK90002"])
        #expect(rows[0]["fatalities"] as? String == "6")                       // the newer version
        #expect((rows[1]["notes"] as! String).contains("HQ.\nPolice said 11 officers were killed, 7 wounded; the group said \"dozens\"."))
        #expect(rows[0].count == 31 + 21)                   // every input column + computed, the uncertainty and the day columns included
        #expect(rows.allSatisfy { $0["uncertainty_source"] as? String == "geo_precision" })
    }

    @Test func acledFiltersByPrecisionAndDate() throws {
        let path = Self.inputs.appendingPathComponent("acled-export.csv").path
        let precise = try CLI.run(["distances", path, "--format", "csv", "--max-geo-precision", "1"])
        #expect(precise.stderr.contains("5 rows read, 1 measured, 0 rejected, 4 filtered"))
        // "15-12-2023" (dd-mm-yyyy) and "16 Jan 2024" fall in the range; 2019 and 2020 do not.
        let recent = try CLI.run(["distances", path, "--format", "csv", "--from", "2023-01-01", "--to", "2024"])
        #expect(recent.stderr.contains("5 rows read, 2 measured, 0 rejected, 3 filtered"))
        #expect(recent.status == 0)
    }

    @Test func acledFromStandardInputIsSpooledForTheSecondPass() throws {
        let text = try String(contentsOf: Self.inputs.appendingPathComponent("acled-export.csv"), encoding: .utf8)
        let result = try CLI.run(["distances", "-", "--format", "csv"], stdin: text)
        #expect(result.stderr.contains("5 rows read, 4 measured, 0 rejected, 1 filtered"), "\(result.stderr)")
    }

    @Test func gtdExport() throws {
        let path = Self.inputs.appendingPathComponent("gtd-export.csv").path
        let result = try CLI.run(["distances", path, "--format", "json"])
        // The specificity-5 row has no coordinates: rejected, not lost.
        #expect(result.status == 2)
        #expect(result.stderr.contains("row 5, column latitude, value \"\": empty"))
        #expect(result.stderr.contains("4 rows read, 3 measured, 1 rejected"))
        let rows = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [[String: Any]]
        #expect(rows.map { $0["eventid"] as! String } == ["201812140012", "201904180003", "201703000001"])
        #expect(rows[0]["nkill"] as? String == "6" && rows[0]["side"] as? String == "PK")
        #expect(rows[0].count == 73 + 21)                   // GTD's wide header passes through (its iyear/imonth/iday date the day columns)
        #expect(rows.allSatisfy { $0["uncertainty_source"] as? String == "specificity" })
        // Month known, day 0: March 2017 overlaps --from 2017-03-15; the year-only row 2017 does too
        // but is filtered by specificity 5 > 4.
        let filtered = try CLI.run(["distances", path, "--format", "csv", "--from", "2017-03-15", "--to", "2017-12-31", "--max-geo-precision", "4"])
        #expect(filtered.status == 0, "\(filtered.stderr)")
        #expect(filtered.stderr.contains("4 rows read, 1 measured, 0 rejected, 3 filtered"))
    }

    @Test func utmCoordinatesWithCrs() throws {
        // pyproj 3.7.2: Transformer.from_crs("EPSG:32641", "EPSG:4326", always_xy=True)
        //   .transform(500000, 3300000) -> (63.000000000, 29.830467320)
        // (E 500000 is zone 41's central meridian, 63°E, so the longitude is exact.)
        let result = try CLI.run(["distances", "-", "--crs", "EPSG:32641", "--format", "geojson", "--precision", "9"],
                                 stdin: "name,easting,northing\ncentral,500000,3300000\n")
        #expect(result.status == 0, "\(result.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any]
        let geometry = (object["features"] as! [[String: Any]])[0]["geometry"] as! [String: Any]
        let coordinates = geometry["coordinates"] as! [Double]
        #expect(abs(coordinates[0] - 63.000000000) < 1e-9)
        #expect(abs(coordinates[1] - 29.830467320) < 1e-9)
    }

    @Test func wktColumnAndDmsColumns() throws {
        let wkt = try CLI.run(["distances", "-", "--format", "csv"], stdin: "id,wkt\ntaftan,POINT(61.59 28.97)\n")
        #expect(wkt.status == 0, "\(wkt.stderr)")
        let dms = try CLI.run(["distances", "-", "--format", "csv"], stdin: "id,lat,lon\ntaftan,28°58′12″N,61°35′24″E\n")
        #expect(dms.status == 0, "\(dms.stderr)")
        // 28°58′12″ = 28.97, 61°35′24″ = 61.59: the same point, the same distance.
        #expect(csv(wkt.stdout)[0]["distance_m"] == csv(dms.stdout)[0]["distance_m"])
    }

    @Test func rejectsFileHoldsEveryRejectedRow() throws {
        let folder = try CLI.temporaryFolder()
        let rejects = folder.appendingPathComponent("rejects.csv")
        let result = try CLI.run(["distances", "-", "--format", "csv", "--rejects", rejects.path],
                                 stdin: "id,lat,lon,note\na,95,61,\"x, y\"\nb,28.9,61.5,ok\nc\n")
        #expect(result.status == 2)
        let text = try String(contentsOf: rejects, encoding: .utf8)
        #expect(text == """
            file,row,column,value,reason,id,lat,lon,note
            -,2,lat,95,outside -90…90,a,95,61,"x, y"
            -,4,lat,,"the row has 1 fields, the header 4",c,,,

            """)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["rejects.csv"])
        // Unusable input: no rejects file at all.
        let failed = try CLI.run(["distances", "-", "--rejects", rejects.path + ".2"], stdin: "a,b\n1,2\n")
        #expect(failed.status == 1)
        #expect(!FileManager.default.fileExists(atPath: rejects.path + ".2"))
    }

    @Test func pipingIntoHeadEndsQuietly() throws {
        let folder = try CLI.temporaryFolder()
        let input = folder.appendingPathComponent("many.csv")
        try ("lat,lon\n" + String(repeating: "28.9,61.5\n", count: 20_000)).write(to: input, atomically: true, encoding: .utf8)
        // bash, so PIPESTATUS is border's own status, not head's.
        let result = try CLI.bash("'\(CLI.executable.path)' distances '\(input.path)' --format csv | head -n 2; echo \"status ${PIPESTATUS[0]}\"")
        let stdout = result.stdout, stderr = result.stderr
        #expect(stdout.hasSuffix("status 0\n"), "\(stdout)")            // quiet: EPIPE ends the run with 0
        #expect(stdout.split(separator: "\n").count == 3)          // header, one row, the echo
        #expect(stderr.isEmpty, "\(stderr)")
    }

    @Test func interruptLeavesNoPartialFileAndKeepsTheOldOne() throws {
        let folder = try CLI.temporaryFolder()
        let target = folder.appendingPathComponent("out.csv")
        let rejects = folder.appendingPathComponent("rejects.csv")
        try "keep me".write(to: target, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = CLI.executable
        process.arguments = ["distances", "-", "-o", target.path, "--rejects", rejects.path, "--format", "csv"]
        process.currentDirectoryURL = CLI.repository
        process.environment = ProcessInfo.processInfo.environment.merging(["BORDER_CACHE": CLI.cacheFolder.path]) { $1 }
        let input = Pipe()
        process.standardInput = input
        process.standardError = FileHandle.nullDevice      // 5,000 rejections must not fill an unread pipe
        try process.run()
        // A slow producer: rows arrive, then the input stalls mid-run, and Ctrl-C comes.
        input.fileHandleForWriting.write(Data(("lat,lon\n" + String(repeating: "28.9,61.5\n95,1\n", count: 5_000)).utf8))
        var waited = 0
        while (try FileManager.default.contentsOfDirectory(atPath: folder.path)).count < 3 && waited < 200 {
            usleep(50_000)
            waited += 1
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).count == 3)   // both .partial files exist
        usleep(300_000)
        kill(process.processIdentifier, SIGINT)
        process.waitUntilExit()
        #expect(process.terminationStatus == 130)
        #expect(try String(contentsOf: target, encoding: .utf8) == "keep me")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["out.csv"])
    }
}
