import Foundation
import Testing
import TestSupport

/// Each row's uncertainty radius and the distance interval over its disc.
@Suite struct UncertaintyTests {
    static func csv(_ text: String) throws -> URL {
        let url = try CLI.temporaryFolder().appendingPathComponent("points.csv")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    static func rows(_ result: CLI.Result) throws -> [[String: Any]] {
        try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
    }

    /// `--uncertainty-km` over a column over the precision code (radii overridable) over none.
    @Test func theRadiusComesInOrderOfPrecedence() throws {
        let input = try Self.csv("id,lat,lon,uncertainty_km,geo_precision\na,27,62.5,7,2\nb,27,62.5,,2\nc,27,62.5,,3\nd,27,62.5,,\n")
        let columns = ["--format", "json", "--columns", "uncertainty_km,uncertainty_source"]
        func radii(_ extra: [String]) throws -> [String] {
            try Self.rows(try CLI.run(["distances", input.path] + columns + extra).expecting(0)).map {
                "\(($0["uncertainty_km"] as? NSNumber)?.doubleValue ?? -1) \($0["uncertainty_source"] as? String ?? "?")"
            }
        }
        #expect(try radii([]) == ["7.0 column", "25.0 geo_precision", "100.0 geo_precision", "0.0 none"])
        #expect(try radii(["--precision-radii", "2=10"]) == ["7.0 column", "10.0 geo_precision", "100.0 geo_precision", "0.0 none"])
        #expect(try radii(["--uncertainty-km", "3"]) == ["3.0 option", "3.0 option", "3.0 option", "3.0 option"])
        #expect(try radii(["--uncertainty-column", "geo_precision"]) == ["2.0 column", "2.0 column", "3.0 column", "0.0 none"])
    }

    @Test func unreadableRadiiRejectTheirRow() throws {
        let input = try Self.csv("id,lat,lon,uncertainty_km,geo_precision\na,27,62.5,far,\nb,27,62.5,-1,\nc,27,62.5,,4\nd,27,62.5,1,\n")
        let result = try CLI.run(["distances", input.path, "--format", "csv"])
        #expect(result.status == 2)
        #expect(result.stderr.contains(#"row 2, column uncertainty_km, value "far": not a radius in km (a number, 0 or more)"#))
        #expect(result.stderr.contains(#"row 3, column uncertainty_km, value "-1""#))
        #expect(result.stderr.contains(#"row 4, column geo_precision, value "4": not a precision code with a radius (1, 2, 3)"#))
        #expect(result.stderr.contains("4 rows read, 1 measured, 3 rejected"))
        let missing = try CLI.run(["distances", input.path, "--uncertainty-column", "radius"])
        #expect(missing.status == 1 && missing.stderr.contains("--uncertainty-column radius: no such column"))
        #expect(try CLI.run(["distances", input.path, "--precision-radii", "2:10"]).status == 64)
    }

    /// Without a radius source the columns are not written by default (and cost nothing); r = 0
    /// gives min = max = distance_m and a certain side.
    @Test func noRadiusNoColumnsAndZeroGivesThePoint() throws {
        let input = try Self.csv("id,lat,lon\na,27,62.5\n")
        let plain = try Self.rows(try CLI.run(["distances", input.path, "--format", "json"]).expecting(0))
        #expect(plain[0]["distance_min_m"] == nil && plain[0]["uncertainty_km"] == nil)
        let zero = try Self.rows(try CLI.run(["distances", input.path, "--format", "json", "--uncertainty-km", "0",
                                              "--columns", "distance_m,distance_min_m,distance_max_m,side_certain"]).expecting(0))[0]
        let d = try #require((zero["distance_m"] as? NSNumber)?.doubleValue)
        #expect(abs(((zero["distance_min_m"] as? NSNumber)?.doubleValue ?? .nan) - d) <= 0.05)
        #expect(abs(((zero["distance_max_m"] as? NSNumber)?.doubleValue ?? .nan) - d) <= 0.1)
        #expect(zero["side_certain"] as? Bool == true)
    }

    /// Every point of the disc (its centre, edge and four inner rings, placed by GeographicLib) is
    /// measured within [distance_min_m, distance_max_m]; a disc holding the border has min 0 and
    /// an uncertain side. Discs are seeded random points of the region with radii 0.5–100 km.
    @Test func everyPointOfTheDiscLiesInTheInterval() throws {
        var generator = SplitMix64(seed: testSeed(11))
        var discs = "id,lat,lon,r_m\n"
        for n in 0..<40 {
            let lat = 25 + 5 * generator.unit(), lon = 60.5 + 3.5 * generator.unit()
            let r = [500.0, 2_000, 25_000, 100_000][n % 4]
            discs += "d\(n),\(lat),\(lon),\(r)\n"
        }
        guard let samples = try CLI.whereReferenceRuns({ try CLI.referenceScript("disc_samples.py", [], stdin: discs) }) else { return }
        let discFile = try Self.csv(discs.split(separator: "\n").enumerated().map { n, line in
            n == 0 ? "id,lat,lon,r_m,uncertainty_km" : line + "," + String(Double(line.split(separator: ",")[3])! / 1000)
        }.joined(separator: "\n") + "\n")
        let intervals = try Self.rows(try CLI.run(["distances", discFile.path, "--format", "json",
                                                   "--columns", "distance_m,distance_min_m,distance_max_m,side_certain"]).expecting(0))
        let sampleFile = try CLI.temporaryFolder().appendingPathComponent("samples.csv")
        try samples.write(to: sampleFile, atomically: true, encoding: .utf8)
        let measured = try Self.rows(try CLI.run(["distances", sampleFile.path, "--format", "json", "--columns", "distance_m,side"]).expecting(0))
        var byDisc: [String: [(Double, String)]] = [:]
        for row in measured {
            byDisc[row["disc"] as? String ?? "", default: []].append(((row["distance_m"] as? NSNumber)?.doubleValue ?? .nan, row["side"] as? String ?? ""))
        }
        for disc in intervals {
            let id = disc["id"] as? String ?? ""
            let (low, high) = ((disc["distance_min_m"] as? NSNumber)?.doubleValue ?? .nan, (disc["distance_max_m"] as? NSNumber)?.doubleValue ?? .nan)
            let points = try #require(byDisc[id])
            #expect(points.allSatisfy { $0.0 >= low - 0.05 && $0.0 <= high + 1e-6 }, "\(id): [\(low), \(high)] vs \(points.map(\.0).min()!)…\(points.map(\.0).max()!)")
            #expect(high - points.map(\.0).max()! >= -1e-6)
            if disc["side_certain"] as? Bool == true { #expect(Set(points.map(\.1)).count == 1, "\(id): side certain, but \(Set(points.map(\.1)))") }
            if low == 0 { #expect(disc["side_certain"] as? Bool == false, "\(id)") }
        }
    }

    /// The committed cases of Inputs/uncertainty (made by scripts/reference/disc_reference.py
    /// --make-cases: GeographicLib's exact distances, the maximum found by a search of the disc's
    /// edge and interior and certified by an independent branch and bound). distance_m and
    /// distance_min_m = max(0, d − r) to 1 mm; distance_max_m within 1 m of the searched maximum and
    /// never below it (it is an upper bound) nor above the certified bound + 1 m; r = 0 gives the
    /// point; a disc that reaches the border (at the tripoint, at Gwatar Bay, beside the line) is
    /// never side-certain, and one well inside a country is.
    @Test func theIntervalAgreesWithTheIndependentDiscSearch() throws {
        let (cases, rows) = try Self.measuredCases("cases.csv")
        #expect(cases.count == 13)
        var certain: [String: Bool] = [:]
        for (row, reference) in zip(rows, cases) { certain[reference["id"]!] = row["side_certain"] as? Bool }
        let byID = Dictionary(uniqueKeysWithValues: zip(cases.map { $0["id"]! }, rows))
        // 10 km from the border, r = 3 km: the minimum is d − r, 7 km.
        let tenKm = try #require(byID["ten_km_r3"])
        #expect(abs(((tenKm["distance_min_m"] as? NSNumber)?.doubleValue ?? .nan) - (((tenKm["distance_m"] as? NSNumber)?.doubleValue ?? .nan) - 3000)) <= 1e-3)
        // r = 0: the interval is the point (the maximum printed to 0.1 m, rounded up).
        let zero = try #require(byID["r_zero"])
        let d = (zero["distance_m"] as? NSNumber)?.doubleValue ?? .nan
        #expect(abs(((zero["distance_min_m"] as? NSNumber)?.doubleValue ?? .nan) - d) <= 5e-4)
        #expect(((zero["distance_max_m"] as? NSNumber)?.doubleValue ?? .nan) - d >= 0 && ((zero["distance_max_m"] as? NSNumber)?.doubleValue ?? .nan) - d <= 0.1)
        // The border wraps round this point: its maximum lies inside the disc, above anything on its edge.
        let wrap = try #require(cases.first { $0["id"] == "wrap_inside" })
        #expect(wrap["max_inside"] == "true")
        let wrapMax = (byID["wrap_inside"]?["distance_max_m"] as? NSNumber)?.doubleValue ?? .nan
        #expect(wrapMax > (Double(wrap["circle_upper_m"] ?? "") ?? .infinity) + 20, "the interior maximum was missed: \(wrapMax)")
        // Side certainty: never where the disc reaches the line, its end at the tripoint or the coast;
        // proven where the disc lies well inside one country.
        for id in ["r_gt_d", "pk_r2_touch", "tripoint_r25", "gwatar_r25", "wrap_inside"] { #expect(certain[id] == false, "\(id)") }
        for id in ["ten_km_r3", "ir_r25", "r_zero"] { #expect(certain[id] == true, "\(id)") }
    }

    /// The committed cases of Inputs/uncertainty/wrapped.csv, made the same way: 24 discs (8 each of
    /// 2, 25 and 100 km) whose point straight away from the nearest border point is not the
    /// farthest, so the maximum is found by the branch and bound, each within 1 m as above.
    @Test func wrappedDiscsAgreeWithTheIndependentDiscSearch() throws {
        let (cases, _) = try Self.measuredCases("wrapped.csv")
        #expect(cases.count == 24)
        for radius in ["2", "25", "100"] { #expect(cases.filter { $0["radius_km"] == radius }.count == 8) }
    }

    /// Runs `distances` on the cases of Inputs/uncertainty/`file` and checks each row against its
    /// reference: distance_m and distance_min_m to 1 mm; distance_max_m never below the searched
    /// maximum (it is an upper bound), at most 1 m above it, and at most 1.1 m above the certified
    /// bound; a disc that reaches the border is never side-certain.
    private static func measuredCases(_ file: String) throws -> (cases: [[String: String]], rows: [[String: Any]]) {
        let url = CLI.repository.appendingPathComponent("Tests/BorderCLITests/Inputs/uncertainty/\(file)")
        let records = csvRecords(try String(contentsOf: url, encoding: .utf8))
        let header = records[0]
        let cases = records.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
        let input = try Self.csv("id,lat,lon,uncertainty_km\n" + cases.map { "\($0["id"]!),\($0["lat"]!),\($0["lon"]!),\($0["radius_km"]!)" }.joined(separator: "\n") + "\n")
        let rows = try Self.rows(try CLI.run(["distances", input.path, "--format", "json",
                                              "--columns", "distance_m,side,distance_min_m,distance_max_m,side_certain"]).expecting(0))
        #expect(rows.count == cases.count)
        for (row, reference) in zip(rows, cases) {
            let id = reference["id"]!
            func number(_ key: String) -> Double { (row[key] as? NSNumber)?.doubleValue ?? .nan }
            func expected(_ key: String) -> Double { Double(reference[key] ?? "") ?? .nan }
            #expect(row["id"] as? String == id)
            #expect(abs(number("distance_m") - expected("distance_m")) <= 1e-3, "\(id): distance_m")
            #expect(abs(number("distance_min_m") - expected("distance_min_m")) <= 1e-3, "\(id): distance_min_m \(number("distance_min_m"))")
            let max = number("distance_max_m")
            #expect(max >= expected("distance_max_m") - 1e-3 && max - expected("distance_max_m") <= 1, "\(id): distance_max_m \(max) vs \(expected("distance_max_m"))")
            #expect(max <= expected("max_upper_m") + 1.1, "\(id): distance_max_m \(max) above the certified bound")
            if reference["touches_border"] == "true" { #expect(row["side_certain"] as? Bool == false, "\(id): the disc reaches the border") }
        }
        return (cases, rows)
    }

    /// The spread over the border lines against GeographicLib's exact distances to each line
    /// (scripts/reference/spread_reference.py), to 1 mm; seeded points of the region and the far north.
    @Test func theSpreadIsTheRangeOfTheExactDistancesToEachLine() throws {
        var generator = SplitMix64(seed: testSeed(12))
        var points = "id,lat,lon\n"
        for n in 0..<60 { points += "p\(n),\(24.8 + 5.5 * generator.unit()),\(60.3 + 4 * generator.unit())\n" }
        guard let reference = try CLI.whereReferenceRuns({ try CLI.referenceScript("spread_reference.py", [], stdin: points) }) else { return }
        let rows = try Self.rows(try CLI.run(["distances", try Self.csv(points).path, "--format", "json",
                                              "--columns", "distance_m,distance_spread_m,distance_by_source"]).expecting(0))
        let expected = reference.split(separator: "\n").dropFirst().map { $0.split(separator: ",").map(String.init) }
        #expect(rows.count == 60 && expected.count == 60)
        for (row, line) in zip(rows, expected) {
            let bySource = try #require(row["distance_by_source"] as? [String: Any])
            #expect(row["id"] as? String == line[0])
            for (n, source) in ["bundled", "dcw", "wdbii", "ne10m"].enumerated() {
                let metres = (bySource[source] as? NSNumber)?.doubleValue ?? .nan
                #expect(abs(metres - Double(line[n + 1])!) <= 1e-3, "\(line[0]) \(source): \(metres) vs \(line[n + 1])")
            }
            let spread = (row["distance_spread_m"] as? NSNumber)?.doubleValue ?? .nan
            #expect(abs(spread - Double(line[5])!) <= 1e-3, "\(line[0]) spread: \(spread) vs \(line[5])")
        }
    }

    /// Asked for the spread with a data folder that has no alternative lines: unusable, named.
    @Test func theSpreadWithoutAlternativeLinesIsUnusable() throws {
        let data = try CLI.temporaryFolder()
        for file in ["border.geojson", "places.csv", "countries.geojson"] {
            try FileManager.default.copyItem(at: CLI.repository.appendingPathComponent("data/\(file)"), to: data.appendingPathComponent(file))
        }
        let points = try Self.csv("id,lat,lon\na,27.37,62.33\n")
        let result = try CLI.run(["distances", points.path, "--data", data.path, "--columns", "distance_spread_m"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("border-alternatives.geojson"), "\(result.stderr)")
        #expect(try CLI.run(["distances", points.path, "--data", data.path, "--columns", "distance_m"]).status == 0)
    }
}
