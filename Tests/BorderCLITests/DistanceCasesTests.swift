import Foundation
import Testing

/// Constructions with known answers through the built `border distances`: the side just off the
/// border, the nearest place and the compass bearing from it, and the boundaries of the row filters.
@Suite struct DistanceCasesTests {
    static let cases = CLI.repository.appendingPathComponent("Tests/BorderCLITests/Inputs/distances/cases.csv")

    /// Rows of a CSV without quoted fields, by column name.
    static func rows(_ text: String) -> [[String: String]] {
        let lines = text.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        guard let header = lines.first else { return [] }
        return lines.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
    }

    /// `scripts/reference/make_distance_cases.py` (GeographicLib): points 300 m to 3 km square off long
    /// edges, whose foot is provably on that edge (Pakistan left, Iran right, within 5 km the line
    /// decides), and points 3 km from Mand either side of compass-point boundaries.
    @Test func sideAndNearestPlaceOfConstructedPoints() throws {
        let expected = Self.rows(try String(contentsOf: Self.cases, encoding: .utf8))
        #expect(expected.filter { $0["side"] != "" }.count >= 24)
        let result = try CLI.run(["distances", Self.cases.path, "--format", "csv",
                                  "--columns", "side,nearest_place,nearest_place_km,nearest_place_bearing"]).expecting(0)
        let measured = Self.rows(result.stdout)
        #expect(measured.count == expected.count)
        for (want, got) in zip(expected, measured) {
            #expect(got["id"] == want["id"])
            for column in ["side", "nearest_place", "nearest_place_km", "nearest_place_bearing"] where want[column] != "" {
                #expect(got[column] == want[column], "\(want["id"] ?? "") \(column)")
            }
        }
    }

    /// `--from` and `--to` include their own day; a day outside is filtered.
    @Test func dateFiltersIncludeTheirOwnDay() throws {
        let rows = "id,date,lat,lon\nbefore,2014-02-05,27.37,62.33\non,2014-02-06,27.37,62.33\nafter,2014-02-07,27.37,62.33\n"
        for (options, kept) in [(["--from", "2014-02-06"], ["on", "after"]), (["--to", "2014-02-06"], ["before", "on"]),
                                (["--from", "2014-02-06", "--to", "2014-02-06"], ["on"]), (["--to", "2014-02"], ["before", "on", "after"]),
                                (["--from", "2014-02-07"], ["after"])] {
            let result = try CLI.run(["distances", "-", "--format", "csv", "--columns", "side"] + options, stdin: rows).expecting(0)
            #expect(Self.rows(result.stdout).map { $0["id"] ?? "" } == kept, "\(options)")
            #expect(result.stderr.contains("3 rows read, \(kept.count) measured, 0 rejected"), "\(options)")
        }
    }

    /// Two versions of one ACLED event with the same timestamp: the later row is the one kept.
    @Test func acledTieKeepsTheLaterRow() throws {
        let export = """
            event_id_cnty,event_date,latitude,longitude,geo_precision,fatalities,timestamp
            X1,2020-05-08,27.0,62.5,1,1,1700000000
            X1,2020-05-08,27.1,62.6,1,2,1700000000
            X2,2020-05-09,27.2,62.7,1,3,1700000005
            X2,2020-05-09,27.3,62.8,1,4,1700000001

            """
        let result = try CLI.run(["distances", "-", "--input-format", "acled", "--format", "csv", "--columns", "side"],
                                 stdin: export).expecting(0)
        #expect(Self.rows(result.stdout).map { $0["fatalities"] ?? "" } == ["2", "3"])
        #expect(result.stderr.contains("4 rows read, 2 measured, 0 rejected, 2 filtered"))
    }
}
