import Foundation
import Testing
import TestSupport

/// `border profile`: the stretches, their fenced km, and the summary's rates and exact intervals.
@Suite struct ProfileTests {
    static func object(_ result: CLI.Result) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }

    static func number(_ value: Any?) -> Double? { (value as? NSNumber)?.doubleValue }

    static func profile(_ arguments: [String] = []) throws -> [String: Any] {
        try object(try CLI.run(["profile", "--format", "json"] + arguments).expecting(0))
    }

    /// The incidents within `--within`, as `border distances` measures them.
    static func incidentsWithin(_ kilometres: Double, file: [String] = []) throws -> [[String: Any]] {
        let rows = try JSONSerialization.jsonObject(with: Data(try CLI.run(["distances"] + file + ["--format", "json"]).expecting(0).stdout.utf8)) as! [[String: Any]]
        return rows.filter { number($0["distance_m"])! <= kilometres * 1000 }
    }

    /// Every incident within --within is in exactly one row, with its killed and injured.
    @Test(arguments: [(25.0, 50.0), (40.0, 100.0), (100.0, 10.0)])
    func theStretchesHoldEveryIncidentWithin(binKm: Double, withinKm: Double) throws {
        let rows = try #require(try Self.profile(["--bin-km", "\(binKm)", "--within", "\(withinKm)"])["rows"] as? [[String: Any]])
        let within = try Self.incidentsWithin(withinKm)
        func sum(_ key: String) -> Int { rows.map { ($0[key] as! NSNumber).intValue }.reduce(0, +) }
        #expect(sum("incidents") == within.count)
        #expect(sum("killed") == within.map { Int($0["killed"] as! String)! }.reduce(0, +))
        #expect(sum("injured") == within.map { Int($0["injured"] as! String)! }.reduce(0, +))
        #expect(Set(rows.map { Self.number($0["stretch_start_km"])! }).count == Int((1022.981 / binKm).rounded(.up)))
        for incident in within {
            let chainage = Self.number(incident["chainage_km"])!, year = Int((incident["date"] as! String).prefix(4))!
            let row = rows.first { Self.number($0["stretch_start_km"])! <= chainage && chainage < Self.number($0["stretch_end_km"])! + 1e-9
                && Self.number($0["year"]) == Double(year) }
            #expect((row.map { ($0["incidents"] as! NSNumber).intValue } ?? 0) >= 1, "\(incident["id"]!)")
        }
    }

    /// Each stretch's fenced km at a year's end is `border coverage --as-of YYYY-12-31` cut to that stretch.
    @Test func theFencedKmIsCoverageCutToTheStretch() throws {
        let rows = try #require(try Self.profile()["rows"] as? [[String: Any]])
        for year in [2013, 2019, 2020, 2021, 2024] {
            let coverage = try Self.object(try CLI.run(["coverage", "--as-of", "\(year)-12-31", "--format", "json"]).expecting(0))
            let gaps = (coverage["gaps"] as! [[String: Any]]).map { (Self.number($0["start_km"])!, Self.number($0["end_km"])!) }
            var covered: [(Double, Double)] = [], position = 0.0
            for gap in gaps { if gap.0 > position { covered.append((position, gap.0)) }; position = gap.1 }
            if position < Self.number(coverage["border_km"])! { covered.append((position, Self.number(coverage["border_km"])!)) }
            let ofYear = rows.filter { Self.number($0["year"]) == Double(year) }
            #expect(ofYear.count == 41)
            for row in ofYear {
                let (start, end) = (Self.number(row["stretch_start_km"])!, Self.number(row["stretch_end_km"])!)
                let expected = covered.map { max(0, min($0.1, end) - max($0.0, start)) }.reduce(0, +)
                #expect(abs(Self.number(row["fenced_km"])! - expected) <= 0.0025, "\(year) km \(start)")
            }
            #expect(abs(ofYear.map { Self.number($0["fenced_km"])! }.reduce(0, +) - Self.number(coverage["covered_km"])!) <= 0.01)
        }
    }

    /// The summary against scripts/reference/profile_reference.py: the exposure integrated from
    /// `coverage`'s timeline, the counts from `distances`' fenced_then, the intervals from scipy.stats.
    @Test func theSummaryAgreesWithScipy() throws {
        let folder = try CLI.temporaryFolder()
        let coverage = folder.appendingPathComponent("coverage.json"), distances = folder.appendingPathComponent("distances.json")
        try CLI.run(["coverage", "--format", "json"]).expecting(0).stdout.write(to: coverage, atomically: true, encoding: .utf8)
        try CLI.run(["distances", "--format", "json", "--columns", "distance_m,fenced_then"]).expecting(0).stdout
            .write(to: distances, atomically: true, encoding: .utf8)
        for within in [50.0, 100.0] {
            guard let text = try CLI.whereReferenceRuns({ try CLI.referenceScript("profile_reference.py", [coverage.path, distances.path, "\(within)"]) })
            else { return }
            let expected = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
            let summary = try #require(try Self.profile(["--within", "\(within)"])["summary"] as? [String: Any])
            #expect(Self.number(summary["first_year"]) == Self.number(expected["first_year"]))
            #expect(Self.number(summary["last_year"]) == Self.number(expected["last_year"]))
            // km-years agree to the timeline's 1 m rounding; so does everything scaled by them.
            func close(_ a: Double?, _ b: Double?, _ label: String) {
                guard let a, let b else { return #expect(a == nil && b == nil, "\(label)") }
                #expect(abs(a - b) <= 1e-5 * abs(b) + 1e-12, "\(label): \(a) vs \(b)")
            }
            for side in ["fenced", "unfenced"] {
                let got = try #require(summary[side] as? [String: Any]), want = try #require(expected[side] as? [String: Any])
                #expect(Self.number(got["incidents"]) == Self.number(want["incidents"]))
                for key in ["km_years", "per_100_km_years", "ci95_lower", "ci95_upper"] { close(Self.number(got[key]), Self.number(want[key]), "\(side) \(key)") }
            }
            for key in ["rate_ratio", "rate_ratio_ci95_lower", "rate_ratio_ci95_upper"] {
                close(Self.number(summary[key]), Self.number(expected[key]), key)
            }
        }
    }

    /// Undated rows are in their stretch's undated row, not in the rates; the caveat is always
    /// printed; a named casualty column that is missing makes the input unusable.
    @Test func undatedRowsCaveatAndCasualtyColumns() throws {
        let folder = try CLI.temporaryFolder()
        let input = folder.appendingPathComponent("points.csv")
        try "id,lat,lon,date,dead\na,26.05,62.0,2021-05-01,3\nb,26.05,62.0,,2\nc,30.18414,67.00141,2021-05-01,9\n".write(to: input, atomically: true, encoding: .utf8)
        let result = try Self.object(try CLI.run(["profile", input.path, "--format", "json", "--killed-column", "dead"]).expecting(0))
        let rows = result["rows"] as! [[String: Any]]
        let undated = rows.filter { $0["year"] is NSNull }
        #expect(undated.count == 1 && (undated[0]["incidents"] as! NSNumber).intValue == 1 && (undated[0]["killed"] as! NSNumber).intValue == 2)
        #expect(rows.map { ($0["killed"] as! NSNumber).intValue }.reduce(0, +) == 5)          // Quetta is 460 km away
        let summary = result["summary"] as! [String: Any]
        #expect((summary["undated_incidents"] as! NSNumber).intValue == 1)
        #expect((result["caveat"] as? String)?.contains("coded position") == true)
        let table = try CLI.run(["profile", input.path]).expecting(0)
        #expect(table.stdout.contains("Caveat: ") && table.stdout.contains("per 100 km-years"))
        let csv = try CLI.run(["profile", input.path, "--format", "csv"]).expecting(0)
        #expect(csv.stdout.hasPrefix("stretch_start_km,stretch_end_km,year,incidents,killed,injured,fenced_km\n"))
        #expect(csv.stderr.contains("Caveat: "))
        #expect(try CLI.run(["profile", input.path, "--killed-column", "deaths"]).status == 1)
    }
}
