import Foundation
import Testing
import TestSupport

/// The columns that depend on the row's day: the fence then (`fenced_then`, `gap_along_km`) and the
/// nearest crossing open then.
@Suite struct OnTheDayTests {
    static func json(_ result: CLI.Result) throws -> [[String: Any]] {
        try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
    }

    static func number(_ row: [String: Any], _ key: String) -> Double? { (row[key] as? NSNumber)?.doubleValue }

    /// The covered stretches `border coverage --as-of DAY` prints: the complement of its gaps, km.
    static func gaps(asOf day: String) throws -> (gaps: [(Double, Double)], borderKm: Double) {
        let output = try CLI.run(["coverage", "--as-of", day, "--format", "json"]).expecting(0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
        let gaps = try #require(object["gaps"] as? [[String: Any]]).map {
            (($0["start_km"] as! NSNumber).doubleValue, ($0["end_km"] as! NSNumber).doubleValue)
        }
        return (gaps, (object["border_km"] as! NSNumber).doubleValue)
    }

    /// Points on the border in the middle of every built segment of the bundled fence and of every
    /// gap left when all stand, dated on each completion date, the day before it, its month and
    /// its year (a partly known date counts from its first day), and undated: `fenced_then` and
    /// `gap_along_km` agree with `border coverage --as-of` that day (its gaps to 1 m; the distance
    /// to the nearest gap, 0 inside one, none when nothing is uncovered).
    @Test func theFenceOnTheDayIsCoverageAsOfThatDay() throws {
        let fence = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: CLI.repository.appendingPathComponent("data/fence.geojson"))) as? [String: Any])
        var points: [(Double, Double)] = []
        var completions = Set<String>()
        for feature in try #require(fence["features"] as? [[String: Any]]) {
            let properties = feature["properties"] as! [String: Any]
            guard properties["status"] as? String == "built", let completed = properties["completed"] as? String else { continue }
            completions.insert(completed)
            let line = (feature["geometry"] as! [String: Any])["coordinates"] as! [[Double]]
            points.append((line[line.count / 2][0], line[line.count / 2][1]))
        }
        let geojson = try CLI.run(["coverage", "--format", "geojson"]).expecting(0)
        let layers = try #require(try JSONSerialization.jsonObject(with: Data(geojson.stdout.utf8)) as? [String: Any])
        for feature in layers["features"] as! [[String: Any]] where (feature["properties"] as! [String: Any])["layer"] as? String == "gap" {
            let line = (feature["geometry"] as! [String: Any])["coordinates"] as! [[Double]]
            points.append((line[line.count / 2][0], line[line.count / 2][1]))
        }
        var days: [String] = [""]
        for date in completions.sorted() {
            let parts = date.split(separator: "-").map { Int($0)! }
            let before = parts[2] > 1 ? String(format: "%04d-%02d-%02d", parts[0], parts[1], parts[2] - 1) : nil
            days += [date, String(date.prefix(7)), String(date.prefix(4))] + (before.map { [$0] } ?? [])
        }
        var csv = "id,lat,lon,date\n"
        for (n, point) in points.enumerated() { for day in days { csv += "p\(n),\(point.1),\(point.0),\(day)\n" } }
        let input = try CLI.temporaryFolder().appendingPathComponent("dated.csv")
        try csv.write(to: input, atomically: true, encoding: .utf8)
        let rows = try Self.json(try CLI.run(["distances", input.path, "--format", "json", "--columns", "chainage_km,fenced_then,gap_along_km"]).expecting(0))
        #expect(rows.count == points.count * days.count)

        var coverage: [String: (gaps: [(Double, Double)], borderKm: Double)] = [:]
        var fencedSeen = 0, openSeen = 0
        for row in rows {
            let date = row["date"] as? String ?? ""
            guard !date.isEmpty else {
                #expect(row["fenced_then"] is NSNull && row["gap_along_km"] is NSNull)
                continue
            }
            let firstDay = date.count == 4 ? date + "-01-01" : date.count == 7 ? date + "-01" : date
            if coverage[firstDay] == nil { coverage[firstDay] = try Self.gaps(asOf: firstDay) }
            let (gaps, _) = coverage[firstDay]!
            let chainage = try #require(Self.number(row, "chainage_km"))
            let inGap = gaps.contains { $0.0 <= chainage && chainage <= $0.1 }
            let nearestGap = gaps.map { max(0, $0.0 - chainage, chainage - $0.1) }.min()
            #expect(row["fenced_then"] as? Bool == !inGap, "\(row["id"]!) \(date) at km \(chainage)")
            if let nearestGap {
                #expect(abs((Self.number(row, "gap_along_km") ?? .nan) - nearestGap) <= 0.0015, "\(row["id"]!) \(date)")
            } else {
                #expect(row["gap_along_km"] is NSNull)
            }
            if inGap { openSeen += 1 } else { fencedSeen += 1 }
        }
        #expect(fencedSeen > 50 && openSeen > 50)
    }

    /// A whole border fenced has no gap to be near; a row with no date, or a date that cannot be
    /// read, has neither column but is still measured (a date filter would reject it).
    @Test func noGapNoDateAndBadDates() throws {
        let folder = try CLI.temporaryFolder()
        let fence = folder.appendingPathComponent("all.csv")
        try "start_km,end_km,status,side,kind,completed,source\n0,1022.981,built,PK,fence,2020-01-01,test\n".write(to: fence, atomically: true, encoding: .utf8)
        let input = folder.appendingPathComponent("points.csv")
        try "id,lat,lon,date\na,27,62.5,2021-01-01\nb,27,62.5,2019-12-31\nc,27,62.5,\nd,27,62.5,soon\n".write(to: input, atomically: true, encoding: .utf8)
        let result = try CLI.run(["distances", input.path, "--fence", fence.path, "--format", "json", "--columns", "distance_m,fenced_then,gap_along_km"])
        #expect(result.status == 0)
        let rows = try Self.json(result)
        #expect(rows.count == 4)
        #expect(rows[0]["fenced_then"] as? Bool == true && rows[0]["gap_along_km"] is NSNull)
        #expect(rows[1]["fenced_then"] as? Bool == false && Self.number(rows[1], "gap_along_km") == 0)
        for row in rows[2...] { #expect(row["fenced_then"] is NSNull && row["gap_along_km"] is NSNull && Self.number(row, "distance_m") != nil) }
        let filtered = try CLI.run(["distances", input.path, "--from", "2019", "--format", "csv"])
        #expect(filtered.status == 2 && filtered.stderr.contains(#"row 5, column date, value "soon": not a date"#))
        #expect(try CLI.run(["distances", input.path, "--as-of", "2020-01-01"]).status == 64)
    }

    /// Every place of data/places.csv on days around the openings, against
    /// scripts/reference/crossing_reference.py (GeographicLib distances; chainages from the
    /// independent nearest-point search): the crossing chosen, its distance, its position's
    /// uncertainty and the distance along the border (both printed to 1 m).
    @Test func theNearestOpenCrossingAgreesWithTheReference() throws {
        let cases = CLI.repository.appendingPathComponent("Tests/BorderCLITests/Inputs/crossings/cases.csv")
        let rows = try Self.json(try CLI.run(["distances", cases.path, "--format", "json", "--columns",
                                              "nearest_crossing,crossing_km,crossing_uncertainty_km,crossing_along_km"]).expecting(0))
        #expect(rows.count == 279)
        var chosen = Set<String>()
        for row in rows {
            let label = "\(row["id"]!) \(row["date"]!)"
            let expected = try #require(row["expected_crossing"] as? String)
            #expect(row["nearest_crossing"] as? String == expected, "\(label)")
            chosen.insert(expected)
            #expect(abs((Self.number(row, "crossing_km") ?? .nan) - Double(row["expected_crossing_km"] as! String)!) <= 0.0006, "\(label)")
            #expect(Self.number(row, "crossing_uncertainty_km") == Double(row["expected_uncertainty_km"] as! String)!, "\(label)")
            #expect(abs((Self.number(row, "crossing_along_km") ?? .nan) - Double(row["expected_along_km"] as! String)!) <= 0.0011, "\(label)")
        }
        #expect(chosen.count == 3 && !chosen.contains { $0.hasPrefix("Torkham") })
    }
}
