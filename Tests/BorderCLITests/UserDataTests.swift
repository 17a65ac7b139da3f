import Foundation
import Testing

/// `report` and `geojson` on the user's own incidents and fence: their figures are those of
/// `distances` and `coverage` run with the same arguments, digit for digit, with the fence given
/// as CSV chainage ranges and as GeoJSON lines.
@Suite struct UserDataTests {
    static let export = CLI.repository.appendingPathComponent("Tests/BorderCLITests/Inputs/acled-export.csv").path

    /// Three chainage ranges; the last completed after the as-of date, so it does not count.
    static let fenceCSV = """
        start_km,end_km,status,side,kind,completed,source
        100,250.5,built,PK,fence,2019-05-01,test
        300,420,built,IR,wall,2020-12-31,test
        500,700,built,PK,fence,2022-01-01,test

        """

    /// Lines through runs of the border's own vertices (read here from data/border.geojson).
    static func fenceGeoJSON() throws -> String {
        let border = try JSONSerialization.jsonObject(with: Data(contentsOf: CLI.repository.appendingPathComponent("data/border.geojson"))) as? [String: Any]
        let feature = (border?["features"] as? [[String: Any]])?.first ?? border
        let vertices = try #require((feature?["geometry"] as? [String: Any])?["coordinates"] as? [[Double]])
        func line(_ range: Range<Int>, _ completed: String, _ side: String) -> String {
            let coordinates = vertices[range].map { "[\($0[0]),\($0[1])]" }.joined(separator: ",")
            return #"{"type":"Feature","properties":{"status":"built","side":"\#(side)","kind":"fence","completed":"\#(completed)","source":"test"},"geometry":{"type":"LineString","coordinates":[\#(coordinates)]}}"#
        }
        return #"{"type":"FeatureCollection","features":["# + [line(1000..<3000, "2019-05-01", "PK"), line(6000..<7000, "2020-12-31", "IR"),
                                                                line(9000..<11000, "2022-01-01", "PK")].joined(separator: ",") + "]}"
    }

    static func fenceFile(_ kind: String) throws -> String {
        let url = try CLI.temporaryFolder().appendingPathComponent("my-fence.\(kind)")
        try (kind == "csv" ? fenceCSV : fenceGeoJSON()).write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    static func coverage(_ arguments: [String]) throws -> [String: Any] {
        let result = try CLI.run(["coverage", "--format", "json"] + arguments).expecting(0)
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }

    static func km(_ value: Any?, _ decimals: Int) -> String { String(format: "%.\(decimals)f", (value as? NSNumber)?.doubleValue ?? .nan) }

    @Test(arguments: ["csv", "geojson"])
    func theReportShowsTheFiguresOfDistancesAndCoverage(_ kind: String) throws {
        let arguments = ["--fence", try Self.fenceFile(kind), "--as-of", "2021-06-30"]
        let folder = try CLI.temporaryFolder()
        let html = folder.appendingPathComponent("r.html")
        try CLI.run(["report", Self.export] + arguments + ["--format", "html", "-o", html.path]).expecting(0)
        #expect(try String(contentsOf: html, encoding: .utf8).contains("<h2>Made from</h2>"))
        let markdown = try CLI.run(["report", Self.export] + arguments).expecting(0).stdout

        let coverage = try Self.coverage(arguments)
        let gaps = try #require(coverage["gaps"] as? [[String: Any]])
        #expect(gaps.count >= 2)
        let summary = Dictionary(markdownTable(markdown, startingWith: "figure").map { ($0[0], $0[1]) }, uniquingKeysWith: { a, _ in a })
        #expect(summary["fenced (covered)"] == Self.km(coverage["covered_km"], 3) + " km")
        #expect(summary["coverage"] == Self.km(coverage["coverage_pct"], 2) + " %")
        #expect(summary["gaps"] == String(gaps.count))
        #expect(markdownTable(markdown, startingWith: "#") == gaps.enumerated().map { n, gap in
            [String(n + 1), Self.km(gap["start_km"], 3), Self.km(gap["end_km"], 3), Self.km(gap["length_km"], 3)]
        })

        let distances = try CLI.run(["distances", Self.export, "--format", "json", "--columns",
                                     "distance_m,chainage_km,uncertainty_km,distance_min_m,distance_max_m"]).expecting(0)
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(distances.stdout.utf8)) as? [[String: Any]])
        let table = markdownTable(markdown, startingWith: "id")
        #expect(table.count == 4 && rows.count == 4)
        func number(_ row: [String: Any], _ key: String) -> Double { (row[key] as? NSNumber)?.doubleValue ?? .nan }
        for (row, reported) in zip(rows, table) {
            #expect(reported[0] == row["event_id_cnty"] as? String)
            // A radius of 1 km or more (the export's geo_precision): the interval, its ends rounded outwards.
            #expect(reported[2] == (number(row, "uncertainty_km") >= 1
                ? ReportReference.down(number(row, "distance_min_m")) + "–" + ReportReference.up(number(row, "distance_max_m"))
                : Self.km(number(row, "distance_m") / 1000, 2)))
            #expect(Double(reported[7]) == number(row, "uncertainty_km"))
            #expect(reported[3] == Self.km(row["chainage_km"], 1))
        }
    }

    @Test(arguments: ["csv", "geojson"])
    func theMapShowsTheFiguresOfDistancesAndCoverage(_ kind: String) throws {
        let fence = try Self.fenceFile(kind)
        let arguments = ["--fence", fence, "--as-of", "2021-06-30"]
        let map = try CLI.run(["geojson", Self.export, "--bands", "10"] + arguments).expecting(0)
        let features = try GeoJSONChecks.collection(map.stdout)
        func layer(_ name: String) -> [[String: Any]] {
            features.compactMap { $0["properties"] as? [String: Any] }.filter { $0["layer"] as? String == name }
        }
        let gaps = try #require(try Self.coverage(arguments)["gaps"] as? [[String: Any]])
        #expect(layer("gap").map { [Self.km($0["start_km"], 3), Self.km($0["end_km"], 3)] }
                == gaps.map { [Self.km($0["start_km"], 3), Self.km($0["end_km"], 3)] })
        // Every segment of the file is drawn (the filters decide the gaps, not the drawing).
        #expect(layer("fence").count == 3)
        if kind == "csv" { #expect(layer("fence").map { Self.km($0["start_km"], 3) } == ["100.000", "300.000", "500.000"]) }

        let distances = try CLI.run(["distances", Self.export, "--format", "geojson"]).expecting(0)
        let measured = try GeoJSONChecks.collection(distances.stdout).compactMap { $0["properties"] as? [String: Any] }
        #expect(layer("incident").map { Self.km($0["distance_m"], 6) } == measured.map { Self.km($0["distance_m"], 6) })
        #expect(layer("incident").count == 4)
    }

    /// The report names its input and its counts; the seed's claims about bundled incidents say
    /// they are not in the user's file, and are checked on the bundled one.
    @Test func theReportSaysWhatItWasMadeFrom() throws {
        let markdown = try CLI.run(["report", Self.export, "--from", "2019", "--title", "Incidents | 2019 on"]).expecting(0).stdout
        #expect(markdown.hasPrefix("# Incidents | 2019 on\n"))
        let made = Dictionary(markdownTable(markdown, startingWith: "item").map { ($0[0], $0[1]) }, uniquingKeysWith: { a, _ in a })
        #expect(made["incidents"] == Self.export)
        #expect(made["rows"] == "5 rows read, 4 measured, 0 rejected, 1 filtered")
        #expect(made["reading options and filters"] == "--from 2019")
        #expect(made["fence"] == "fence.geojson of the data folder")
        #expect(made["program"]?.hasPrefix("border ") == true)
        let claims = markdownTable(markdown, startingWith: "claim")
        let distanceClaim = try #require(claims.first { $0[0].contains("nine miles") })
        #expect(distanceClaim[2] == "not checked")
        #expect(distanceClaim[3] == "not in this input (incident 2020-05-08-buleda-ied)")
        #expect(claims.filter { $0[3].hasPrefix("not in this input") }.count == 6)

        let bundled = try CLI.run(["report"]).expecting(0).stdout
        #expect(!bundled.contains("not in this input"))
        #expect(markdownTable(bundled, startingWith: "item").first { $0[0] == "incidents" }?[1] == "the bundled incidents (incidents.csv of the data folder)")
    }
}
