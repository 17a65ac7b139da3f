import Foundation
import Testing

@Suite struct DistancesCommandTests {
    @Test func bundledIncidentsPrintATable() throws {
        let result = try CLI.run(["distances", "--format", "table"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.first?.contains("km to border") == true)
        let incidents = try String(contentsOf: CLI.repository.appendingPathComponent("data/incidents.csv"), encoding: .utf8)
        let rows = try CLI.run(["distances", "--format", "csv"]).stdout.split(separator: "\n").count - 1
        #expect(lines.count == rows + 2)                      // title, rule, one line per incident
        #expect(rows >= 20)
        #expect(incidents.contains("2020-05-08"))
        #expect(result.stderr.contains("\(rows) rows read, \(rows) measured, 0 rejected"))
    }

    @Test func noArgumentsRunsTheDistancesOfTheBundledIncidents() throws {
        let result = try CLI.run([])
        #expect(result.status == 0)
        #expect(result.stdout.contains("2020-05-08-buleda-ied"))
    }

    @Test func csvKeepsInputColumnsAndAddsTheContractColumns() throws {
        // Two points with hand-checkable answers: the tripoint itself and a point 1° north of it.
        let input = "id,lat,lon,note\ntripoint,29.858546,60.872855,\"a, quoted\"\nnorth,30.858546,60.872855,x\n"
        let result = try CLI.run(["distances", "-", "--format", "csv"], stdin: input)
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines[0] == "id,lat,lon,note,distance_m,nearest_lon,nearest_lat,chainage_km,side,beyond_end,nearest_place,nearest_place_km,nearest_place_bearing,nearest_place_desc")
        #expect(lines[1].hasPrefix("tripoint,29.858546,60.872855,\"a, quoted\",0.000000,60.872855000,29.858546000,0.000000,"))
        // Due north of the first vertex, beyond the end: the distance is the meridian arc from
        // 29.858546° to 30.858546° (GeographicLib: 110,858.5211 m).
        let fields = lines[2].split(separator: ",").map(String.init)
        #expect(abs(Double(fields[4])! - 110_858.521118) < 0.001)
        #expect(fields[9] == "true")
    }

    /// `--columns` writes only the chosen computed columns, in the usual order, with the same values as
    /// a full run, on the parallel (file) and row-by-row (stdin) paths; an input column it does not
    /// write passes through.
    @Test func columnsChooseTheComputedColumns() throws {
        let input = "id,lat,lon,side\nwest,28.9,61.3,mine\neast,27.0,63.5,theirs\n"
        let file = try CLI.temporaryFolder().appendingPathComponent("points.csv")
        try input.write(to: file, atomically: true, encoding: .utf8)
        let full = try CLI.run(["distances", file.path, "--format", "csv"]).stdout.split(separator: "\n").map { $0.split(separator: ",") }
        for source in [file.path, "-"] {
            let result = try CLI.run(["distances", source, "--format", "csv", "--columns", "chainage_km, distance_m"], stdin: input)
            #expect(result.status == 0, "\(result.stderr)")
            let lines = result.stdout.split(separator: "\n").map { $0.split(separator: ",") }
            #expect(lines[0] == ["id", "lat", "lon", "side", "distance_m", "chainage_km"])
            for row in 1...2 {
                #expect(lines[row][3] == ["mine", "theirs"][row - 1])
                #expect(lines[row][4] == full[row][3] && lines[row][5] == full[row][6])   // full: id,lat,lon,distance_m,lon,lat,chainage
            }
        }
        let json = try CLI.run(["distances", "-", "--format", "json", "--columns", "side"], stdin: "lat,lon\n26.0794,61.754\n")
        let array = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as! [[String: Any]]
        #expect(Set(array[0].keys) == ["lat", "lon", "side"])
        let unknown = try CLI.run(["distances", "--columns", "distance_km"])
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("no computed column distance_km"))
    }

    @Test func geoJSONInputAndOutput() throws {
        let folder = try CLI.temporaryFolder()
        let input = folder.appendingPathComponent("points.geojson")
        try #"{"type":"FeatureCollection","features":[{"type":"Feature","id":7,"properties":{"name":"Taftan"},"geometry":{"type":"Point","coordinates":[61.58661,28.94687]}}]}"#
            .write(to: input, atomically: true, encoding: .utf8)
        let result = try CLI.run(["distances", input.path, "--format", "geojson"])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any]
        let feature = (object["features"] as! [[String: Any]])[0]
        let properties = feature["properties"] as! [String: Any]
        #expect((properties["id"] as? NSNumber)?.intValue == 7)              // a JSON number stays one
        #expect(properties["side"] as? String == "PK")
        #expect((properties["distance_m"] as! Double) > 1_500 && (properties["distance_m"] as! Double) < 2_500)
    }

    /// QGIS and geojson.io put a feature's id in `properties.id`; the top-level `id` is kept as
    /// `feature_id`; booleans stay `true`/`false`, null is empty, nested values are JSON text.
    @Test func geoJSONIdsAndPropertiesAreKept() throws {
        let folder = try CLI.temporaryFolder()
        let input = folder.appendingPathComponent("export.geojson")
        try #"""
            {"type":"FeatureCollection","features":[
            {"type":"Feature","id":"f-1","properties":{"id":"qgis-1","verified":true,"note":null,"tags":["a","b"]},"geometry":{"type":"Point","coordinates":[61.58661,28.94687]}},
            {"type":"Feature","properties":{"id":12,"verified":false},"geometry":{"type":"Point","coordinates":[61.44959,29.0148]}},
            {"type":"Feature","id":3,"properties":{"note":"only a top-level id"},"geometry":{"type":"Point","coordinates":[62.0,26.05]}}]}
            """#.write(to: input, atomically: true, encoding: .utf8)
        let result = try CLI.run(["distances", input.path, "--format", "csv", "--columns", "side"]).expecting(0)
        #expect(result.stdout == """
            id,feature_id,note,tags,verified,side
            qgis-1,f-1,,"[""a"",""b""]",true,PK
            12,,,,false,IR
            3,3,only a top-level id,,,PK

            """)
    }

    @Test func jsonOutputIsAnArrayOfObjects() throws {
        let result = try CLI.run(["distances", "-", "--format", "json"], stdin: "lat,lon\n26.0794,61.754\n")
        let array = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [[String: Any]]
        #expect(array.count == 1)
        #expect(array[0]["side"] as? String == "IR")
        #expect(array[0]["nearest_place"] as? String == "Pishin")
    }

    @Test func missingFileIsUnusableInput() throws {
        let result = try CLI.run(["distances", "/nonexistent/points.csv"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("/nonexistent/points.csv: no such file"))
        #expect(!result.stderr.contains("Fatal"))
    }

    @Test func noCoordinateColumnsIsUnusableInput() throws {
        let result = try CLI.run(["distances", "-"], stdin: "a,b\n1,2\n")
        #expect(result.status == 1)
        #expect(result.stderr.contains("no latitude column"))
    }

    @Test func badRowsAreReportedAndCounted() throws {
        let result = try CLI.run(["distances", "-", "--format", "csv"], stdin: "id,lat,lon\na,95,61\nb,28.9,61.5\nc,,61\n")
        #expect(result.status == 2)
        #expect(result.stderr.contains("-: row 2, column lat, value \"95\": outside -90…90"))
        #expect(result.stderr.contains("row 4, column lat, value \"\": empty"))
        #expect(result.stderr.contains("3 rows read, 1 measured, 2 rejected"))
        #expect(result.stdout.split(separator: "\n").count == 2)
        let allowed = try CLI.run(["distances", "-", "--allow-rejects"], stdin: "lat,lon\nx,61\n")
        #expect(allowed.status == 0)
    }

    @Test func outputFileIsWrittenAtomically() throws {
        let folder = try CLI.temporaryFolder()
        let target = folder.appendingPathComponent("out.csv")
        try "keep me".write(to: target, atomically: true, encoding: .utf8)
        // Unusable input: the existing file must stay as it was, and no partial file remains.
        let failed = try CLI.run(["distances", "/nonexistent.csv", "-o", target.path])
        #expect(failed.status == 1)
        #expect(try String(contentsOf: target, encoding: .utf8) == "keep me")
        let written = try CLI.run(["distances", "-o", target.path, "--format", "csv"])
        #expect(written.status == 0)
        #expect(try String(contentsOf: target, encoding: .utf8).hasPrefix("id,date,place"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["out.csv"])
    }
}
