import Foundation
import Testing
import TestSupport

/// `distances`, `geojson`, `report` and `coverage --incidents` read their points through one row
/// loop: the same rows kept, the same counts, the same rejections and `--rejects` file, the same
/// exit statuses, whatever the number of threads.
@Suite struct RowLoopTests {
    /// Each command with its input file where it takes it (coverage names it with `--incidents`).
    static let commands = ["distances", "geojson", "report", "coverage"]

    static func arguments(_ command: String, _ file: String) -> [String] {
        switch command {
        case "distances": ["distances", file, "--format", "csv"]
        case "geojson": ["geojson", file, "--bands", "10"]
        case "report": ["report", file, "--bands", "10"]
        default: ["coverage", "--incidents", file, "--near", "2000", "--format", "json"]
        }
    }

    static let acledExport = CLI.repository.appendingPathComponent("Tests/BorderCLITests/Inputs/acled-export.csv").path

    /// Two versions of PAK62110: the older is filtered (not rejected) by every command, exit 0.
    @Test(arguments: commands)
    func supersededACLEDVersionsAreFilteredByEveryCommand(_ command: String) throws {
        let result = try CLI.run(Self.arguments(command, Self.acledExport)).expecting(0)
        #expect(result.stderr == "border: 5 rows read, 4 measured, 0 rejected, 1 filtered\n")
    }

    /// The report and coverage list the newest version of PAK62110 once.
    @Test func theNewestVersionIsTheOneKept() throws {
        let coverage = try CLI.run(Self.arguments("coverage", Self.acledExport)).expecting(0)
        let listed = try #require(try JSONSerialization.jsonObject(with: Data(coverage.stdout.utf8)) as? [String: Any])["incidents_near_gaps"] as? [[String: Any]]
        #expect(listed?.count == 4)
        #expect(listed?.filter { $0["id"] as? String == "PAK62110" }.count == 1, "\(listed ?? [])")
        let report = try CLI.run(Self.arguments("report", Self.acledExport)).expecting(0)
        #expect(report.stdout.contains("| incidents measured | 4 |"))
    }

    static let withBadRows = """
        id,lat,lon,date
        good-1,27.0,62.5,2020-05-08
        bad-lat,95,62.5,2020-05-09
        bad-lon,27.0,,2020-05-10
        good-2,26.0,62.0,2021-01-01

        """

    /// Every command reports the same rejections, writes the same `--rejects` file, exits 2, and 0
    /// with `--allow-rejects`.
    @Test(arguments: commands)
    func rejectedRowsAreReportedAlikeByEveryCommand(_ command: String) throws {
        let folder = try CLI.temporaryFolder()
        let input = folder.appendingPathComponent("points.csv")
        try Self.withBadRows.write(to: input, atomically: true, encoding: .utf8)
        let rejects = folder.appendingPathComponent("rejects.csv")
        let result = try CLI.run(Self.arguments(command, input.path) + ["--rejects", rejects.path])
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stderr == """
            border: \(input.path): row 3, column lat, value "95": outside -90…90
            border: \(input.path): row 4, column lon, value "": empty
            border: 4 rows read, 2 measured, 2 rejected

            """)
        let written = try String(contentsOf: rejects, encoding: .utf8)
        #expect(written == """
            file,row,column,value,reason,id,lat,lon,date
            \(input.path),3,lat,95,outside -90…90,bad-lat,95,62.5,2020-05-09
            \(input.path),4,lon,,empty,bad-lon,27.0,,2020-05-10

            """)
        try CLI.run(Self.arguments(command, input.path) + ["--allow-rejects"]).expecting(0)
    }

    /// `coverage --incidents` takes the input options of `distances`: column names and date filters.
    @Test func coverageReadsIncidentsWithTheInputOptions() throws {
        let folder = try CLI.temporaryFolder()
        let input = folder.appendingPathComponent("renamed.csv")
        try "name,northing_deg,easting_deg,date\nearly,27.0,62.5,2019-12-31\nlate,26.0,62.0,2020-01-01\n"
            .write(to: input, atomically: true, encoding: .utf8)
        let result = try CLI.run(["coverage", "--incidents", input.path, "--lat-column", "northing_deg", "--lon-column", "easting_deg",
                                  "--from", "2020", "--near", "2000", "--format", "json"]).expecting(0)
        #expect(result.stderr == "border: 2 rows read, 1 measured, 0 rejected, 1 filtered\n")
        let listed = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])["incidents_near_gaps"] as? [[String: Any]]
        #expect(listed?.compactMap { $0["place"] as? String } == ["late"], "\(listed ?? [])")
    }

    /// Records from a reader (here GeoJSON, several batches of 1,024) measured on three threads
    /// give the bytes of one thread.
    @Test func recordsOnThreadsEqualOneThread() throws {
        let folder = try CLI.temporaryFolder()
        let input = folder.appendingPathComponent("points.geojson")
        var generator = SplitMix64(seed: 7)
        let features = (0..<3_000).map { n in
            let lon = 58 + 9 * generator.unit(), lat = 24 + 7.5 * generator.unit()
            let geometry = n % 101 == 5 ? "null" : #"{"type":"Point","coordinates":[\#(lon),\#(lat)]}"#
            return #"{"type":"Feature","properties":{"id":"p\#(n)","date":"2020-0\#(1 + n % 9)-01"},"geometry":\#(geometry)}"#
        }
        try (#"{"type":"FeatureCollection","features":["# + features.joined(separator: ",\n") + "]}")
            .write(to: input, atomically: true, encoding: .utf8)
        for format in ["csv", "geojson"] {
            let one = try CLI.run(["distances", input.path, "--format", format, "--threads", "1", "--to", "2020-08"])
            let three = try CLI.run(["distances", input.path, "--format", format, "--threads", "3", "--to", "2020-08"])
            #expect(one.status == 2 && one.stdout == three.stdout && one.stderr == three.stderr)
            #expect(one.stderr.hasSuffix("border: 3000 rows read, 2640 measured, 27 rejected, 333 filtered\n"), "\(one.stderr.suffix(200))")
        }
    }
}
